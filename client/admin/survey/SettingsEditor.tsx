// The rest of the spec: the closing free-text question (and its wording), background questions (only when
// chosen, from the presets), which questions must be answered, and matrix or separate statements.
import { useSurveyEditorT } from '../../i18n/surveyEditor';
import { useSession } from '../session';
import { RewordFields } from './BehavioursEditor';
import { Check, GroupError, groupDescribedBy } from './controls';
import { BACKGROUND_PRESETS, fieldId, type EditorContext } from './specState';

export function FinalQuestionEditor(ctx: EditorContext) {
  const t = useSurveyEditorT();
  const { spec, update } = ctx;
  return (
    <section className="section" aria-labelledby="se-final">
      <h2 id="se-final">{t('finalTitle')}</h2>
      <Check id="se-final-on" label={t('finalToggle')} checked={spec.freeText} onChange={(on) => update((s) => ({ ...s, freeText: on }))} />
      {spec.freeText && <RewordFields ctx={ctx} item={{ key: 'free_text', label: { key: 'finalItem' }, defaults: ctx.defaults.get('free_text') }} />}
    </section>
  );
}

export function BackgroundEditor(ctx: EditorContext) {
  const t = useSurveyEditorT();
  const { thresholds } = useSession();
  const { spec, update, errors } = ctx;
  const presetIds = new Set(BACKGROUND_PRESETS.map((p) => p.id));
  const others = spec.background.filter((b) => !presetIds.has(b.id));
  const error = errors.background;
  return (
    <section className="section" aria-labelledby="se-background">
      <h2 id="se-background">{t('backgroundTitle')}</h2>
      <fieldset id={fieldId('background')} tabIndex={-1} aria-describedby={groupDescribedBy('background', error, 'se-background-hint')}>
        <legend className="visually-hidden">{t('backgroundTitle')}</legend>
        <p className="hint" id="se-background-hint">
          {t('backgroundIntro', { k: thresholds.anonymity })}
        </p>
        {BACKGROUND_PRESETS.map((preset) => (
          <Check
            key={preset.id}
            label={t('backgroundAsk', { text: preset.text[t.locale] })}
            checked={spec.background.some((b) => b.id === preset.id)}
            onChange={(on) =>
              update((s) => ({
                ...s,
                // Kept in the presets' order, after any others.
                background: on
                  ? [...s.background.filter((b) => !presetIds.has(b.id)), ...BACKGROUND_PRESETS.filter((p) => p.id === preset.id || s.background.some((b) => b.id === p.id))]
                  : s.background.filter((b) => b.id !== preset.id),
              }))
            }
          />
        ))}
        {others.length > 0 && (
          <>
            <p>{t('backgroundOther')}</p>
            <ul>
              {others.map((b) => (
                <li key={b.id}>
                  {b.text[t.locale]}{' '}
                  <button type="button" className="danger small" aria-label={t('removeBackground', { text: b.text[t.locale] })} onClick={() => update((s) => ({ ...s, background: s.background.filter((x) => x.id !== b.id) }))}>
                    {t('removeCustom')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <GroupError path="background" error={error} />
      </fieldset>
    </section>
  );
}

export function SettingsEditor(ctx: EditorContext) {
  const t = useSurveyEditorT();
  const { spec, update } = ctx;
  return (
    <section className="section" aria-labelledby="se-settings">
      <h2 id="se-settings">{t('settingsTitle')}</h2>
      <fieldset className="radio-stack" aria-describedby="se-required-hint">
        <legend>{t('requiredLegend')}</legend>
        <p className="hint" id="se-required-hint">
          {t('requiredHint')}
        </p>
        {(['adoption', 'all', 'none'] as const).map((r) => (
          <label key={r} className="inline">
            <input type="radio" name="se-required" value={r} checked={spec.required === r} onChange={() => update((s) => ({ ...s, required: r }))} />
            <span>{t(`required_${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-stack" aria-describedby="se-layout-hint">
        <legend>{t('layoutLegend')}</legend>
        <p className="hint" id="se-layout-hint">
          {t('layoutHint')}
        </p>
        {(['matrix', 'separate'] as const).map((l) => (
          <label key={l} className="inline">
            <input type="radio" name="se-layout" value={l} checked={spec.agreementLayout === l} onChange={() => update((s) => ({ ...s, agreementLayout: l }))} />
            <span>{t(`layout_${l}`)}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
