// The manager report (GET /api/projects/:id/report) and its comments, on the typed client in ../api. The report
// types are the server's own, inferred from the route; the names below only give the dashboard words for its parts.
// Everything here is computed and anonymised on the server; the client only displays it.
import { api, call, id, type Ok } from '../api';

const project = api.projects[':projectId'];
const byProject = (projectId: number) => ({ param: { projectId: id(projectId) } });

export type Report = Ok<typeof project.report.$get>['report'];
export type ReportWave = Report['waves'][number];
export type ReportUnit = Report['units'][number];
export type BehaviourReport = Report['behaviours'][number];
export type ItemReport = Report['customItems'][number];
export type OverallCell = ItemReport['overall'][number];
export type UnitRow = ItemReport['units'][number];
export type UnitCell = UnitRow['cells'][number];
/** One estimate (a unit's cell; a measured overall cell has the same fields). */
export type Estimate = Omit<UnitCell, 'waveId'>;
export type ManagerLabel = Estimate['label'];
export type LabelCode = ManagerLabel['code'];
export type ChangeReport = NonNullable<BehaviourReport['change']>;
/** One wave of the comparison group's line: the units not yet live at that wave, pooled (hidden like any cell). */
export type ComparisonPoint = NonNullable<BehaviourReport['comparisonLine']>[number];
export type WaveRate = Report['responseRates'][number];
export type UnitRate = WaveRate['units'][number];
/** The numbers of a response rate the server shows (a wave's total or one unit's). */
export type RateNumbers = Omit<Extract<WaveRate, { hidden: false }>, 'waveId' | 'hidden' | 'units' | 'unitsShown'>;
/** The comments of the shown waves (a hidden wave answers no questions). */
export type Comments = Ok<typeof project.comments.$get>['comments'];
export type CommentWave = Comments['waves'][number];
/** The whole project (benefits with KPI measurements, behaviours with isPrimary, rollouts); managers may read it. */
export type ProjectDetail = Ok<typeof project.$get>['project'];
export type Benefit = ProjectDetail['benefits'][number];
export type ProjectUsage = Ok<typeof project.usage.$get>['usage'];
export type BehaviourUsage = ProjectUsage['behaviours'][number];

// ---------- parts of the report that are on their way from the server ----------
// The fields below are being added to the report. They are read through these accessors only, each of which
// answers undefined while the server does not send the field, so every part built on them is simply left out.

/** A server label of a comparison or a change: its code and words. */
export interface ServerWords {
  code: string;
  da: string;
  en: string;
}
export interface UnitChange {
  key: string;
  unitId: number | null;
  unitName: string;
  group: string | null;
  hidden: boolean;
  d: number | null;
  lo: number | null;
  hi: number | null;
  nBefore: number | null;
  nAfter: number | null;
  label?: ServerWords | null;
}
export type Comparison =
  | { available: true; did: number; lo: number; hi: number; placebo: { did: number; lo: number; hi: number } | null; cohorts: number; label: ServerWords }
  | { available: false; reason: string };
export interface Compare {
  fromWaveId: number | null;
  toWaveId: number | null;
}
export type Design = 'comparison' | 'before_after';

interface ReportExtras {
  compare?: Compare | null;
}
interface UnitExtras {
  goLiveDate?: string | null;
  live?: boolean;
}
interface BehaviourExtras {
  unitChanges?: UnitChange[] | null;
  comparison?: Comparison | null;
}
interface ChangeExtras {
  design?: Design;
}

export const extras = {
  compare: (r: Report): Compare | undefined => (r as unknown as ReportExtras).compare ?? undefined,
  goLive: (u: ReportUnit): UnitExtras | undefined => {
    const x = u as unknown as UnitExtras;
    return x.goLiveDate === undefined && x.live === undefined ? undefined : { goLiveDate: x.goLiveDate ?? null, live: x.live };
  },
  unitChanges: (b: BehaviourReport): UnitChange[] | undefined => (b as unknown as BehaviourExtras).unitChanges ?? undefined,
  comparison: (b: BehaviourReport): Comparison | undefined => (b as unknown as BehaviourExtras).comparison ?? undefined,
  /** The design of the headline change; a report without the field has only before/after changes. */
  design: (c: ChangeReport): Design => (c as unknown as ChangeExtras).design ?? 'before_after',
};

export const reportApi = {
  /** The report; with from/to, the two waves its headline compares (a server that does not know them ignores them). */
  get: (projectId: number, compare?: { from: number; to: number } | null) =>
    call(project.report.$get({ ...byProject(projectId), query: compare ? { from: String(compare.from), to: String(compare.to) } : {} })).then((r) => r.report),
  comments: (projectId: number) => call(project.comments.$get(byProject(projectId))).then((r) => r.comments),
  /** Adoption of closed waves by background and choice questions (GET /projects/:id/breakdowns). */
  breakdowns: (projectId: number) => call(project.breakdowns.$get(byProject(projectId))).then((r) => r.breakdowns),
  project: (projectId: number) => call(project.$get(byProject(projectId))).then((r) => r.project),
  /** System usage figures per behaviour and unit, with each wave's value (GET /projects/:id/usage). */
  usage: (projectId: number) => call(project.usage.$get(byProject(projectId))).then((r) => r.usage),
};
