// The project page's body: a sub-navigation (Overblik, Gevinster, Adfærd, Enheder & udrulning, Gevinstdiagram,
// Spørgeskema, Målinger) that shows one part at a time. The part is kept in the address (#gevinster, or
// #gevinster/benefit-3 to open one item's edit form), so links from the benefits map and the back button work.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import type { ProjectDetail } from '../../api';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import type { MapNodeKind } from './api';
import { BehavioursPanel } from './BehavioursPanel';
import { BenefitsSection } from './BenefitsSection';
import { GoalsEnablersSection } from './GoalsEnablersSection';
import { MapSection } from './BenefitsMap';
import { RolloutTimeline } from './RolloutTimeline';
import { SetupChecklist } from './SetupChecklist';
import './workspace.css';

export const TABS = ['overblik', 'gevinster', 'adfaerd', 'enheder', 'gevinstdiagram', 'spoergeskema', 'maalinger'] as const;
export type TabId = (typeof TABS)[number];

export interface OpenTarget {
  kind: MapNodeKind;
  id: number;
  /** Changes on every request, so asking for the same item twice opens it twice. */
  seq: number;
}

export const TAB_OF_KIND: Record<MapNodeKind, TabId> = { goal: 'overblik', enabler: 'overblik', benefit: 'gevinster', behaviour: 'adfaerd' };

/** "#gevinster/benefit-3" → { tab, kind, id }. Unknown hashes give the overview. */
export function parseHash(hash: string): { tab: TabId; kind?: MapNodeKind; id?: number } {
  const [tabPart, itemPart] = hash.replace(/^#/, '').split('/');
  const tab = (TABS as readonly string[]).includes(tabPart) ? (tabPart as TabId) : 'overblik';
  const m = /^(goal|enabler|benefit|behaviour)-(\d+)$/.exec(itemPart ?? '');
  return m ? { tab, kind: m[1] as MapNodeKind, id: Number(m[2]) } : { tab };
}

export const itemHash = (kind: MapNodeKind, id: number) => `#${TAB_OF_KIND[kind]}/${kind}-${id}`;

interface WorkspaceNav {
  tab: TabId;
  go: (tab: TabId) => void;
  /** Shows the item's part of the page and opens its edit form. */
  open: (kind: MapNodeKind, id: number) => void;
  target: OpenTarget | null;
}

const NavContext = createContext<WorkspaceNav | null>(null);

export function useWorkspaceNav(): WorkspaceNav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useWorkspaceNav outside ProjectWorkspace');
  return nav;
}

/** The request to open one item, if it is for this kind; sections react to it once per request. */
export function useOpenRequest(kind: MapNodeKind): OpenTarget | null {
  const { target } = useWorkspaceNav();
  return target && target.kind === kind ? target : null;
}

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
    return { tab: h.tab, target: h.kind ? { kind: h.kind, id: h.id!, seq: 1 } : null } as { tab: TabId; target: OpenTarget | null };
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
                {counts[id] !== undefined && <span className="ws-tab-count"> {t('tabCount', { n: counts[id]! })}</span>}
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
        {state.tab === 'adfaerd' && <BehavioursPanel project={project} onChanged={reload} />}
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

/** Scrolls an item's form into view and focuses its heading, once per open request. */
export function useRevealOnOpen(request: OpenTarget | null, matches: boolean, ref: { current: HTMLElement | null }) {
  const seq = request?.seq;
  useEffect(() => {
    if (!matches || !ref.current) return;
    ref.current.scrollIntoView({ block: 'start' });
    ref.current.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq, matches]);
}
