// Per behaviour: included or not, which questions (in plain words), which linked benefits, page order, and
// rewording of each question in Danish and English. Also the closing question of the survey.
import { useEffect, useId, useState } from 'react';
import { TextArea } from '../../components/Field';
import { useSurveyEditorT } from '../../i18n/surveyEditor';
import { Check, GroupError, ReorderButtons, groupDescribedBy, useReorderFocus } from './controls';
import { BEHAVIOUR_CONSTRUCTS, fieldId, hasOldBehaviour, linkedBenefits, liveBehaviours, move, rewordItems, type Behaviour, type BehaviourConstruct, type EditorContext, type RewordItem } from './specState';

export function BehavioursEditor(ctx: EditorContext) {
  const t = useSurveyEditorT();
  const { project, spec, update, announce } = ctx;
  const focus = useReorderFocus();
  const byId = new Map(liveBehaviours(project).map((b) => [b.id, b]));
  const list = spec.behaviours.filter((bs) => byId.has(bs.behaviourId));

  return (
    <section className="section" aria-labelledby="se-behaviours">
      <h2 id="se-behaviours">{t('behavioursTitle')}</h2>
      <p className="muted">{t('behavioursIntro')}</p>
      {list.length === 0 && <p>{t('noBehaviours')}</p>}
      <ol className="editor-list">
        {list.map((bs, i) => {
          const b = byId.get(bs.behaviourId)!;
          return (
            <li key={b.id}>
              <BehaviourCard
                ctx={ctx}
                behaviour={b}
                index={i}
                total={list.length}
                focus={focus}
                onMove={(to) => {
                  update((s) => ({ ...s, behaviours: move(s.behaviours, i, to) }));
                  announce(t('moved', { title: b.title, n: to + 1, total: list.length }));
                }}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function BehaviourCard({
  ctx,
  behaviour,
  index,
  total,
  focus,
  onMove,
}: {
  ctx: EditorContext;
  behaviour: Behaviour;
  index: number;
  total: number;
  focus: ReturnType<typeof useReorderFocus>;
  onMove: (to: number) => void;
}) {
  const t = useSurveyEditorT();
  const { project, spec, update, errors } = ctx;
  const headingId = useId();
  const bs = spec.behaviours[index];
  const path = `behaviours.${index}`;
  const error = errors[path];
  const linked = linkedBenefits(project, behaviour);
  const idBase = `b${behaviour.id}`;

  const set = (change: (b: typeof bs) => typeof bs) => update((s) => ({ ...s, behaviours: s.behaviours.map((x) => (x.behaviourId === behaviour.id ? change(x) : x)) }));
  const toggleConstruct = (c: BehaviourConstruct, on: boolean) =>
    set((b) => ({ ...b, constructs: on ? BEHAVIOUR_CONSTRUCTS.filter((x) => x === c || b.constructs.includes(x)) : b.constructs.filter((x) => x !== c) }));
  const askAboutBenefits = bs.constructs.includes('benefit') || bs.constructs.includes('drawback');

  return (
    <div className="card editor-card" role="group" aria-labelledby={headingId} data-behaviour={behaviour.id}>
      <div className="card-head">
        <div>
          <h3 id={headingId}>{behaviour.title}</h3>
          <p className="muted small-print">{t('behaviourPosition', { n: index + 1, total })}</p>
        </div>
        <ReorderButtons
          id={idBase}
          index={index}
          total={total}
          upLabel={t('moveUpLabel', { title: behaviour.title })}
          downLabel={t('moveDownLabel', { title: behaviour.title })}
          onMove={onMove}
          focus={focus}
        />
      </div>
      <Check id={`${idBase}-include`} label={t('include')} checked={bs.include} onChange={(on) => set((b) => ({ ...b, include: on }))} />
      {!bs.include ? (
        <p className="muted">{t('excludedNote')}</p>
      ) : (
        <>
          <fieldset id={fieldId(path)} tabIndex={-1} aria-describedby={groupDescribedBy(path, error)}>
            <legend>{t('constructsLegend')}</legend>
            <div className="check-grid">
              {BEHAVIOUR_CONSTRUCTS.map((c) => {
                const noOld = c === 'old_behaviour' && !hasOldBehaviour(behaviour);
                const on = bs.constructs.includes(c) && !noOld;
                return (
                  <Check
                    key={c}
                    id={`${idBase}-${c}`}
                    label={t(`construct_${c}`)}
                    checked={on}
                    disabled={noOld}
                    hint={noOld ? t('noOldBehaviour') : c === 'adoption' && !on ? t('adoptionHint') : undefined}
                    onChange={(v) => toggleConstruct(c, v)}
                  />
                );
              })}
            </div>
            <GroupError path={path} error={error} />
          </fieldset>
          {linked.length > 0 && (
            <fieldset aria-describedby={`${idBase}-benefits-hint`}>
              <legend>{t('benefitsLegend')}</legend>
              <p className="hint" id={`${idBase}-benefits-hint`}>
                {t('benefitsHint')}
              </p>
              {linked.map((g) => (
                <Check
                  key={g.id}
                  label={`${g.title} (${g.direction === 'negative' ? t('benefitNegative') : t('benefitPositive')})`}
                  checked={!bs.excludedBenefitIds.includes(g.id)}
                  disabled={!askAboutBenefits}
                  onChange={(on) =>
                    set((b) => ({ ...b, excludedBenefitIds: on ? b.excludedBenefitIds.filter((id) => id !== g.id) : [...b.excludedBenefitIds, g.id] }))
                  }
                />
              ))}
            </fieldset>
          )}
          <RewordPanel ctx={ctx} title={behaviour.title} items={rewordItems(project, spec, behaviour, ctx.defaults)} />
        </>
      )}
    </div>
  );
}

/** A toggle that opens the rewording fields of a behaviour (opened by itself when one of them has an error). */
function RewordPanel({ ctx, title, items }: { ctx: EditorContext; title: string; items: RewordItem[] }) {
  const t = useSurveyEditorT();
  const panelId = useId();
  const reworded = items.filter((i) => ctx.spec.overrides[i.key]?.da || ctx.spec.overrides[i.key]?.en).length;
  const hasError = items.some((i) => ctx.errors[`overrides.${i.key}.da`] || ctx.errors[`overrides.${i.key}.en`]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (hasError) setOpen(true);
  }, [hasError]);

  return (
    <div className="reword">
      <button
        type="button"
        className="link-button reword-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        // One name without a stray space before the colon, holding the visible text as it reads:
        // "Omformulér spørgsmål, 1 omformuleret: <titel>".
        aria-label={reworded > 0 ? t('rewordShowForCount', { title, count: t('rewordCount', { n: reworded }) }) : t('rewordShowFor', { title })}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('rewordShow')}
        {reworded > 0 && (
          <>
            {' '}
            <span className="tag">{t('rewordCount', { n: reworded })}</span>
          </>
        )}
      </button>
      <div id={panelId} hidden={!open}>
        {open && (
          <>
            <p className="hint">{t('rewordIntro')}</p>
            {items.length === 0 && <p>{t('rewordNone')}</p>}
            {items.map((item) => (
              <RewordFields key={item.key} ctx={ctx} item={item} />
            ))}
          </>
        )}
      </div>
    </div>
  );
}

/** Danish and English wording of one item key, the bank's wording as placeholder, and "Nulstil". */
export function RewordFields({ ctx, item }: { ctx: EditorContext; item: RewordItem }) {
  const t = useSurveyEditorT();
  const name = t(item.label.key, item.label.vars);
  const o = ctx.spec.overrides[item.key];
  const setLang = (lang: 'da' | 'en', value: string) =>
    ctx.update((s) => {
      const next = { ...(s.overrides[item.key] ?? {}), [lang]: value };
      const overrides = { ...s.overrides, [item.key]: next };
      if (!next.da && !next.en) delete overrides[item.key];
      return { ...s, overrides };
    });
  const reset = () => {
    ctx.update((s) => {
      const overrides = { ...s.overrides };
      delete overrides[item.key];
      return { ...s, overrides };
    });
    ctx.announce(t('resetDone', { item: name }));
    document.getElementById(fieldId(`overrides.${item.key}.da`))?.focus();
  };
  const changed = !!(o?.da || o?.en);
  return (
    <div className="reword-item" data-key={item.key}>
      <div className="form-grid two">
        {(['da', 'en'] as const).map((lang) => {
          const path = `overrides.${item.key}.${lang}`;
          return (
            <TextArea
              key={lang}
              id={fieldId(path)}
              label={t('rewordField', { item: name, lang: t(lang === 'da' ? 'langDa' : 'langEn') })}
              lang={lang}
              rows={2}
              maxLength={500}
              placeholder={item.defaults?.[lang] ?? ''}
              value={o?.[lang] ?? ''}
              error={ctx.errors[path]}
              onChange={(e) => setLang(lang, e.target.value)}
            />
          );
        })}
      </div>
      <button type="button" className="secondary small" aria-label={t('resetLabel', { item: name })} disabled={!changed} onClick={reset}>
        {t('reset')}
      </button>
    </div>
  );
}
