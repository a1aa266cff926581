// Waves (målinger): create a draft, open (locks the survey), close, live results; per wave the unit links,
// a copy button, the QR code from the server and a printable poster per link.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Phase } from '../../api';
import { waveApi, type ProjectDetail, type SmallUnitWarning, type WaveLink, type WaveSummary } from '../api';
import { copyText } from '../../components/copyText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { StatusMessage, TextField, fieldErrors } from '../../components/Field';
import { formatDate } from '../../format';
import { useAdminT, type AdminKey } from '../../i18n/admin';
import { Link } from '../../router';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { phaseKey } from './SurveySection';
import { SmallUnitWarnings } from './ReportingGroupsSection';

const statusKey = (s: WaveSummary['status']) => `wave_${s}` as AdminKey;

export function WavesSection({ project }: { project: ProjectDetail }) {
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
      {waves.data && waves.data.length === 0 && <p>{t('noWaves')}</p>}
      {waves.data && waves.data.length > 0 && (
        <ul className="wave-list">
          {waves.data.map((w) => (
            <WaveItem key={w.id} projectId={project.id} wave={w} isAdmin={isAdmin} act={act} />
          ))}
        </ul>
      )}
      {isAdmin && <NewWaveForm project={project} onCreated={(msg) => act(async () => undefined, msg)} />}
    </section>
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
  const { thresholds } = useSession();
  const [showLinks, setShowLinks] = useState(false);
  const linksId = useId();
  const name = wave.name;
  const dates = wave.opensOn || wave.closesOn ? t('waveDates', { from: formatDate(wave.opensOn, t.locale) || '…', to: formatDate(wave.closesOn, t.locale) || '…' }) : '';

  return (
    <li className="card">
      <h3>
        {name} <span className={`tag ${wave.status}`}>{t(statusKey(wave.status))}</span>
      </h3>
      <p className="muted">
        {t(phaseKey(wave.phase))}
        {dates && ` · ${dates}`}
        {wave.status !== 'draft' && ` · ${wave.responses === null ? t('responsesHidden') : t('responsesCount', { n: wave.responses })}`}
      </p>
      {isAdmin && (
        <div className="form-actions">
          {wave.status === 'draft' && (
            <>
              <button type="button" onClick={() => window.confirm(t('confirmOpenWave', { name })) && void act(() => waveApi.open(wave.id), t('waveOpened', { name }))}>
                {t('openWave', { name })}
              </button>
              <button type="button" className="danger" onClick={() => window.confirm(t('confirmDeleteWave', { name })) && void act(() => waveApi.remove(wave.id), t('waveDeleted', { name }))}>
                {t('deleteWave', { name })}
              </button>
            </>
          )}
          {wave.status === 'open' && (
            <button type="button" className="secondary" onClick={() => window.confirm(t('confirmCloseWave', { name })) && void act(() => waveApi.close(wave.id), t('waveClosed', { name }))}>
              {t('closeWave', { name })}
            </button>
          )}
        </div>
      )}
      {isAdmin && wave.status === 'open' && (
        <label className="inline">
          <input
            type="checkbox"
            checked={wave.liveResults}
            onChange={(e) => {
              const on = e.target.checked;
              void act(() => waveApi.update(wave.id, { liveResults: on }), on ? t('liveResultsOn', { name, k: thresholds.anonymity }) : t('liveResultsOff', { name }));
            }}
          />
          <span>{t('liveResults')}</span>
        </label>
      )}
      {isAdmin && (
        <p>
          <button type="button" className="secondary small" aria-expanded={showLinks} aria-controls={linksId} onClick={() => setShowLinks((s) => !s)}>
            {showLinks ? t('hideLinks', { name }) : t('showLinks', { name })}
          </button>
        </p>
      )}
      <div id={linksId}>{showLinks && <WaveLinks projectId={projectId} wave={wave} />}</div>
    </li>
  );
}

function WaveLinks({ projectId, wave }: { projectId: number; wave: WaveSummary }) {
  const t = useAdminT();
  const links = useLoad(() => waveApi.links(wave.id), [wave.id, wave.status]);
  const [copyMessage, setCopyMessage] = useState<string | null>(null);

  return (
    <div>
      <h4>{t('linksTitle')}</h4>
      {wave.status === 'draft' && <p className="notice notice-warn">{t('linksDraftNote')}</p>}
      <ErrorMessage error={links.error} />
      <StatusMessage message={copyMessage} />
      {links.data?.links.map((l) => (
        <LinkRow key={l.id} projectId={projectId} wave={wave} link={l} onCopied={setCopyMessage} />
      ))}
    </div>
  );
}


function LinkRow({ projectId, wave, link, onCopied }: { projectId: number; wave: WaveSummary; link: WaveLink; onCopied: (msg: string) => void }) {
  const t = useAdminT();
  const unit = link.unitName;
  const waveId = wave.id;
  // Per-unit counts only once the wave has closed, and a grouped unit's only with its group's (the server decides).
  const count = (n: number | null) => (n === null ? t(wave.status === 'closed' ? 'responsesHidden' : 'responsesAfterClose') : t('responsesCount', { n }));
  return (
    <div className="link-row">
      <img className="qr" src={waveApi.qrUrl(waveId, link.id)} alt={t('qrAlt', { unit })} width={96} height={96} loading="lazy" />
      <div>
        <p>
          <strong>{unit}</strong>
          {wave.status !== 'draft' && (
            <span className="muted">
              {' · '}
              {link.group ? `${t('responsesOfGroup', { group: link.group.name })}: ${count(link.group.responses)}` : count(link.responses)}
            </span>
          )}
        </p>
        <p className="link-url">
          <a href={link.url} target="_blank" rel="noopener noreferrer">
            {link.url}
          </a>
        </p>
        <div className="link-actions">
          <button type="button" className="secondary small" onClick={async () => onCopied((await copyText(link.url)) ? t('copied', { unit }) : t('copyFailed'))}>
            {t('copyLink', { unit })}
          </button>
          <Link to={`/projects/${projectId}/waves/${waveId}/poster/${link.id}`} className="button secondary small">
            {t('poster', { unit })}
          </Link>
          <a href={waveApi.qrUrl(waveId, link.id)} download={`qr-${unit.replace(/[^\p{L}\p{N}]+/gu, '-')}.svg`} className="button secondary small">
            {t('downloadQr', { unit })}
          </a>
        </div>
      </div>
    </div>
  );
}

function NewWaveForm({ project, onCreated }: { project: ProjectDetail; onCreated: (msg: string) => Promise<void> }) {
  const t = useAdminT();
  const [name, setName] = useState('');
  const [phase, setPhase] = useState<Phase>('baseline');
  const [closesOn, setClosesOn] = useState('');
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
      const { wave, warnings: small } = await waveApi.create(project.id, { name: name.trim(), phase, unitIds, closesOn: closesOn || null });
      setName('');
      setClosesOn('');
      setWarnings(small);
      await onCreated(t('waveCreated', { name: wave.name }));
    } catch (err) {
      setError(err);
      setNameError(fieldErrors(err).name ?? null);
    } finally {
      setBusy(false);
    }
  };

  const errs = fieldErrors(error);
  return (
    <section className="card" aria-labelledby="new-wave-title">
      <h3 id="new-wave-title">{t('newWaveTitle')}</h3>
      {/* A unit too small to be shown on its own: say so when its wave is made (groups: tab Enheder & udrulning). */}
      <SmallUnitWarnings warnings={warnings} threshold={thresholds.anonymity} alert />
      <form onSubmit={submit}>
        <TextField label={t('waveName')} hint={t('waveNameHint')} required value={name} onChange={(e) => setName(e.target.value)} error={nameError} maxLength={300} />
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
        <TextField label={`${t('closesOn')} ${t('optional')}`} hint={t('closesOnHint')} type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} error={errs.closesOn} />
        <ErrorMessage error={error} />
        <FormActions submit={t('createWave')} busy={busy} />
      </form>
    </section>
  );
}
