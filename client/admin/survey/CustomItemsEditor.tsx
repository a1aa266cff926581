// The secretariat's own questions: answer type (a 5-point scale, one or several options, free text), wording in
// Danish and English, options with fixed codes, favourable answers, phases, placement, required, order.
import { useId, useRef } from 'react';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { useSurveyEditorT } from '../../i18n/surveyEditor';
import { SCALES } from '../../../surveys/scales';
import { Check, GroupError, ReorderButtons, groupDescribedBy, useReorderFocus } from './controls';
import { fieldId, kindOf, liveBehaviours, move, newCustomItem, nextChoiceValue, withKind, type CustomItemSpec, type CustomKind, type EditorContext } from './specState';

const KINDS: readonly CustomKind[] = ['agreement5', 'frequency5', 'single', 'multi', 'text'];

export function CustomItemsEditor(ctx: EditorContext) {
  const t = useSurveyEditorT();
  const { spec, update, announce } = ctx;
  const focus = useReorderFocus();
  // Stable list keys: the question's key is editable, so it cannot be the React key.
  const uids = useRef<string[]>([]);
  const seq = useRef(0);
  if (uids.current.length !== spec.customItems.length) uids.current = spec.customItems.map((_, i) => uids.current[i] ?? `c${++seq.current}`);

  const add = () => {
    const n = spec.customItems.length + 1;
    update((s) => ({ ...s, customItems: [...s.customItems, newCustomItem(s)] }));
    announce(t('customAdded', { n }));
    // Focus the new question's first field once it is drawn.
    window.setTimeout(() => document.getElementById(fieldId(`customItems.${n - 1}.kind`))?.focus(), 0);
  };

  return (
    <section className="section" aria-labelledby="se-custom">
      <h2 id="se-custom" tabIndex={-1}>
        {t('customTitle')}
      </h2>
      <p className="muted">{t('customIntro')}</p>
      {spec.customItems.length === 0 && <p>{t('noCustom')}</p>}
      <ol className="editor-list">
        {spec.customItems.map((item, i) => (
          <li key={uids.current[i]}>
            <CustomItemCard
              ctx={ctx}
              item={item}
              index={i}
              uid={uids.current[i]}
              focus={focus}
              onMove={(to) => {
                uids.current = move(uids.current, i, to);
                update((s) => ({ ...s, customItems: move(s.customItems, i, to) }));
                announce(t('customMoved', { n: to + 1, total: spec.customItems.length }));
              }}
              onRemove={() => {
                uids.current = uids.current.filter((_, j) => j !== i);
                update((s) => ({ ...s, customItems: s.customItems.filter((_, j) => j !== i) }));
                announce(t('customRemoved', { n: i + 1 }));
                window.setTimeout(() => document.getElementById('se-custom')?.focus(), 0);
              }}
            />
          </li>
        ))}
      </ol>
      <button type="button" className="secondary" onClick={add}>
        <span aria-hidden="true">+</span> {t('addCustom')}
      </button>
    </section>
  );
}

function CustomItemCard({
  ctx,
  item,
  index,
  uid,
  focus,
  onMove,
  onRemove,
}: {
  ctx: EditorContext;
  item: CustomItemSpec;
  index: number;
  uid: string;
  focus: ReturnType<typeof useReorderFocus>;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useSurveyEditorT();
  const { project, spec, update, errors } = ctx;
  const headingId = useId();
  const n = index + 1;
  const base = `customItems.${index}`;
  const total = spec.customItems.length;
  const set = (change: (c: CustomItemSpec) => CustomItemSpec) => update((s) => ({ ...s, customItems: s.customItems.map((c, j) => (j === index ? change(c) : c)) }));
  const kind = kindOf(item);
  const behaviours = liveBehaviours(project);

  const remove = () => {
    if (window.confirm(t('confirmRemoveCustom', { n }))) onRemove();
  };

  return (
    <div className="card editor-card" role="group" aria-labelledby={headingId} id={fieldId(base)} tabIndex={-1}>
      <div className="card-head">
        <h3 id={headingId}>
          {t('customHeading', { n })}
          {item.text[t.locale] || item.text.da ? <span className="muted card-subtitle">{item.text[t.locale] || item.text.da}</span> : null}
        </h3>
        <div className="card-actions">
          <ReorderButtons id={uid} index={index} total={total} upLabel={t('moveCustomUp', { n })} downLabel={t('moveCustomDown', { n })} onMove={onMove} focus={focus} />
          <button type="button" className="danger small" aria-label={t('removeCustomLabel', { n })} onClick={remove}>
            {t('removeCustom')}
          </button>
        </div>
      </div>
      <GroupError path={base} error={errors[base]} />

      <SelectField id={fieldId(`${base}.kind`)} label={t('kind')} value={kind} onChange={(e) => set((c) => withKind(c, e.target.value as CustomKind))}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind_${k}`)}
          </option>
        ))}
      </SelectField>

      <div className="form-grid two">
        {(['da', 'en'] as const).map((lang) => {
          const path = `${base}.text.${lang}`;
          return (
            <TextArea
              key={lang}
              id={fieldId(path)}
              label={t(lang === 'da' ? 'questionDa' : 'questionEn')}
              lang={lang}
              rows={2}
              maxLength={500}
              required
              aria-required="true"
              value={item.text[lang]}
              error={errors[path]}
              onChange={(e) => set((c) => ({ ...c, text: { ...c.text, [lang]: e.target.value } }))}
            />
          );
        })}
      </div>

      {(item.kind === 'single' || item.kind === 'multi') && <ChoicesEditor ctx={ctx} item={item} index={index} set={set} />}

      {item.kind === 'rating' && (
        <fieldset id={fieldId(`${base}.favourable`)} tabIndex={-1} aria-describedby={groupDescribedBy(`${base}.favourable`, errors[`${base}.favourable`], `${fieldId(base)}-fav-hint`)}>
          <legend>{t('favourableLegend')}</legend>
          <p className="hint" id={`${fieldId(base)}-fav-hint`}>
            {t('favourableHint')}
          </p>
          <div className="check-grid">
            {SCALES[item.scale].points.map((p) => (
              <Check
                key={p.value}
                label={p.text[t.locale]}
                checked={item.favourable.includes(p.value)}
                onChange={(on) =>
                  set((c) => (c.kind === 'rating' ? { ...c, favourable: on ? [...c.favourable, p.value].sort((a, b) => a - b) : c.favourable.filter((v) => v !== p.value) } : c))
                }
              />
            ))}
          </div>
          <GroupError path={`${base}.favourable`} error={errors[`${base}.favourable`]} />
        </fieldset>
      )}

      {item.kind === 'multi' && (
        <TextField
          id={fieldId(`${base}.maxSelected`)}
          label={t('maxSelected')}
          type="number"
          inputMode="numeric"
          min={1}
          max={item.choices.length}
          value={item.maxSelected ?? ''}
          error={errors[`${base}.maxSelected`]}
          onChange={(e) => {
            const v = e.target.value.trim();
            set((c) => {
              if (c.kind !== 'multi') return c;
              const { maxSelected: _drop, ...rest } = c;
              return v === '' ? rest : { ...rest, maxSelected: Number(v) };
            });
          }}
        />
      )}

      <div className="form-grid two">
        <fieldset className="compact">
          <legend>{t('phasesLegend')}</legend>
          <div className="radio-row">
            {(['both', 'baseline', 'followup'] as const).map((p) => (
              <label key={p}>
                <input type="radio" name={`${headingId}-phases`} value={p} checked={item.phases === p} onChange={() => set((c) => ({ ...c, phases: p }))} />
                {t(`phase_${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          id={fieldId(`${base}.placement`)}
          label={t('placement')}
          value={item.placement === 'end' ? 'end' : String(item.placement.behaviourId)}
          onChange={(e) => {
            const v = e.target.value;
            set((c) => ({ ...c, placement: v === 'end' ? 'end' : { behaviourId: Number(v) } }));
          }}
        >
          <option value="end">{t('placementEnd')}</option>
          {behaviours.map((b) => (
            <option key={b.id} value={String(b.id)}>
              {t('placementBehaviour', { title: b.title })}
            </option>
          ))}
        </SelectField>
      </div>

      <Check label={t('requiredItem')} checked={item.required} onChange={(on) => set((c) => ({ ...c, required: on }))} />

      <TextField
        id={fieldId(`${base}.id`)}
        label={t('customId')}
        hint={t('customIdHint')}
        value={item.id}
        maxLength={40}
        autoCapitalize="none"
        spellCheck={false}
        error={errors[`${base}.id`]}
        onChange={(e) => set((c) => ({ ...c, id: e.target.value }))}
      />
    </div>
  );
}

type ChoiceItem = Extract<CustomItemSpec, { kind: 'single' | 'multi' }>;

function ChoicesEditor({ ctx, item, index, set }: { ctx: EditorContext; item: ChoiceItem; index: number; set: (change: (c: CustomItemSpec) => CustomItemSpec) => void }) {
  const t = useSurveyEditorT();
  const base = `customItems.${index}`;
  const hintId = `${fieldId(base)}-choices-hint`;
  const choicesError = ctx.errors[`${base}.choices`];
  const favError = ctx.errors[`${base}.favourable`];
  const setChoices = (change: (c: ChoiceItem) => ChoiceItem) => set((c) => (c.kind === 'single' || c.kind === 'multi' ? change(c) : c));

  const add = () => {
    const value = nextChoiceValue(item.choices);
    setChoices((c) => ({ ...c, choices: [...c.choices, { value, text: { da: '', en: '' } }] }));
    window.setTimeout(() => document.getElementById(fieldId(`${base}.choices.${item.choices.length}.text.da`))?.focus(), 0);
  };

  return (
    <fieldset id={fieldId(`${base}.choices`)} tabIndex={-1} aria-describedby={groupDescribedBy(`${base}.choices`, choicesError, hintId)}>
      <legend>{t('choicesLegend')}</legend>
      <p className="hint" id={hintId}>
        {t('choicesHint')} {t('favourableHint')}
      </p>
      <ol className="choice-list">
        {item.choices.map((choice, j) => (
          <li key={choice.value} className="choice-row">
            <span className="tag choice-code">{t('choiceCode', { value: choice.value })}</span>
            <div className="form-grid two">
              {(['da', 'en'] as const).map((lang) => {
                const path = `${base}.choices.${j}.text.${lang}`;
                return (
                  <TextField
                    key={lang}
                    id={fieldId(path)}
                    label={t(lang === 'da' ? 'choiceDa' : 'choiceEn', { value: choice.value })}
                    lang={lang}
                    maxLength={500}
                    required
                    aria-required="true"
                    value={choice.text[lang]}
                    error={ctx.errors[path]}
                    onChange={(e) => setChoices((c) => ({ ...c, choices: c.choices.map((x) => (x.value === choice.value ? { ...x, text: { ...x.text, [lang]: e.target.value } } : x)) }))}
                  />
                );
              })}
            </div>
            <div className="choice-actions">
              <Check
                label={
                  <>
                    {t('choiceFavourable')}
                    <span className="visually-hidden">{t('choiceSuffix', { value: choice.value })}</span>
                  </>
                }
                checked={item.favourable.includes(choice.value)}
                onChange={(on) =>
                  setChoices((c) => ({ ...c, favourable: on ? [...c.favourable, choice.value].sort((a, b) => a - b) : c.favourable.filter((v) => v !== choice.value) }))
                }
              />
              <button
                type="button"
                className="danger small"
                onClick={() => {
                  setChoices((c) => ({ ...c, choices: c.choices.filter((x) => x.value !== choice.value), favourable: c.favourable.filter((v) => v !== choice.value) }));
                  window.setTimeout(() => document.getElementById(fieldId(`${base}.choices`))?.focus(), 0);
                }}
              >
                {t('removeChoice')}
                <span className="visually-hidden">{t('removeChoiceSuffix', { value: choice.value })}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="secondary small" onClick={add} disabled={item.choices.length >= 20}>
        <span aria-hidden="true">+</span> {t('addChoice')}
      </button>
      <GroupError path={`${base}.choices`} error={choicesError} />
      {favError && (
        <p className="field-error" id={fieldId(`${base}.favourable`)} tabIndex={-1}>
          {favError}
        </p>
      )}
    </fieldset>
  );
}
