// The actions of one behaviour in the report's drill-down, under its barrier profile: what the leaders do about it,
// the type the survey suggests (with its reason), and "Tilføj handling" for a unit the user leads, with that type
// preselected. The suggestion and what may be shown are the server's.
import { useState } from 'react';
import { StatusMessage } from '../../components/Field';
import { useActionsT, type ActionsKey } from '../../i18n/actions';
import { Link } from '../../router';
import { ActionForm } from './ActionForm';
import { ActionTable } from './ActionTable';
import { suggestionFor, type Action } from './api';
import type { PlanState } from './planStore';

export function BehaviourActions({ projectId, behaviourId, behaviourTitle, state, actions, reload }: { projectId: number; behaviourId: number; behaviourTitle: string; state: PlanState; actions: Action[]; reload: () => Promise<void> }) {
  const t = useActionsT();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const plan = state.plan;
  if (!plan) return null;
  const leads = new Set(plan.leadUnitIds);
  const leadUnits = plan.units.filter((u) => leads.has(u.id));
  const behaviourName = (b: { title: string; titleEn: string }) => (t.locale === 'en' && b.titleEn) || b.title;
  // Beside the button: the suggestion for the one unit the user leads, else the project's.
  const preview = suggestionFor(state.suggestions, behaviourId, leadUnits.length === 1 ? leadUnits[0].id : null);
  const headingId = `behaviour-${behaviourId}-actions`;
  return (
    <section aria-labelledby={headingId} className="behaviour-actions">
      <h3 id={headingId}>{t('behaviourActionsTitle')}</h3>
      <p className="legend-note">{t('behaviourActionsIntro')}</p>
      {actions.length > 0 ? <ActionTable actions={actions} caption={`${t('tableCaption')}: ${behaviourTitle}`} withBehaviour={false} /> : <p className="muted">{t('none')}</p>}
      <StatusMessage message={message} />
      {leadUnits.length > 0 &&
        (adding ? (
          <ActionForm
            idPrefix={`behaviour-${behaviourId}-action`}
            projectId={projectId}
            units={leadUnits}
            behaviours={plan.behaviours.filter((b) => b.id === behaviourId).map((b) => ({ id: b.id, name: behaviourName(b) }))}
            behaviourId={behaviourId}
            suggestionOf={(b, u) => suggestionFor(state.suggestions, b, u)}
            onSaved={() => {
              setAdding(false);
              setMessage(t('saved'));
              void reload();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <div className="no-print">
            {preview && (
              <p>
                <strong>{t(preview.scope === 'unit' ? 'suggested' : 'suggestedProject', { type: t(`type_${preview.type}` as ActionsKey) })}</strong>
                <br />
                {preview.reason[t.locale] ?? preview.reason.da}
              </p>
            )}
            <button type="button" aria-label={t('addFor', { behaviour: behaviourTitle })} onClick={() => setAdding(true)}>
              {t('addTitle')}
            </button>
          </div>
        ))}
      <p className="no-print">
        <Link to={`/projects/${projectId}/actions?behaviour=${behaviourId}`}>{t('openPlan')}</Link>
      </p>
    </section>
  );
}
