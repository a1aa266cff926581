// Typed calls for the secretariat's workspace: the unit tree and its CSV import, goals, enablers, benefits with
// KPI measurements, behaviours with their links, the timeline and the benefits map — on the typed client in
// ../../api. Every input and answer type is the server's own; the names below are aliases for the pages.
import { api, call, everyMember, id, type JsonBody, type Ok } from '../../api';
import type { ProjectDetail } from '../api';

const unit = api.units[':id'];
const benefit = api.benefits[':id'];
const behaviour = api.behaviours[':id'];
const project = api.projects[':projectId'];
const unitImport = api.units.import;
const byId = (value: number) => ({ param: { id: id(value) } });
const byProject = (projectId: number) => ({ param: { projectId: id(projectId) } });

// ---------- types ----------

export type TreeUnit = Ok<typeof api.units.$get>['units'][number];
export type UnitKind = NonNullable<TreeUnit['kind']>;
export type UnitFields = JsonBody<typeof api.units.$post>;
export type ImportPreview = Ok<typeof unitImport.preview.$post>['preview'];
export type PlannedCreate = ImportPreview['create'][number];
export type PlannedUpdate = ImportPreview['update'][number];
export type RejectedRow = ImportPreview['rejected'][number];
export type ImportResult = Ok<typeof unitImport.commit.$post>['result'];
export type UsagePreview = Ok<typeof behaviour.usage.preview.$post>['preview'];
export type UsageFigure = Ok<typeof behaviour.usage.$get>['usage']['figures'][number];

export type Timeline = Ok<typeof project.timeline.$get>['timeline'];
export type BenefitsMap = Ok<(typeof project)['benefits-map']['$get']>['map'];
export type MapNode = BenefitsMap['columns'][keyof BenefitsMap['columns']][number];
export type MapNodeKind = MapNode['kind'];

export type BenefitRow = ProjectDetail['benefits'][number];
export type BehaviourRow = ProjectDetail['behaviours'][number];
export type GoalRow = ProjectDetail['goals'][number];
export type EnablerRow = ProjectDetail['enablers'][number];
export type Measurement = BenefitRow['measurements'][number];
export type BenefitType = NonNullable<JsonBody<typeof project.benefits.$post>['type']>;
export type ArchiveReason = NonNullable<BenefitRow['archiveReason']>;
/** Delete answers "deleted", or "archived" with the reason when a survey or a measurement still uses the item
 *  (benefits and behaviours answer alike; useArchivableItems takes both). */
export type DeleteResult = Ok<typeof benefit.$delete>;

/** A form's fields: every field the server accepts (order aside), all filled in. */
type FormFields<T> = Required<Omit<T, 'sortOrder'>>;
export type BenefitFields = FormFields<JsonBody<typeof project.benefits.$post>>;
export type BehaviourFields = FormFields<JsonBody<typeof project.behaviours.$post>>;
export type MeasurementFields = JsonBody<typeof benefit.measurements.$post>;

export const BENEFIT_TYPES = everyMember<BenefitType>()(['oekonomi', 'tid', 'kvalitet', 'arbejdsmiljoe', 'borgeroplevelse', 'andet']);
export const UNIT_KINDS = everyMember<UnitKind>()(['forvaltning', 'center', 'afdeling', 'enhed']);

// ---------- units ----------

/**
 * The import routes read the body themselves (JSON or a raw CSV file), so the server declares no request type
 * for them; this is the JSON form they accept.
 */
interface ImportRequest {
  csv: string;
  headcountDate?: string | null;
}
const importBody = (csv: string, headcountDate: string | null) => {
  const body: ImportRequest = { csv, ...(headcountDate ? { headcountDate } : {}) };
  return { headers: { 'Content-Type': 'application/json' }, init: { body: JSON.stringify(body) } };
};

export const unitsApi = {
  list: () => call(api.units.$get({ query: {} })).then((r) => r.units),
  create: (json: UnitFields) => call(api.units.$post({ json })).then((r) => r.unit),
  update: (unitId: number, json: Partial<UnitFields>, version: number) => call(unit.$patch({ ...byId(unitId), json: { ...json, version } })).then((r) => r.unit),
  retire: (unitId: number, version: number, withDescendants = false) => call(unit.retire.$post({ ...byId(unitId), json: withDescendants ? { withDescendants, version } : { version } })),
  restore: (unitId: number, version: number) => call(unit.restore.$post({ ...byId(unitId), json: { version } })),
  remove: (unitId: number) => call(unit.$delete(byId(unitId))),
  previewImport: (csv: string, headcountDate: string | null) => call(unitImport.preview.$post({}, importBody(csv, headcountDate))).then((r) => r.preview),
  commitImport: (csv: string, headcountDate: string | null) => call(unitImport.commit.$post({}, importBody(csv, headcountDate))).then((r) => r.result),
};

// ---------- project parts ----------

export const workspaceApi = {
  addGoal: (projectId: number, title: string) => call(project.goals.$post({ ...byProject(projectId), json: { title } })),
  updateGoal: (goalId: number, title: string, version: number) => call(api.goals[':id'].$patch({ ...byId(goalId), json: { title, version } })),
  deleteGoal: (goalId: number) => call(api.goals[':id'].$delete(byId(goalId))),
  addEnabler: (projectId: number, title: string) => call(project.enablers.$post({ ...byProject(projectId), json: { title } })),
  updateEnabler: (enablerId: number, title: string, version: number) => call(api.enablers[':id'].$patch({ ...byId(enablerId), json: { title, version } })),
  deleteEnabler: (enablerId: number) => call(api.enablers[':id'].$delete(byId(enablerId))),

  addBenefit: (projectId: number, json: BenefitFields) => call(project.benefits.$post({ ...byProject(projectId), json })).then((r) => r.benefit),
  updateBenefit: (benefitId: number, json: Partial<BenefitFields>, version: number) => call(benefit.$patch({ ...byId(benefitId), json: { ...json, version } })).then((r) => r.benefit),
  deleteBenefit: (benefitId: number) => call(benefit.$delete(byId(benefitId))),
  restoreBenefit: (benefitId: number, version: number) => call(benefit.restore.$post({ ...byId(benefitId), json: { version } })),
  addMeasurement: (benefitId: number, json: MeasurementFields) => call(benefit.measurements.$post({ ...byId(benefitId), json })),
  deleteMeasurement: (measurementId: number) => call(api.measurements[':id'].$delete(byId(measurementId))),

  addBehaviour: (projectId: number, json: BehaviourFields) => call(project.behaviours.$post({ ...byProject(projectId), json })).then((r) => r.behaviour),
  updateBehaviour: (behaviourId: number, json: Partial<BehaviourFields>, version: number) => call(behaviour.$patch({ ...byId(behaviourId), json: { ...json, version } })).then((r) => r.behaviour),
  deleteBehaviour: (behaviourId: number) => call(behaviour.$delete(byId(behaviourId))),
  restoreBehaviour: (behaviourId: number, version: number) => call(behaviour.restore.$post({ ...byId(behaviourId), json: { version } })),
  usage: (behaviourId: number) => call(behaviour.usage.$get(byId(behaviourId))).then((r) => r.usage),
  previewUsage: (behaviourId: number, csv: string) => call(behaviour.usage.preview.$post({ ...byId(behaviourId), json: { csv } })).then((r) => r.preview),
  importUsage: (behaviourId: number, csv: string) => call(behaviour.usage.import.$post({ ...byId(behaviourId), json: { csv } })).then((r) => r.result),
  deleteUsage: (figureId: number) => call(api.usage[':id'].$delete(byId(figureId))),

  timeline: (projectId: number) => call(project.timeline.$get(byProject(projectId))).then((r) => r.timeline),
  benefitsMap: (projectId: number) => call(project['benefits-map'].$get(byProject(projectId))).then((r) => r.map),
};
