// Typed calls for the secretariat's workspace: the unit tree and its CSV import, goals, enablers, benefits with
// KPI measurements, behaviours with their links, the timeline and the benefits map. Errors become the shared
// ApiError (code, message, details[] with field paths), exactly as in ../../api.
import { request, type ProjectDetail } from '../../api';
import type { BenefitsMap, MapNode, MapNodeKind } from '../../../server/services/benefitsMap';
import type { ImportPreview, PlannedCreate, PlannedUpdate, RejectedRow } from '../../../server/services/unitImport';
import type { getTimeline } from '../../../server/services/rollouts';
import type { listUnits, UnitKind } from '../../../server/services/units';
import type { ArchiveReason } from '../../../server/services/surveyUsage';
import type { benefitTypes } from '../../../db/schema';

export type { ArchiveReason, BenefitsMap, ImportPreview, MapNode, MapNodeKind, PlannedCreate, PlannedUpdate, RejectedRow, UnitKind };
export type TreeUnit = ReturnType<typeof listUnits>[number];
export type Timeline = ReturnType<typeof getTimeline>;
export type BenefitRow = ProjectDetail['benefits'][number];
export type BehaviourRow = ProjectDetail['behaviours'][number];
export type GoalRow = ProjectDetail['goals'][number];
export type EnablerRow = ProjectDetail['enablers'][number];
export type Measurement = BenefitRow['measurements'][number];
export type BenefitType = (typeof benefitTypes)[number];

export const BENEFIT_TYPES: readonly BenefitType[] = ['oekonomi', 'tid', 'kvalitet', 'arbejdsmiljoe', 'borgeroplevelse', 'andet'];
export const UNIT_KINDS: readonly UnitKind[] = ['forvaltning', 'center', 'afdeling', 'enhed'];

const call = request;

// ---------- units ----------

export interface UnitFields {
  name: string;
  kind?: UnitKind;
  parentId?: number | null;
  headcount?: number;
  headcountDate?: string | null;
  externalId?: string | null;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  notInFile: ImportPreview['notInFile'];
}

export const unitsApi = {
  list: () => call<{ units: TreeUnit[] }>('GET', '/units').then((r) => r.units),
  create: (input: UnitFields) => call<{ unit: TreeUnit }>('POST', '/units', input).then((r) => r.unit),
  update: (id: number, input: Partial<UnitFields>) => call<{ unit: TreeUnit }>('PATCH', `/units/${id}`, input).then((r) => r.unit),
  retire: (id: number, withDescendants = false) => call<{ retiredIds: number[] }>('POST', `/units/${id}/retire`, withDescendants ? { withDescendants } : {}),
  restore: (id: number) => call<{ unit: TreeUnit }>('POST', `/units/${id}/restore`, {}),
  remove: (id: number) => call<{ deleted: true }>('DELETE', `/units/${id}`),
  previewImport: (csv: string, headcountDate: string | null) =>
    call<{ preview: ImportPreview }>('POST', '/units/import/preview', { csv, ...(headcountDate ? { headcountDate } : {}) }).then((r) => r.preview),
  commitImport: (csv: string, headcountDate: string | null) =>
    call<{ result: ImportResult }>('POST', '/units/import/commit', { csv, ...(headcountDate ? { headcountDate } : {}) }).then((r) => r.result),
};

// ---------- project parts ----------

export interface BenefitFields {
  title: string;
  direction: 'positive' | 'negative';
  type: BenefitType;
  owner: string;
  ownerUnitId: number | null;
  measure: string;
  measureUnit: string;
  dataSource: string;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  goalIds: number[];
  behaviourIds: number[];
}

export interface BehaviourFields {
  title: string;
  description: string;
  targetGroup: string;
  situation: string;
  expectedFrequency: string;
  oldBehaviour: string;
  isPrimary: boolean;
  benefitIds: number[];
  enablerIds: number[];
  unitIds: number[];
}

export interface MeasurementFields {
  value: number;
  measuredOn: string;
  note?: string;
}

export type DeleteResult = { archived: false; deleted: true } | { archived: true; reason: ArchiveReason };

export const workspaceApi = {
  addGoal: (projectId: number, title: string) => call<{ goal: GoalRow }>('POST', `/projects/${projectId}/goals`, { title }),
  updateGoal: (id: number, title: string) => call<{ goal: GoalRow }>('PATCH', `/goals/${id}`, { title }),
  deleteGoal: (id: number) => call<{ deleted: true }>('DELETE', `/goals/${id}`),
  addEnabler: (projectId: number, title: string) => call<{ enabler: EnablerRow }>('POST', `/projects/${projectId}/enablers`, { title }),
  updateEnabler: (id: number, title: string) => call<{ enabler: EnablerRow }>('PATCH', `/enablers/${id}`, { title }),
  deleteEnabler: (id: number) => call<{ deleted: true }>('DELETE', `/enablers/${id}`),

  addBenefit: (projectId: number, input: BenefitFields) => call<{ benefit: BenefitRow }>('POST', `/projects/${projectId}/benefits`, input).then((r) => r.benefit),
  updateBenefit: (id: number, input: Partial<BenefitFields>) => call<{ benefit: BenefitRow }>('PATCH', `/benefits/${id}`, input).then((r) => r.benefit),
  deleteBenefit: (id: number) => call<DeleteResult>('DELETE', `/benefits/${id}`),
  restoreBenefit: (id: number) => call<{ benefit: BenefitRow }>('POST', `/benefits/${id}/restore`, {}),
  addMeasurement: (benefitId: number, input: MeasurementFields) => call<{ measurement: Measurement }>('POST', `/benefits/${benefitId}/measurements`, input),
  deleteMeasurement: (id: number) => call<{ deleted: true }>('DELETE', `/measurements/${id}`),

  addBehaviour: (projectId: number, input: BehaviourFields) => call<{ behaviour: BehaviourRow }>('POST', `/projects/${projectId}/behaviours`, input).then((r) => r.behaviour),
  updateBehaviour: (id: number, input: Partial<BehaviourFields>) => call<{ behaviour: BehaviourRow }>('PATCH', `/behaviours/${id}`, input).then((r) => r.behaviour),
  deleteBehaviour: (id: number) => call<DeleteResult>('DELETE', `/behaviours/${id}`),
  restoreBehaviour: (id: number) => call<{ behaviour: BehaviourRow }>('POST', `/behaviours/${id}/restore`, {}),

  timeline: (projectId: number) => call<{ timeline: Timeline }>('GET', `/projects/${projectId}/timeline`).then((r) => r.timeline),
  benefitsMap: (projectId: number) => call<{ map: BenefitsMap }>('GET', `/projects/${projectId}/benefits-map`).then((r) => r.map),
};
