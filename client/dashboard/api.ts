// The manager report (GET /api/projects/:id/report) and its comments, on the typed client in ../api. The report
// types are the server's own, inferred from the route; the names below only give the dashboard words for its parts.
// Everything here is computed and anonymised on the server; the client only displays it.
import { api, call, id, type Ok } from '../api';

const project = api.projects[':projectId'];
const byProject = (projectId: number) => ({ param: { projectId: id(projectId) } });

export type Report = Ok<typeof project.report.$get>['report'];
export type ReportWave = Report['waves'][number];
export type BehaviourReport = Report['behaviours'][number];
export type ItemReport = Report['customItems'][number];
export type OverallCell = ItemReport['overall'][number];
/** One estimate (a unit's cell; a measured overall cell has the same fields). */
export type Estimate = Omit<ItemReport['units'][number]['cells'][number], 'waveId'>;
export type ManagerLabel = Estimate['label'];
export type LabelCode = ManagerLabel['code'];
export type ChangeReport = NonNullable<BehaviourReport['change']>;
export type WaveRate = Report['responseRates'][number];
export type UnitRate = WaveRate['units'][number];
/** The numbers of a response rate the server shows (a wave's total or one unit's). */
export type RateNumbers = Omit<Extract<WaveRate, { hidden: false }>, 'waveId' | 'hidden' | 'units' | 'unitsShown'>;
/** The comments of the shown waves (a hidden wave answers no questions). */
export type Comments = Ok<typeof project.comments.$get>['comments'];

export const reportApi = {
  get: (projectId: number) => call(project.report.$get({ ...byProject(projectId), query: {} })).then((r) => r.report),
  comments: (projectId: number) => call(project.comments.$get(byProject(projectId))).then((r) => r.comments),
};
