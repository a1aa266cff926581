// One project: details and purpose, goals and enablers, benefits, behaviours, units with go-live dates and the
// timeline, the benefits map, the survey, and waves with links — one part at a time under a sub-navigation.
import { useEffect } from 'react';
import { projectApi } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAdminT } from '../../i18n/admin';
import { useBenefitStatusT } from '../../i18n/benefitStatus';
import { useT } from '../../i18n/common';
import { Link } from '../../router';
import { statusKey } from '../ProjectListPage';
import { useLoad } from '../useLoad';
import { PairingSettings } from './PairingSettings';
import { ProjectInfoSection } from './ProjectInfoSection';
import { SurveySection } from './SurveySection';
import { UnitsSection } from './UnitsSection';
import { WavesSection } from './WavesSection';
import { ProjectWorkspace } from '../workspace/ProjectWorkspace';
import { SharedPictureSection } from '../sharedPicture/SharedPictureSection';
import { ActionPlanLink } from '../actions/ActionPlanLink';
import { WorkshopsLink } from '../workshops/WorkshopsEntry';

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
      <div className="section-head project-head">
        <h1>{p.name}</h1>
        <p className="project-links">
          <span className="tag">{t(statusKey(p.status))}</span>{' '}
          <Link to={`/projects/${p.id}/report`} className="button secondary small">
            {t('viewReport')}
          </Link>{' '}
          <BenefitStatusLink projectId={p.id} />{' '}
          <ActionPlanLink projectId={p.id} />{' '}
          <WorkshopsLink projectId={p.id} />
        </p>
      </div>
      <ProjectWorkspace
        project={p}
        reload={project.reload}
        overview={
          <>
            <ProjectInfoSection project={p} onSaved={project.reload} />
            <SharedPictureSection projectId={p.id} />
          </>
        }
        units={<UnitsSection project={p} onChanged={project.reload} />}
        survey={
          <>
            <SurveySection project={p} />
            <PairingSettings projectId={p.id} />
          </>
        }
        waves={<WavesSection project={p} onChanged={project.reload} />}
      />
    </>
  );
}

/** To the steering group's benefit status page (issue 12). */
function BenefitStatusLink({ projectId }: { projectId: number }) {
  const t = useBenefitStatusT();
  return (
    <Link to={`/projects/${projectId}/gevinststatus`} className="button secondary small">
      {t('navLink')}
    </Link>
  );
}
