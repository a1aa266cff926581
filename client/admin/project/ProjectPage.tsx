// One project: details and purpose, behaviours, units with go-live dates, the survey, and waves with links.
// Each section is its own module so later work (benefits, benefits map, CSV import) can add sections.
import { useEffect } from 'react';
import { projectApi } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAdminT } from '../../i18n/admin';
import { useT } from '../../i18n/common';
import { Link } from '../../router';
import { statusKey } from '../ProjectListPage';
import { useLoad } from '../useLoad';
import { BehavioursSection } from './BehavioursSection';
import { ProjectInfoSection } from './ProjectInfoSection';
import { SurveySection } from './SurveySection';
import { UnitsSection } from './UnitsSection';
import { WavesSection } from './WavesSection';

export function ProjectPage({ projectId }: { projectId: number }) {
  const t = useAdminT();
  const tc = useT();
  const project = useLoad(() => projectApi.get(projectId), [projectId]);
  const p = project.data;

  useEffect(() => {
    if (p) document.title = `${p.name} – Gevinstspor`;
  }, [p]);

  if (!p) {
    return (
      <>
        {project.loading ? (
          <p role="status" className="page-loading">
            {tc('loading')}
          </p>
        ) : (
          <>
            <h1>{t('projectNotFound')}</h1>
            <ErrorMessage error={project.error} />
          </>
        )}
      </>
    );
  }

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('breadcrumb')}>
        <ol>
          <li>
            <Link to="/projects">{t('projectsTitle')}</Link>
          </li>
          <li aria-current="page">{p.name}</li>
        </ol>
      </nav>
      <div className="section-head">
        <h1>{p.name}</h1>
        <p>
          <span className="tag">{t(statusKey(p.status))}</span>{' '}
          <Link to={`/projects/${p.id}/report`} className="button secondary small">
            {t('viewReport')}
          </Link>
        </p>
      </div>
      <ProjectInfoSection project={p} onSaved={project.reload} />
      <BehavioursSection project={p} onChanged={project.reload} />
      <UnitsSection project={p} onChanged={project.reload} />
      <SurveySection project={p} />
      <WavesSection project={p} />
    </>
  );
}
