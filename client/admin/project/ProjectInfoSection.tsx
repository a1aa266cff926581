// Project details: name, purpose (formål), project lead, status, minimal important difference.
import { useEffect, useState, type FormEvent } from 'react';
import { everyMember } from '../../api';
import { projectApi, type ProjectDetail, type ProjectStatus } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, StatusMessage, TextArea, TextField, fieldErrors } from '../../components/Field';
import { useAdminT } from '../../i18n/admin';
import { useBilingualT } from '../../i18n/bilingual';
import { useSession } from '../session';
import { useVersionedSave } from '../useVersionedSave';
import { useVersionsT } from '../../i18n/versions';
import { statusKey } from '../ProjectListPage';
import { RetentionSettings } from './RetentionSettings';

const STATUSES = everyMember<ProjectStatus>()(['planlaegning', 'udrulning', 'gevinsthoest', 'afsluttet']);

export function ProjectInfoSection({ project, onSaved }: { project: ProjectDetail; onSaved: () => void }) {
  const t = useAdminT();
  const tb = useBilingualT();
  const { isAdmin } = useSession();
  const [name, setName] = useState(project.name);
  const [purpose, setPurpose] = useState(project.purpose);
  const [nameEn, setNameEn] = useState(project.nameEn);
  const [purposeEn, setPurposeEn] = useState(project.purposeEn);
  const [projectLead, setProjectLead] = useState(project.projectLead);
  const [status, setStatus] = useState<ProjectStatus>(project.status);
  const [mid, setMid] = useState(String(project.mid));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const tv = useVersionsT();
  const versioned = useVersionedSave(tv('staleWhatProject'));

  useEffect(() => {
    setName(project.name);
    setPurpose(project.purpose);
    setNameEn(project.nameEn);
    setPurposeEn(project.purposeEn);
    setProjectLead(project.projectLead);
    setStatus(project.status);
    setMid(String(project.mid));
  }, [project]);

  if (!isAdmin) {
    return (
      <section className="section" aria-labelledby="info-title">
        <h2 id="info-title">{t('projectInfo')}</h2>
        <dl className="dl">
          <dt>{t('purpose')}</dt>
          <dd>{project.purpose || '–'}</dd>
          <dt>{t('projectLead')}</dt>
          <dd>{project.projectLead || '–'}</dd>
        </dl>
      </section>
    );
  }

  const errs = fieldErrors(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const midNum = Number(mid.replace(',', '.'));
      const mine = {
        name: name.trim(),
        purpose: purpose.trim(),
        nameEn: nameEn.trim(),
        purposeEn: purposeEn.trim(),
        projectLead: projectLead.trim(),
        status,
        ...(Number.isFinite(midNum) && midNum > 0 ? { mid: midNum } : {}),
      };
      const { name: n0, purpose: p0, nameEn: ne0, purposeEn: pe0, projectLead: l0, status: s0, mid: m0 } = project;
      await versioned.save({
        base: { name: n0, purpose: p0, nameEn: ne0, purposeEn: pe0, projectLead: l0, status: s0, mid: m0 },
        mine,
        version: project.version,
        send: (body) => projectApi.update(project.id, body),
        labels: { name: t('projectName'), purpose: t('purpose'), nameEn: tb('nameEn'), projectLead: t('projectLead') },
        onSaved: () => {
          setMessage(t('projectSaved'));
          onSaved();
        },
        // The page reloads the project; the form then starts over from it.
        onReload: () => onSaved(),
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="info-title">
      <h2 id="info-title">{t('projectInfo')}</h2>
      <form onSubmit={submit}>
        <div className="form-grid two">
          <TextField label={t('projectName')} required value={name} onChange={(e) => setName(e.target.value)} error={errs.name} maxLength={300} />
          <TextField label={t('projectLead')} value={projectLead} onChange={(e) => setProjectLead(e.target.value)} error={errs.projectLead} maxLength={300} />
        </div>
        <TextArea label={t('purpose')} hint={t('purposeHint')} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={errs.purpose} maxLength={5000} />
        <div className="form-grid two">
          <TextField label={tb('nameEn')} hint={tb('englishHint')} lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} error={errs.nameEn} maxLength={300} />
          <TextArea label={tb('purposeEn')} lang="en" value={purposeEn} onChange={(e) => setPurposeEn(e.target.value)} error={errs.purposeEn} maxLength={5000} />
        </div>
        <div className="form-grid two">
          <SelectField label={t('status')} value={status} onChange={(e) => setStatus(e.target.value as ProjectStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </SelectField>
          <TextField label={t('mid')} hint={t('midHint')} type="number" min={1} max={50} step={1} inputMode="numeric" value={mid} onChange={(e) => setMid(e.target.value)} error={errs.mid} />
        </div>
        <ErrorMessage error={error} />
        {versioned.dialog}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('saveProject')}
          </button>
        </div>
        <StatusMessage message={message} />
      </form>
      <RetentionSettings projectId={project.id} />
    </section>
  );
}
