// The action plan of one project (/projects/:id/actions): every action the user may see, narrowed by unit and
// behaviour (?unit=&behaviour= preselects both, e.g. from the workshop page), and a form to add one for a unit the
// user leads, with the type the survey suggests preselected. The server decides who sees and writes what.
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StatusMessage } from '../../components/Field';
import { useActionsT } from '../../i18n/actions';
import { Link, navigate } from '../../router';
import { useLoad } from '../useLoad';
import { ActionForm } from './ActionForm';
import { ActionTable } from './ActionTable';
import { actionsApi, suggestionFor, type Action } from './api';

const positive = (v: string | null) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null);

export function ProjectActionsPage({ projectId }: { projectId: number }) {
  const t = useActionsT();
  const query = new URLSearchParams(window.location.search);
  const [unitId, setUnitId] = useState<number | null>(positive(query.get('unit')));
  const [behaviourId, setBehaviourId] = useState<number | null>(positive(query.get('behaviour')));
  const plan = useLoad(() => actionsApi.plan(projectId), [projectId]);
  // The suggestion needs results the user may see; without them (or before any wave closes) there is none.
  const suggestions = useLoad(() => actionsApi.suggestions(projectId).catch(() => []), [projectId]);
  const [editing, setEditing] = useState<Action | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const data = plan.data;

  useEffect(() => {
    document.title = `${data ? t('projectTitle', { project: data.project.name }) : t('overviewTitle')} – Gevinstspor`;
  }, [data, t]);

  // The filters live in the address, so the page can be linked to and reloaded as it is.
  const setFilter = (unit: number | null, behaviour: number | null) => {
    setUnitId(unit);
    setBehaviourId(behaviour);
    const q = new URLSearchParams();
    if (unit) q.set('unit', String(unit));
    if (behaviour) q.set('behaviour', String(behaviour));
    const search = q.toString();
    navigate(`/projects/${projectId}/actions${search ? `?${search}` : ''}`, { replace: true });
  };

  if (plan.error) return <ErrorMessage error={plan.error} />;
  if (!data) return <p role="status">{t('loading')}</p>;

  const behaviourName = (b: { title: string; titleEn: string }) => (t.locale === 'en' && b.titleEn) || b.title;
  const leads = new Set(data.leadUnitIds);
  const leadUnits = data.units.filter((u) => leads.has(u.id));
  const shown = data.actions.filter((a) => (!unitId || a.unitId === unitId) && (!behaviourId || a.behaviourId === behaviourId));
  const remove = async (a: Action) => {
    if (!window.confirm(t('removeConfirm', { title: a.title }))) return;
    setError(null);
    try {
      await actionsApi.remove(a.id);
      setMessage(t('removed'));
      await plan.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <p className="no-print">
        <Link to={`/projects/${projectId}`}>{t('toProject')}</Link> · <Link to={`/projects/${projectId}/report`}>{t('toReport')}</Link>
      </p>
      <h1>{t('projectTitle', { project: data.project.name })}</h1>
      <p className="muted">{t('projectIntro')}</p>
      {data.project.closed && <p className="notice notice-warn">{t('closedProject')}</p>}

      <form className="filters" aria-label={t('tableCaption')} onSubmit={(e) => e.preventDefault()}>
        <p>
          <label htmlFor="actions-unit">{t('filterUnit')}</label>
          <select id="actions-unit" value={unitId ?? ''} onChange={(e) => setFilter(positive(e.target.value), behaviourId)}>
            <option value="">{t('all')}</option>
            {data.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="actions-behaviour">{t('filterBehaviour')}</label>
          <select id="actions-behaviour" value={behaviourId ?? ''} onChange={(e) => setFilter(unitId, positive(e.target.value))}>
            <option value="">{t('all')}</option>
            {data.behaviours.map((b) => (
              <option key={b.id} value={b.id}>
                {behaviourName(b)}
              </option>
            ))}
          </select>
        </p>
      </form>

      <StatusMessage message={message} />
      <ErrorMessage error={error} />
      {shown.length ? (
        <ActionTable
          actions={shown}
          caption={t('tableCaption')}
          canEdit={(a) => leads.has(a.unitId)}
          onEdit={(a) => {
            setAdding(false);
            setEditing(a);
          }}
          onRemove={(a) => void remove(a)}
        />
      ) : (
        <p className="muted">{data.actions.length ? t('noneHere') : t('none')}</p>
      )}

      {editing && (
        <ActionForm
          key={`edit-${editing.id}-${editing.version}`}
          idPrefix="action-edit"
          projectId={projectId}
          action={editing}
          units={data.units}
          behaviours={data.behaviours.map((b) => ({ id: b.id, name: behaviourName(b) }))}
          onSaved={() => {
            setEditing(null);
            setMessage(t('saved'));
            void plan.reload();
          }}
          onStale={() =>
            void plan.reload().then(() => {
              setEditing(null);
              setMessage(t('stale'));
            })
          }
          onCancel={() => setEditing(null)}
        />
      )}

      {leadUnits.length === 0 ? (
        <p className="muted">{t('noUnitsToLead')}</p>
      ) : adding ? (
        <ActionForm
          idPrefix="action-new"
          projectId={projectId}
          units={leadUnits}
          behaviours={data.behaviours.map((b) => ({ id: b.id, name: behaviourName(b) }))}
          unitId={unitId && leads.has(unitId) ? unitId : null}
          behaviourId={behaviourId}
          suggestionOf={(b, u) => suggestionFor(suggestions.data, b, u)}
          onSaved={() => {
            setAdding(false);
            setMessage(t('saved'));
            void plan.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <p>
          <button
            type="button"
            onClick={() => {
              setEditing(null);
              setAdding(true);
            }}
          >
            {t('addTitle')}
          </button>
        </p>
      )}
    </>
  );
}
