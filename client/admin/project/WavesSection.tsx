// Waves (målinger): create a draft (or from the suggested schedule), open or schedule (locks the survey), extend,
// close, live results, reminder texts; per wave the unit links with codes, QR codes and posters (WaveLinksPanel).
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Phase } from '../../api';
import { waveApi, type ProjectDetail, type SmallUnitWarning, type WaveSummary } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { StatusMessage, TextField, fieldErrors } from '../../components/Field';
import { formatDate } from '../../format';
import { useAdminT, type AdminKey } from '../../i18n/admin';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { phaseKey } from './SurveySection';
import { SmallUnitWarnings } from './ReportingGroupsSection';
import { WaveLinksPanel } from './WaveLinksPanel';
import { CloseTimeEditor, NotLiveWarning, ScheduleFields, SuggestedSchedule, scheduleLine, type NotLive } from './WaveScheduleForm';
import { ReminderTexts } from './ReminderTexts';
import { WaveNameEn } from './WaveNameEn';
import { useBilingualT } from '../../i18n/bilingual';
import { formatInstant, useScheduleT } from '../../i18n/waveSchedule';
import { statusKey as projectStatusKey } from '../ProjectListPage';

const statusKey = (s: WaveSummary['status']) => `wave_${s}` as AdminKey;

/** `onChanged`: the project is read again after a wave action (opening a wave moves a project in planning to
 *  rollout, with a new version). */
export function WavesSection({ project, onChanged }: { project: ProjectDetail; onChanged?: () => unknown }) {
  const t = useAdminT();
  const { isAdmin } = useSession();
  const waves = useLoad(() => waveApi.list(project.id), [project.id]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (fn: () => Promise<unknown>, msg: string) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      setMessage(msg);
      await waves.reload();
      await onChanged?.();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="section" aria-labelledby="waves-title">
      <h2 id="waves-title">{t('wavesTitle')}</h2>
      <p className="muted">{t('wavesIntro')}</p>
      <StatusMessage message={message} />
      <ErrorMessage error={error ?? waves.error} />
      <RunningWaves waves={waves.data ?? []} project={project} />
      {waves.data && waves.data.length === 0 && <p>{t('noWaves')}</p>}
      {waves.data && waves.data.length > 0 && (
        <ul className="wave-list">
          {waves.data.map((w) => (
            <WaveItem key={w.id} projectId={project.id} wave={w} isAdmin={isAdmin} act={act} />
          ))}
        </ul>
      )}
      {isAdmin && <SuggestedSchedule projectId={project.id} onCreated={(msg) => act(async () => undefined, msg)} />}
      {isAdmin && <NewWaveForm project={project} onCreated={(msg) => act(async () => undefined, msg)} />}
    </section>
  );
}

/** "Måling i gang" while a wave is open. The project's own status is left as the secretariat set it: it tells
 *  the rollout's phase, and a baseline runs precisely while the project is still being planned. */
function RunningWaves({ waves, project }: { waves: readonly WaveSummary[]; project: ProjectDetail }) {
  const ts = useScheduleT();
  const t = useAdminT();
  const running = waves.filter((w) => w.status === 'open');
  if (!running.length) return null;
  return (
    <div className="notice" role="status">
      {running.map((w) => (
        <p key={w.id}>
          <span className="tag open">{t('wave_open')}</span> {w.closesAt ? ts('waveRunning', { name: w.name, at: formatInstant(w.closesAt, ts.locale) }) : ts('waveRunningNoEnd', { name: w.name })}
        </p>
      ))}
      {project.status === 'planlaegning' && <p className="muted">{ts('projectStatusNote', { status: t(projectStatusKey(project.status)) })}</p>}
    </div>
  );
}

function WaveItem({
  projectId,
  wave,
  isAdmin,
  act,
}: {
  projectId: number;
  wave: WaveSummary;
  isAdmin: boolean;
  act: (fn: () => Promise<unknown>, msg: string) => Promise<void>;
}) {
  const t = useAdminT();
  const ts = useScheduleT();
  const { thresholds } = useSession();
  const [showLinks, setShowLinks] = useState(false);
  const [showReminders, setShowReminders] = useState(false);
  const linksId = useId();
  const remindersId = useId();
  const liveHintId = useId();
  // Live results are decided before answers arrive (the server refuses a change then); a hidden total may hide answers.
  const liveLocked = wave.status === 'open' && wave.responses !== 0;
  const name = wave.name;
  const dates =
    wave.opensAt || wave.closesAt
      ? scheduleLine(wave, ts)
      : wave.opensOn || wave.closesOn
        ? t('waveDates', { from: formatDate(wave.opensOn, t.locale) || '…', to: formatDate(wave.closesOn, t.locale) || '…' })
        : '';
  // An opening time still ahead: "Åbn" schedules the wave (survey locked now, links working from then).
  const opensLater = wave.status === 'draft' && wave.opensAt !== null && Date.parse(wave.opensAt) > Date.now();
  const running = wave.status === 'open' || wave.status === 'scheduled';

  return (
    <li className="card">
      <h3>
        {name} <span className={`tag ${wave.status}`}>{t(statusKey(wave.status))}</span>
      </h3>
      <p className="muted">
        {t(phaseKey(wave.phase))}
        {dates && ` · ${dates}`}
        {wave.status !== 'draft' && wave.status !== 'scheduled' && ` · ${wave.responses === null ? t('responsesHidden') : t(wave.responsesReleasedOnly ? 'responsesReleased' : 'responsesCount', { n: wave.responses, k: thresholds.anonymity })}`}
      </p>
      {isAdmin && (
        <div className="form-actions">
          {wave.status === 'draft' && (
            <>
              {opensLater ? (
                <button
                  type="button"
                  onClick={() => {
                    const at = formatInstant(wave.opensAt!, ts.locale);
                    if (window.confirm(ts('confirmScheduleWave', { name, at }))) void act(() => waveApi.open(wave.id), ts('waveScheduled', { name, at }));
                  }}
                >
                  {ts('scheduleWave', { name })}
                </button>
              ) : (
                <button type="button" onClick={() => window.confirm(t('confirmOpenWave', { name })) && void act(() => waveApi.open(wave.id), t('waveOpened', { name }))}>
                  {t('openWave', { name })}
                </button>
              )}
              <button type="button" className="danger" onClick={() => window.confirm(t('confirmDeleteWave', { name })) && void act(() => waveApi.remove(wave.id), t('waveDeleted', { name }))}>
                {t('deleteWave', { name })}
              </button>
            </>
          )}
          {running && <CloseTimeEditor key={wave.closesAt ?? ''} wave={wave} onSaved={(msg) => act(async () => undefined, msg)} />}
          {running && (
            <button type="button" className="danger" onClick={() => window.confirm(ts('confirmCloseNow', { name })) && void act(() => waveApi.close(wave.id), t('waveClosed', { name }))}>
              {ts('closeNow', { name })}
            </button>
          )}
        </div>
      )}
      {isAdmin && wave.status !== 'closed' && <WaveNameEn key={wave.nameEn} wave={wave} onSaved={(msg) => act(async () => undefined, msg)} />}
      {isAdmin && wave.status === 'open' && (
        <label className="inline">
          <input
            type="checkbox"
            checked={wave.liveResults}
            disabled={liveLocked}
            aria-describedby={liveLocked ? liveHintId : undefined}
            onChange={(e) => {
              const on = e.target.checked;
              void act(() => waveApi.update(wave.id, { liveResults: on, version: wave.version }), on ? t('liveResultsOn', { name, k: thresholds.anonymity }) : t('liveResultsOff', { name }));
            }}
          />
          <span>{t('liveResults')}</span>
        </label>
      )}
      {isAdmin && liveLocked && (
        <p className="hint" id={liveHintId}>
          {t('liveResultsLocked')}
        </p>
      )}
      {isAdmin && (
        <p>
          <button type="button" className="secondary small" aria-expanded={showLinks} aria-controls={linksId} onClick={() => setShowLinks((s) => !s)}>
            {showLinks ? t('hideLinks', { name }) : t('showLinks', { name })}
          </button>
        </p>
      )}
      <div id={linksId}>{showLinks && <WaveLinksPanel projectId={projectId} wave={wave} />}</div>
      {isAdmin && running && (
        <p>
          <button type="button" className="secondary small" aria-expanded={showReminders} aria-controls={remindersId} onClick={() => setShowReminders((s) => !s)}>
            {showReminders ? ts('hideReminders', { name }) : ts('showReminders', { name })}
          </button>
        </p>
      )}
      <div id={remindersId}>{showReminders && <ReminderTexts waveId={wave.id} />}</div>
    </li>
  );
}

function NewWaveForm({ project, onCreated }: { project: ProjectDetail; onCreated: (msg: string) => Promise<void> }) {
  const t = useAdminT();
  const ts = useScheduleT();
  const tb = useBilingualT();
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [phase, setPhase] = useState<Phase>('baseline');
  const [opens, setOpens] = useState('');
  const [closes, setCloses] = useState('');
  const [includeNotLive, setIncludeNotLive] = useState(false);
  const [notLive, setNotLive] = useState<NotLive[]>([]);
  const activeUnits = project.rollouts.filter((r) => !r.retiredAt);
  // Every active unit of the project is in the round unless the secretariat unticks it.
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const unitIds = activeUnits.map((r) => r.unitId).filter((id) => !excluded.has(id));
  const unitsHintId = useId();
  const [unitsError, setUnitsError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<SmallUnitWarning[]>([]);
  const { thresholds } = useSession();
  const phaseName = useId();

  useEffect(() => setError(null), [project.rollouts.length]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t('required'));
      return;
    }
    if (unitIds.length === 0) {
      setUnitsError(t('waveUnitsNone'));
      return;
    }
    setUnitsError(null);
    setBusy(true);
    setError(null);
    setNameError(null);
    try {
      const { wave, warnings: small, notLive: left } = await waveApi.create(project.id, {
        name: name.trim(),
        nameEn: nameEn.trim(),
        phase,
        unitIds,
        opensAtLocal: opens || null,
        closesAtLocal: closes || null,
        ...(phase === 'followup' ? { includeNotLive } : {}),
      });
      setName('');
      setNameEn('');
      setOpens('');
      setCloses('');
      setWarnings(small);
      setNotLive(left);
      await onCreated(t('waveCreated', { name: wave.name }));
    } catch (err) {
      setError(err);
      setNameError(fieldErrors(err).name ?? null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="new-wave-title">
      <h3 id="new-wave-title">{t('newWaveTitle')}</h3>
      {/* A unit too small to be shown on its own: say so when its wave is made (groups: tab Enheder & udrulning). */}
      <SmallUnitWarnings warnings={warnings} threshold={thresholds.anonymity} alert />
      <NotLiveWarning units={notLive} />
      <form onSubmit={submit}>
        <TextField label={t('waveName')} hint={ts(phase === 'followup' ? 'nameHint_followup' : 'nameHint_baseline')} required value={name} onChange={(e) => setName(e.target.value)} error={nameError} maxLength={300} />
        <TextField label={`${tb('waveNameEn')} ${t('optional')}`} hint={tb('waveNameEnHint')} lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} maxLength={300} />
        <fieldset>
          <legend>{t('phase')}</legend>
          <div className="radio-row">
            {(['baseline', 'followup'] as const).map((p) => (
              <label key={p}>
                <input type="radio" name={phaseName} value={p} checked={phase === p} onChange={() => setPhase(p)} />
                {t(phaseKey(p))}
              </label>
            ))}
          </div>
        </fieldset>
        {activeUnits.length > 0 && (
          <fieldset aria-describedby={unitsError ? `${unitsHintId} ${unitsHintId}-err` : unitsHintId}>
            <legend>{t('waveUnits')}</legend>
            <p id={unitsHintId} className="hint">
              {t('waveUnitsHint')}
            </p>
            {activeUnits.map((r) => (
              <label key={r.unitId} className="inline">
                <input
                  type="checkbox"
                  checked={!excluded.has(r.unitId)}
                  onChange={(e) => {
                    const next = new Set(excluded);
                    if (e.target.checked) next.delete(r.unitId);
                    else next.add(r.unitId);
                    setExcluded(next);
                  }}
                />
                <span>{r.unitName}</span>
              </label>
            ))}
            {unitsError && (
              <p className="field-error" id={`${unitsHintId}-err`} role="alert">
                {unitsError}
              </p>
            )}
          </fieldset>
        )}
        <ScheduleFields opens={opens} closes={closes} onOpens={setOpens} onCloses={setCloses} error={error} />
        {phase === 'followup' && (
          <div className="field">
            <label className="inline">
              <input type="checkbox" checked={includeNotLive} aria-describedby={`${unitsHintId}-notlive`} onChange={(e) => setIncludeNotLive(e.target.checked)} />
              <span>{ts('includeNotLive')}</span>
            </label>
            <p className="hint" id={`${unitsHintId}-notlive`}>
              {ts('includeNotLiveHint')}
            </p>
          </div>
        )}
        <ErrorMessage error={error} />
        <FormActions submit={t('createWave')} busy={busy} />
      </form>
    </section>
  );
}
