// A wave's schedule in the staff app: open and close times in Danish time (datetime-local, converted by the
// server across summer time), the suggested schedule from go-live dates, units not yet live at a follow-up,
// and moving an open wave's close time.
import { useId, useState, type FormEvent } from 'react';
import { waveApi, type WaveSummary } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField, fieldErrors } from '../../components/Field';
import { formatDate } from '../../format';
import { useScheduleT, formatInstant, type ScheduleKey } from '../../i18n/waveSchedule';
import { useLoad } from '../useLoad';
import { waveScheduleApi, type SuggestedWave } from './waveScheduleApi';
import { WaveFieldEditor } from './WaveFieldEditor';

/** Open and close fields of a new wave; the values are Copenhagen wall time, YYYY-MM-DDTHH:mm. */
export function ScheduleFields({ opens, closes, onOpens, onCloses, error }: { opens: string; closes: string; onOpens: (v: string) => void; onCloses: (v: string) => void; error: unknown }) {
  const t = useScheduleT();
  const errs = fieldErrors(error);
  return (
    <div className="schedule-fields">
      <TextField label={t('opensAt')} hint={t('opensAtHint')} type="datetime-local" value={opens} onChange={(e) => onOpens(e.target.value)} error={errs.opensAtLocal ?? errs.opensAt} />
      <TextField label={t('closesAt')} hint={t('closesAtHint')} type="datetime-local" value={closes} onChange={(e) => onCloses(e.target.value)} error={errs.closesAtLocal ?? errs.closesAt} />
    </div>
  );
}

export interface NotLive {
  unitId: number;
  unitName: string;
  goLiveDate: string | null;
  included: boolean;
}

/** Names the units a follow-up left out or kept although not live at its opening. */
export function NotLiveWarning({ units }: { units: readonly NotLive[] }) {
  const t = useScheduleT();
  if (!units.length) return null;
  return (
    <div className="notice notice-warn" role="alert">
      <h4>{t('notLiveTitle')}</h4>
      <ul>
        {units.map((u) => {
          const when = u.goLiveDate ? t('goLiveOn', { date: formatDate(u.goLiveDate, t.locale) }) : t('noGoLive');
          return <li key={u.unitId}>{t(u.included ? 'notLiveIncluded' : 'notLiveExcluded', { unit: u.unitName, when })}</li>;
        })}
      </ul>
    </div>
  );
}

/** The wave's schedule in one line: "Åbner 1. marts 2027 kl. 08.00 · Lukker 15. marts 2027 kl. 16.00". */
export function scheduleLine(wave: Pick<WaveSummary, 'status' | 'opensAt' | 'closesAt'>, t: ReturnType<typeof useScheduleT>) {
  const parts: string[] = [];
  if (wave.opensAt) parts.push(t(wave.status === 'draft' || wave.status === 'scheduled' ? 'opensLine' : 'openedLine', { at: formatInstant(wave.opensAt, t.locale) }));
  if (wave.closesAt) parts.push(t(wave.status === 'closed' ? 'closedLine' : 'closesLine', { at: formatInstant(wave.closesAt, t.locale) }));
  return parts.join(' · ');
}

/** Moves the close time of a scheduled or open wave (extend it, or end it sooner but still ahead). */
export function CloseTimeEditor({ wave, onSaved }: { wave: WaveSummary; onSaved: (msg: string) => Promise<void> }) {
  const t = useScheduleT();
  return (
    <WaveFieldEditor
      wave={wave}
      field="closesAtLocal"
      textOf={(w) => w.closesAtLocal ?? ''}
      valueOf={(text) => text || null}
      toggle={t('changeClose')}
      submit={t('saveClose', { name: wave.name })}
      input={{ label: t('closesAt'), hint: t('closesAtHint'), type: 'datetime-local' }}
      onSaved={(updated) => onSaved(t('closeChanged', { name: wave.name, at: updated.closesAt ? formatInstant(updated.closesAt, t.locale) : '–' }))}
    />
  );
}

/** The suggested schedule: shown on request, each wave editable and chosen, created as drafts in one go. */
export function SuggestedSchedule({ projectId, onCreated }: { projectId: number; onCreated: (msg: string) => Promise<void> }) {
  const t = useScheduleT();
  const [shown, setShown] = useState(false);
  const panelId = useId();
  return (
    <section className="card" aria-labelledby={`${panelId}-title`}>
      <h3 id={`${panelId}-title`}>{t('suggestTitle')}</h3>
      <p className="muted">{t('suggestIntro')}</p>
      <button type="button" className="secondary" aria-expanded={shown} aria-controls={panelId} onClick={() => setShown((s) => !s)}>
        {shown ? t('hideSuggestion') : t('showSuggestion')}
      </button>
      <div id={panelId}>{shown && <SuggestionList projectId={projectId} onCreated={onCreated} />}</div>
    </section>
  );
}

function SuggestionList({ projectId, onCreated }: { projectId: number; onCreated: (msg: string) => Promise<void> }) {
  const t = useScheduleT();
  const suggestion = useLoad(() => waveScheduleApi.suggested(projectId), [projectId]);
  // Edits per suggested wave (by kind): chosen, name and times; unchosen by default when a wave already
  // covers it (same phase, overlapping time) or it is optional.
  const [edits, setEdits] = useState<Record<string, Partial<SuggestedWave> & { chosen?: boolean }>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const s = suggestion.data;
  const rows = (s?.waves ?? []).map((w) => ({ ...w, chosen: !w.exists && !w.optional, ...edits[w.kind] }));
  const edit = (kind: string, patch: Partial<SuggestedWave> & { chosen?: boolean }) => setEdits((e) => ({ ...e, [kind]: { ...e[kind], ...patch } }));

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    let n = 0;
    try {
      for (const w of rows.filter((r) => r.chosen)) {
        await waveApi.create(projectId, { name: w.name.trim(), phase: w.phase, opensAtLocal: w.opensAtLocal, closesAtLocal: w.closesAtLocal, includeNotLive: w.includeNotLive });
        n++;
        edit(w.kind, { chosen: false });
      }
      await suggestion.reload();
      await onCreated(t('suggestedCreated', { n }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (suggestion.error) return <ErrorMessage error={suggestion.error} />;
  if (!s) return null;
  return (
    <form onSubmit={create}>
      {s.notes.map((n) => (
        <p key={n} className="notice">
          {t(`note_${n}` as ScheduleKey)}
        </p>
      ))}
      {s.staggered && <p>{t('suggestStaggered')}</p>}
      {s.givesComparison && <p>{t('suggestComparisonOk')}</p>}
      {rows.map((w) => (
        <fieldset key={w.kind} className="suggested-wave">
          <legend>{t(`kind_${w.kind}` as ScheduleKey)}</legend>
          <label className="inline">
            <input type="checkbox" checked={w.chosen} onChange={(e) => edit(w.kind, { chosen: e.target.checked })} />
            <span>
              {t('pickWave', { name: w.name })}
              {w.existingWave && ` (${w.existingWave.name.trim().toLowerCase() === w.name.trim().toLowerCase() ? t('alreadyExists') : t('alreadyExistsAs', { name: w.existingWave.name })})`}
            </span>
          </label>
          <TextField label={t('opensAt')} type="datetime-local" value={w.opensAtLocal} onChange={(e) => edit(w.kind, { opensAtLocal: e.target.value })} />
          <TextField label={t('closesAt')} type="datetime-local" value={w.closesAtLocal} onChange={(e) => edit(w.kind, { closesAtLocal: e.target.value })} />
          {w.notLiveUnitIds.length > 0 && (
            <p className="hint">
              {t('notLiveCount', { n: w.notLiveUnitIds.length })}: {s.goLives.filter((g) => w.notLiveUnitIds.includes(g.unitId)).map((g) => g.unitName).join(', ')}
              {w.includeNotLive ? ` — ${t('kind_comparison')}` : ''}
            </p>
          )}
        </fieldset>
      ))}
      <ErrorMessage error={error} />
      {rows.length > 0 && (
        <button type="submit" disabled={busy || !rows.some((r) => r.chosen)}>
          {t('createSuggested')}
        </button>
      )}
    </form>
  );
}
