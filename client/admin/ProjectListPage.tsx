// Project list and "Nyt projekt".
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { projectApi, type ProjectStatus } from './api';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormActions } from '../components/FormActions';
import { TextArea, TextField, fieldErrors } from '../components/Field';
import { useAdminT, type AdminKey } from '../i18n/admin';
import { useActionsT } from '../i18n/actions';
import { useBenefitStatusT } from '../i18n/benefitStatus';
import { useWorkshopT } from '../i18n/workshops';
import { useT } from '../i18n/common';
import { Link, navigate } from '../router';
import { useSession } from './session';
import { useLoad } from './useLoad';

export const statusKey = (s: ProjectStatus) => `status_${s}` as AdminKey;

export function ProjectListPage() {
  const t = useAdminT();
  const tc = useT();
  const tbs = useBenefitStatusT();
  const ta = useActionsT();
  const tw = useWorkshopT();
  const { isAdmin } = useSession();
  const projects = useLoad(() => projectApi.list(), []);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    document.title = `${t('projectsTitle')} – Gevinstspor`;
  }, [t]);

  return (
    <>
      <div className="section-head">
        <h1>{t('projectsTitle')}</h1>
        {isAdmin && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            {t('newProject')}
          </button>
        )}
      </div>
      {creating && <NewProjectForm onCancel={() => setCreating(false)} />}
      {projects.loading && !projects.data && (
        <p role="status" className="page-loading">
          {tc('loading')}
        </p>
      )}
      <ErrorMessage error={projects.error} />
      {projects.data && projects.data.length === 0 && <p>{t('noProjects')}</p>}
      {projects.data && projects.data.length > 0 && (
        <ul className="project-list">
          {projects.data.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/projects/${p.id}`}>{p.name}</Link>
              </h2>
              <p>
                <span className="tag">{t(statusKey(p.status))}</span>
              </p>
              {p.purpose && <p className="muted">{p.purpose.length > 220 ? `${p.purpose.slice(0, 220)} …` : p.purpose}</p>}
              <p>
                <Link to={`/projects/${p.id}/report`}>{t('viewReport')}</Link>
                {' · '}
                <Link to={`/projects/${p.id}/gevinststatus`}>{tbs('navLink')}</Link>
                {' · '}
                <Link to={`/projects/${p.id}/actions`}>{ta('toPlan')}</Link>
                {' · '}
                <Link to={`/projects/${p.id}/workshops`}>{tw('headerLink')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function NewProjectForm({ onCancel }: { onCancel: () => void }) {
  const t = useAdminT();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [projectLead, setProjectLead] = useState('');
  const [goals, setGoals] = useState('');
  const [enablers, setEnablers] = useState('');
  const [primaryBehaviours, setPrimaryBehaviours] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t('required'));
      return;
    }
    setBusy(true);
    setError(null);
    setNameError(null);
    try {
      const project = await projectApi.create({
        name: name.trim(),
        purpose: purpose.trim() || undefined,
        projectLead: projectLead.trim() || undefined,
        goals: lines(goals),
        enablers: lines(enablers),
        primaryBehaviours: lines(primaryBehaviours),
      });
      navigate(`/projects/${project.id}`);
    } catch (err) {
      setError(err);
      setNameError(fieldErrors(err).name ?? null);
      setBusy(false);
    }
  };

  const errs = fieldErrors(error);
  return (
    <section className="card" aria-labelledby="new-project-title">
      <h2 id="new-project-title" ref={headingRef} tabIndex={-1}>
        {t('newProjectTitle')}
      </h2>
      <form onSubmit={submit}>
        <TextField label={t('projectName')} required value={name} onChange={(e) => setName(e.target.value)} error={nameError} maxLength={300} />
        <TextArea label={`${t('purpose')} ${t('optional')}`} hint={t('purposeHint')} value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={5000} />
        <TextField label={`${t('projectLead')} ${t('optional')}`} value={projectLead} onChange={(e) => setProjectLead(e.target.value)} maxLength={300} />
        <TextArea label={`${t('newGoals')} ${t('optional')}`} hint={t('goalsPerLine')} value={goals} onChange={(e) => setGoals(e.target.value)} rows={3} error={lineError(errs, 'goals')} />
        <TextArea label={`${t('newEnablers')} ${t('optional')}`} hint={t('enablersPerLine')} value={enablers} onChange={(e) => setEnablers(e.target.value)} rows={3} error={lineError(errs, 'enablers')} />
        <TextArea
          label={`${t('newPrimaryBehaviours')} ${t('optional')}`}
          hint={t('newPrimaryBehavioursHint')}
          value={primaryBehaviours}
          onChange={(e) => setPrimaryBehaviours(e.target.value)}
          rows={2}
          error={lineError(errs, 'primaryBehaviours')}
        />
        <ErrorMessage error={error} />
        <FormActions submit={t('createProject')} busy={busy} cancel={{ label: t('cancel'), onClick: onCancel }} />
      </form>
    </section>
  );
}

/** Non-empty trimmed lines of a textarea, or undefined when there are none. */
function lines(text: string): string[] | undefined {
  const list = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

/** The first server problem for a list field (paths like "goals.2"). */
function lineError(errs: Record<string, string>, field: string): string | undefined {
  return Object.entries(errs).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];
}
