// To the project's action plan, from the project page's header.
import { useActionsT } from '../../i18n/actions';
import { Link } from '../../router';

export function ActionPlanLink({ projectId }: { projectId: number }) {
  const t = useActionsT();
  return (
    <Link to={`/projects/${projectId}/actions`} className="button secondary small">
      {t('toPlan')}
    </Link>
  );
}
