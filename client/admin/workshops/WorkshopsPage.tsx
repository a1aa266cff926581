// /projects/:id/workshops (?unit=<unitId>): start a workshop on a behaviour in a unit, the unit's past workshops, and
// every unit's agreed description side by side per behaviour. Whether the caller may lead the unit is the server's
// answer (canLead); the page only hides the button it would refuse.
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TableWrap } from '../../components/TableWrap';
import { formatDate } from '../../format';
import { useWorkshopT } from '../../i18n/workshops';
import { Link, navigate } from '../../router';
import { projectApi } from '../api';
import { useLoad } from '../useLoad';
import { workshopErrorText } from '../../workshop/errors';
import { workshopsApi, type ProjectDescriptions } from './api';
import './workshops.css';

export function WorkshopsPage({ projectId }: { projectId: number }) {
  const tw = useWorkshopT();
  const project = useLoad(() => projectApi.get(projectId), [projectId]);
  const units = project.data?.rollouts ?? [];
  const behaviours = (project.data?.behaviours ?? []).filter((b) => !b.archivedAt);
  const fromQuery = Number(new URLSearchParams(window.location.search).get('unit'));
  const [unitId, setUnitId] = useState<number | null>(Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : null);
  const chosenUnit = units.find((u) => u.unitId === unitId) ?? units[0];

  useEffect(() => {
    if (project.data) document.title = `${tw('pageTitle', { project: project.data.name })} – Gevinstspor`;
  }, [project.data, tw]);

  if (project.error) return <ErrorMessage error={project.error} />;
  if (!project.data) return <p role="status">{tw('loading')}</p>;

  return (
    <div className="ws-page">
      <p className="no-print">
        <Link to={`/projects/${projectId}#adfaerd`}>{tw('backToProject')}</Link>
      </p>
      <h1>{tw('pageTitle', { project: project.data.name })}</h1>
      <p>{tw('entryText')}</p>
      {units.length === 0 ? (
        <p>{tw('noUnits')}</p>
      ) : (
        <StartAndList projectId={projectId} units={units} unitId={chosenUnit.unitId} onUnit={setUnitId} behaviours={behaviours} />
      )}
      <SideBySide projectId={projectId} />
    </div>
  );
}

type UnitRow = { unitId: number; unitName: string };
type BehaviourRow = { id: number; title: string };

function StartAndList({ projectId, units, unitId, onUnit, behaviours }: { projectId: number; units: UnitRow[]; unitId: number; onUnit: (id: number) => void; behaviours: BehaviourRow[] }) {
  const tw = useWorkshopT();
  const list = useLoad(() => workshopsApi.list(projectId, unitId), [projectId, unitId]);
  const [behaviourId, setBehaviourId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const unitSelect = useId();
  const behaviourSelect = useId();
  const unitName = units.find((u) => u.unitId === unitId)?.unitName ?? '';
  const chosenBehaviour = behaviourId ?? behaviours[0]?.id;
  // Only the answer for the unit now chosen counts: useLoad keeps the previous unit's list (and its canLead)
  // while the next loads or when it is refused, which would show one unit's workshops under another's name.
  const current = !list.loading && list.error === null ? list.data : undefined;
  const canLead = current?.canLead ?? false;
  // A manager of other units gets 404 for this unit's workshops (the server keeps staff's texts with the unit):
  // the page then says who may run one here, rather than showing an error.
  const outOfScope = !list.loading && list.error instanceof ApiError && list.error.status === 404;

  const start = async () => {
    if (!chosenBehaviour) return;
    setBusy(true);
    setError(null);
    try {
      const { workshop } = await workshopsApi.start(projectId, unitId, chosenBehaviour);
      navigate(`/projects/${projectId}/workshops/${workshop.id}`);
    } catch (e) {
      const open = e instanceof ApiError && e.code === 'workshop_open' ? (e.details as { workshopId?: number } | undefined)?.workshopId : undefined;
      if (open) navigate(`/projects/${projectId}/workshops/${open}`);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="card ws-start" aria-labelledby="ws-start-title">
        <h2 id="ws-start-title">{tw('startTitle')}</h2>
        <div className="ws-start-fields">
          <div className="field">
            <label htmlFor={unitSelect}>{tw('unit')}</label>
            <select id={unitSelect} value={unitId} onChange={(e) => onUnit(Number(e.target.value))}>
              {units.map((u) => (
                <option key={u.unitId} value={u.unitId}>
                  {u.unitName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={behaviourSelect}>{tw('behaviour')}</label>
            {behaviours.length === 0 ? (
              <p id={behaviourSelect}>{tw('noBehaviours')}</p>
            ) : (
              <select id={behaviourSelect} value={chosenBehaviour} onChange={(e) => setBehaviourId(Number(e.target.value))}>
                {behaviours.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
            )}
          </div>
        </div>
        {((current && !canLead) || outOfScope) && <p>{tw('cannotLead', { unit: unitName })}</p>}
        <button type="button" className="button" onClick={() => void start()} disabled={busy || !canLead || !chosenBehaviour}>
          {busy ? tw('starting') : tw('start')}
        </button>
        {error !== null && (
          <p className="error-message" role="alert">
            {workshopErrorText(error, tw.locale)}
          </p>
        )}
      </section>

      <section aria-labelledby="ws-past-title">
        <h2 id="ws-past-title">{tw('pastTitle', { unit: unitName })}</h2>
        {!list.loading && list.error !== null && !outOfScope && <ErrorMessage error={list.error} />}
        {outOfScope && <p className="muted">{tw('pastOutOfScope', { unit: unitName })}</p>}
        {current && current.workshops.length === 0 && <p>{tw('noPast', { unit: unitName })}</p>}
        {current && current.workshops.length > 0 && (
          <TableWrap label={tw('pastTitle', { unit: unitName })}>
            {/* "stack": one card per workshop on a phone, so its link to the projector is never cut off. */}
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">{tw('colBehaviour')}</th>
                  <th scope="col">{tw('colStarted')}</th>
                  <th scope="col">{tw('colStatus')}</th>
                  <th scope="col">{tw('colWritten')}</th>
                </tr>
              </thead>
              <tbody>
                {current.workshops.map((w) => (
                  <tr key={w.id}>
                    <th scope="row">
                      <Link to={`/projects/${projectId}/workshops/${w.id}`} aria-label={tw('openProjector', { behaviour: w.behaviourTitle, date: formatDate(w.createdAt, tw.locale) })}>
                        {w.behaviourTitle}
                      </Link>
                    </th>
                    <td data-label={tw('colStarted')}>{formatDate(w.createdAt, tw.locale)}</td>
                    <td data-label={tw('colStatus')}>{tw(`status_${w.status}`)}</td>
                    <td data-label={tw('colWritten')}>{w.written}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}

/** Every unit's wording per behaviour, next to each other. */
function SideBySide({ projectId }: { projectId: number }) {
  const tw = useWorkshopT();
  const loaded = useLoad(() => workshopsApi.descriptions(projectId), [projectId]);
  return (
    <section aria-labelledby="ws-side-title" className="ws-side">
      <h2 id="ws-side-title">{tw('sideBySideTitle')}</h2>
      <p>{tw('sideBySideIntro')}</p>
      {loaded.error !== null && <ErrorMessage error={loaded.error} />}
      {loaded.data && <Descriptions data={loaded.data} />}
    </section>
  );
}

export function Descriptions({ data }: { data: ProjectDescriptions }) {
  const tw = useWorkshopT();
  if (data.behaviours.length === 0) return <p>{tw('noDescriptions')}</p>;
  return (
    <>
      {data.behaviours.map((b) => (
        <article key={b.id} className="ws-side-behaviour" aria-labelledby={`ws-side-b${b.id}`}>
          <h3 id={`ws-side-b${b.id}`}>{(tw.locale === 'en' && b.titleEn) || b.title}</h3>
          <p className="muted">{tw('describedCount', { n: b.described, total: b.units.length })}</p>
          <ul className="ws-side-grid">
            {b.units.map((u) => (
              <li key={u.unitId} className={u.description ? 'ws-side-cell' : 'ws-side-cell ws-side-empty'}>
                <h4>{u.unitName}</h4>
                {u.description ? (
                  <>
                    <p className="ws-side-text">{(tw.locale === 'en' && u.description.descriptionEn) || u.description.description}</p>
                    <p className="muted ws-side-meta">
                      {tw('updated', { date: formatDate(u.description.updatedAt, tw.locale) })}
                      {u.description.workshopId !== null && ` · ${tw('fromWorkshop')}`}
                    </p>
                  </>
                ) : (
                  <p className="muted">{tw('notDescribed')}</p>
                )}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </>
  );
}
