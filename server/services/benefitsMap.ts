// The benefits map (gevinstdiagram): enablers → behaviours → benefits → goals, drawn from the project's links.
// Archived items and their links are left out; negative benefits and the edges into and out of them are marked.
import type { DbLike } from '../../db/client';
import { getProjectDetail, type ProjectDetail } from './projects';

export type MapNodeKind = 'enabler' | 'behaviour' | 'benefit' | 'goal';

export interface MapNode {
  /** `${kind}:${entityId}`, unique across the map. */
  id: string;
  kind: MapNodeKind;
  entityId: number;
  title: string;
  negative?: boolean;
  /** Behaviours: declared as a primary behaviour of the project. */
  primary?: boolean;
  /** Benefits: økonomi, tid, kvalitet, … */
  benefitType?: string;
}

export interface MapEdge {
  from: string;
  to: string;
  negative?: boolean;
}

/** A missing link the secretariat probably wants to add, e.g. a behaviour that drives no benefit. */
export type MapGapCode =
  | 'enabler_without_behaviour'
  | 'behaviour_without_enabler'
  | 'behaviour_without_benefit'
  | 'benefit_without_behaviour'
  | 'benefit_without_goal'
  | 'goal_without_benefit';

export interface BenefitsMap {
  columns: { enablers: MapNode[]; behaviours: MapNode[]; benefits: MapNode[]; goals: MapNode[] };
  edges: MapEdge[];
  gaps: { node: string; code: MapGapCode }[];
}

const nodeId = (kind: MapNodeKind, id: number) => `${kind}:${id}`;

/** Pure: builds the map from the project JSON. */
export function buildBenefitsMap(detail: ProjectDetail): BenefitsMap {
  const liveBehaviours = detail.behaviours.filter((b) => !b.archivedAt);
  const liveBenefits = detail.benefits.filter((b) => !b.archivedAt);
  const negative = new Set(liveBenefits.filter((b) => b.direction === 'negative').map((b) => b.id));
  const present = new Set([
    ...detail.enablers.map((e) => nodeId('enabler', e.id)),
    ...liveBehaviours.map((b) => nodeId('behaviour', b.id)),
    ...liveBenefits.map((b) => nodeId('benefit', b.id)),
    ...detail.goals.map((g) => nodeId('goal', g.id)),
  ]);

  const edges: MapEdge[] = [];
  const addEdge = (from: string, to: string, isNegative: boolean) => {
    if (present.has(from) && present.has(to)) edges.push(isNegative ? { from, to, negative: true } : { from, to });
  };
  for (const b of liveBehaviours) {
    for (const e of b.enablerIds) addEdge(nodeId('enabler', e), nodeId('behaviour', b.id), false);
  }
  for (const b of liveBehaviours) {
    for (const f of b.benefitIds) addEdge(nodeId('behaviour', b.id), nodeId('benefit', f), negative.has(f));
  }
  for (const f of liveBenefits) {
    for (const g of f.goalIds) addEdge(nodeId('benefit', f.id), nodeId('goal', g), negative.has(f.id));
  }

  const hasIn = new Set(edges.map((e) => e.to));
  const hasOut = new Set(edges.map((e) => e.from));
  const gaps: BenefitsMap['gaps'] = [];
  const gap = (node: string, ok: boolean, code: MapGapCode) => {
    if (!ok) gaps.push({ node, code });
  };

  const enablerNodes = detail.enablers.map((e): MapNode => ({ id: nodeId('enabler', e.id), kind: 'enabler', entityId: e.id, title: e.title }));
  const behaviourNodes = liveBehaviours.map((b): MapNode => ({ id: nodeId('behaviour', b.id), kind: 'behaviour', entityId: b.id, title: b.title, primary: b.isPrimary }));
  const benefitNodes = liveBenefits.map(
    (b): MapNode => ({ id: nodeId('benefit', b.id), kind: 'benefit', entityId: b.id, title: b.title, negative: b.direction === 'negative', benefitType: b.type }),
  );
  const goalNodes = detail.goals.map((g): MapNode => ({ id: nodeId('goal', g.id), kind: 'goal', entityId: g.id, title: g.title }));

  for (const n of enablerNodes) gap(n.id, hasOut.has(n.id), 'enabler_without_behaviour');
  for (const n of behaviourNodes) {
    gap(n.id, hasIn.has(n.id), 'behaviour_without_enabler');
    gap(n.id, hasOut.has(n.id), 'behaviour_without_benefit');
  }
  for (const n of benefitNodes) {
    gap(n.id, hasIn.has(n.id), 'benefit_without_behaviour');
    // A negative benefit is a side effect to watch, not something a goal is reached through.
    if (!n.negative) gap(n.id, hasOut.has(n.id), 'benefit_without_goal');
  }
  for (const n of goalNodes) gap(n.id, hasIn.has(n.id), 'goal_without_benefit');

  return { columns: { enablers: enablerNodes, behaviours: behaviourNodes, benefits: benefitNodes, goals: goalNodes }, edges, gaps };
}

export async function getBenefitsMap(db: DbLike, projectId: number) {
  return buildBenefitsMap(await getProjectDetail(db, projectId));
}
