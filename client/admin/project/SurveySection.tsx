// The survey on the project page: estimated answer time per phase (with the 4-minute warning), a link to the
// survey editor and preview (/projects/:id/survey, its own chunk), and the locked versions with their waves.
import type { Phase } from '../../api';
import { projectApi, waveApi, type ProjectDetail } from '../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { AdminKey } from '../../i18n/admin';
import { useSurveyEditorT } from '../../i18n/surveyEditor';
import { Link } from '../../router';
import { useSession } from '../session';
import { EstimateSummary, OpenWavesNote, VersionsTable } from '../survey/summary';
import { useLoad } from '../useLoad';

export const phaseKey = (p: Phase) => `phase_${p}` as AdminKey;

export function SurveySection({ project }: { project: ProjectDetail }) {
  const t = useSurveyEditorT();
  const { isAdmin } = useSession();
  const previews = useLoad(
    () => Promise.all([projectApi.previewSurvey(project.id, 'baseline'), projectApi.previewSurvey(project.id, 'followup')]).then(([baseline, followup]) => ({ baseline, followup })),
    // A changed project (new behaviour, new purpose) changes the survey: a new project object reloads it.
    [project],
  );
  const versions = useLoad(() => projectApi.surveyVersions(project.id), [project.id]);
  const waves = useLoad(() => waveApi.list(project.id), [project.id]);

  return (
    <section className="section" aria-labelledby="survey-title">
      <h2 id="survey-title">{t('pageTitle')}</h2>
      <p className="muted">{t('summaryIntro')}</p>
      <ErrorMessage error={previews.error} />
      <EstimateSummary previews={previews.data} headingLevel={3} />
      <p>
        <Link to={`/projects/${project.id}/survey`} className="button">
          {isAdmin ? t('editSurvey') : t('viewSurvey')}
        </Link>
      </p>
      <h3>{t('versionsTitle')}</h3>
      <p className="muted">{t('versionsIntro')}</p>
      <OpenWavesNote waves={waves.data} versions={versions.data} />
      <ErrorMessage error={versions.error ?? waves.error} />
      {versions.data && <VersionsTable versions={versions.data} waves={waves.data} />}
    </section>
  );
}
