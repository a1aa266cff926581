// A small card under the project's behaviours: where a unit's leader starts a workshop and everyone sees the units'
// descriptions side by side.
import { useWorkshopT } from '../../i18n/workshops';
import { Link } from '../../router';

/** To the workshops from the project page's header, beside the report and the action plan. */
export function WorkshopsLink({ projectId }: { projectId: number }) {
  const tw = useWorkshopT();
  return (
    <Link to={`/projects/${projectId}/workshops`} className="button secondary small">
      {tw('headerLink')}
    </Link>
  );
}

export function WorkshopsEntry({ projectId }: { projectId: number }) {
  const tw = useWorkshopT();
  return (
    <section className="card ws-entry no-print" aria-labelledby="ws-entry-title">
      <h2 id="ws-entry-title">{tw('entryTitle')}</h2>
      <p>{tw('entryText')}</p>
      <p>
        <Link to={`/projects/${projectId}/workshops`} className="button secondary">
          {tw('entryLink')}
        </Link>
      </p>
    </section>
  );
}
