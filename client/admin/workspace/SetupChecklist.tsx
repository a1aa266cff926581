// "Kom godt i gang": the steps of setting up a project, each with its state and a link to the part of the page
// where it is done. Shown until every step is done, so a new project leads the secretariat through the setup.
import type { ProjectDetail } from '../api';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { useWorkspaceNav, type TabId } from './workspaceNav';

export function SetupChecklist({ project }: { project: ProjectDetail }) {
  const t = useWorkspaceT();
  const { go } = useWorkspaceNav();
  const liveBehaviours = project.behaviours.filter((b) => !b.archivedAt);
  const primaries = liveBehaviours.filter((b) => b.isPrimary);
  const activeRollouts = project.rollouts.filter((r) => !r.retiredAt);
  // Linked means every primary behaviour leads to a benefit still in use and comes from an enabler; a link to an
  // archived benefit does not count. No primary behaviour yet: nothing is linked.
  const liveBenefitIds = new Set(project.benefits.filter((b) => !b.archivedAt).map((b) => b.id));
  const linked = primaries.length > 0 && primaries.every((b) => b.benefitIds.some((id) => liveBenefitIds.has(id)) && b.enablerIds.length > 0);
  // Goals and enablers are further down this same part of the page: their steps jump to the input field.
  const steps: { key: WorkspaceKey; tab: TabId; done?: boolean; field?: string }[] = [
    { key: 'setup_goals', tab: 'overblik', done: project.goals.length > 0, field: 'ws-goal-new' },
    { key: 'setup_enablers', tab: 'overblik', done: project.enablers.length > 0, field: 'ws-enabler-new' },
    { key: 'setup_benefits', tab: 'gevinster', done: project.benefits.some((b) => !b.archivedAt) },
    { key: 'setup_behaviours', tab: 'adfaerd', done: primaries.length > 0 },
    { key: 'setup_links', tab: 'adfaerd', done: linked },
    // Every unit still in use needs its date: one dated unit among undated ones is not a plan.
    { key: 'setup_units', tab: 'enheder', done: activeRollouts.length > 0 && activeRollouts.every((r) => r.goLiveDate) },
    { key: 'setup_map', tab: 'gevinstdiagram' },
  ];
  if (steps.every((s) => s.done !== false)) return null;
  return (
    <section className="notice setup-checklist" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setupTitle')}</h2>
      <p>{t('setupIntro')}</p>
      <ol>
        {steps.map((s) => (
          <li key={s.key} className={s.done ? 'done' : undefined}>
            {s.done !== undefined && (
              <span className={`setup-state ${s.done ? 'done' : 'todo'}`}>
                <span aria-hidden="true">{s.done ? '✓' : '○'}</span> {t(s.done ? 'setupDone' : 'setupTodo')}:
              </span>
            )}{' '}
            <a
              href={s.field ? `#${s.field}` : `#${s.tab}`}
              onClick={(e) => {
                e.preventDefault();
                if (s.field) {
                  const input = document.getElementById(s.field);
                  input?.scrollIntoView({ block: 'center' });
                  input?.focus();
                } else go(s.tab);
              }}
            >
              {t(s.key)}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
