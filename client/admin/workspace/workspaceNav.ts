// Which part of the project workspace is shown and which item to open, kept in the address hash
// (#gevinster/benefit-3) so links from the benefits map and the back button work. The sections read it here.
import { createContext, useContext, useEffect } from 'react';
import type { MapNodeKind } from './api';

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

export interface WorkspaceNav {
  tab: TabId;
  go: (tab: TabId) => void;
  /** Shows the item's part of the page and opens its edit form. */
  open: (kind: MapNodeKind, id: number) => void;
  target: OpenTarget | null;
}

export const NavContext = createContext<WorkspaceNav | null>(null);

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
