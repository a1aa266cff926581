// The project page's body: a sub-navigation (Overblik, Gevinster, Adfærd, Enheder & udrulning, Gevinstdiagram,
// Spørgeskema, Målinger) that shows one part at a time. The part is kept in the address (#gevinster, or
// #gevinster/benefit-3 to open one item's edit form), so links from the benefits map and the back button work.
import { useCallback, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import type { ProjectDetail } from '../api';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import type { MapNodeKind } from './api';
import { itemHash, NavContext, parseHash, TAB_OF_KIND, TABS, type TabId, type WorkspaceNav } from './workspaceNav';
import { BehavioursPanel } from './BehavioursPanel';
import { BenefitsSection } from './BenefitsSection';
import { GoalsEnablersSection } from './GoalsEnablersSection';
import { MapSection } from './BenefitsMap';
import { RolloutTimeline } from './RolloutTimeline';
import { SetupChecklist } from './SetupChecklist';
import { WorkshopsEntry } from '../workshops/WorkshopsEntry';
import './workspace.css';

export function ProjectWorkspace({
  project,
  reload,
  overview,
  units,
  survey,
  waves,
}: {
  project: ProjectDetail;
  reload: () => Promise<void>;
  /** Existing sections, passed in by the project page so each keeps its own module. */
  overview: ReactNode;
  units: ReactNode;
  survey: ReactNode;
  waves: ReactNode;
}) {
  const t = useWorkspaceT();
  const [state, setState] = useState(() => {
    const h = parseHash(window.location.hash);
    return { tab: h.tab, target: h.kind ? { kind: h.kind, id: h.id!, seq: 1 } : null };
  });

  useEffect(() => {
    const sync = () => {
      const h = parseHash(window.location.hash);
      setState((s) => ({ tab: h.tab, target: h.kind ? { kind: h.kind, id: h.id!, seq: (s.target?.seq ?? 0) + 1 } : null }));
    };
    window.addEventListener('popstate', sync);
    window.addEventListener('hashchange', sync);
    return () => {
      window.removeEventListener('popstate', sync);
      window.removeEventListener('hashchange', sync);
    };
  }, []);

  const go = useCallback((tab: TabId) => {
    if (window.location.hash !== `#${tab}`) window.history.pushState(null, '', `#${tab}`);
    setState({ tab, target: null });
  }, []);
  const open = useCallback((kind: MapNodeKind, id: number) => {
    window.history.pushState(null, '', itemHash(kind, id));
    setState((s) => ({ tab: TAB_OF_KIND[kind], target: { kind, id, seq: (s.target?.seq ?? 0) + 1 } }));
  }, []);
  const nav = useMemo<WorkspaceNav>(() => ({ tab: state.tab, go, open, target: state.target }), [state, go, open]);

  const live = <T extends { archivedAt: string | null }>(xs: T[]) => xs.filter((x) => !x.archivedAt).length;
  const counts: Partial<Record<TabId, number>> = {
    gevinster: live(project.benefits),
    adfaerd: live(project.behaviours),
    enheder: project.rollouts.length,
  };

  const onTab = (tab: TabId) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(tab);
  };

  return (
    <NavContext.Provider value={nav}>
      <nav className="ws-tabs no-print" aria-label={t('tabsLabel')}>
        <ul>
          {TABS.map((id) => (
            <li key={id}>
              <a href={`#${id}`} aria-current={state.tab === id ? 'true' : undefined} onClick={onTab(id)}>
                {t(`tab_${id}` as WorkspaceKey)}
                {counts[id] !== undefined && <span className="ws-tab-count"> {t('tabCount', { n: counts[id] })}</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="ws-panel" data-tab={state.tab}>
        {state.tab === 'overblik' && (
          <>
            <SetupChecklist project={project} />
            {overview}
            <GoalsEnablersSection project={project} onChanged={reload} />
          </>
        )}
        {state.tab === 'gevinster' && <BenefitsSection project={project} onChanged={reload} />}
        {state.tab === 'adfaerd' && (
          <>
            <BehavioursPanel project={project} onChanged={reload} />
            <WorkshopsEntry projectId={project.id} />
          </>
        )}
        {state.tab === 'enheder' && (
          <>
            {units}
            <RolloutTimeline project={project} />
          </>
        )}
        {state.tab === 'gevinstdiagram' && <MapSection project={project} />}
        {state.tab === 'spoergeskema' && survey}
        {state.tab === 'maalinger' && waves}
      </div>
    </NavContext.Provider>
  );
}
