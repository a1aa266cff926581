// "Kom godt i gang": the steps of setting up a project, each with its state and a link to the part of the page
// where it is done. Shown until every step is done, so a new project leads the secretariat through the setup.
import type { ProjectDetail } from '../api';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { useWorkspaceNav, type TabId } from './workspaceNav';

export function SetupChecklist({ project }: { project: ProjectDetail }) {
  const t = useWorkspaceT();
  const { go } = useWorkspaceNav();
  const liveBehaviours = project.behaviours.filter((b) => !b.archivedAt);
  // Goals and enablers are further down this same part of the page: their steps jump to the input field.
  const steps: { key: WorkspaceKey; tab: TabId; done?: boolean; field?: string }[] = [
    { key: 'setup_goals', tab: 'overblik', done: project.goals.length > 0, field: 'ws-goal-new' },
    { key: 'setup_enablers', tab: 'overblik', done: project.enablers.length > 0, field: 'ws-enabler-new' },
    { key: 'setup_benefits', tab: 'gevinster', done: project.benefits.some((b) => !b.archivedAt) },
    { key: 'setup_behaviours', tab: 'adfaerd', done: liveBehaviours.some((b) => b.isPrimary) },
    { key: 'setup_units', tab: 'enheder', done: project.rollouts.some((r) => r.goLiveDate) },
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
