// The staff app's calls for projects, units, rollouts, surveys and waves, on the typed client in ../api.
// Every input and answer type is the server's own (inferred from its routes); the names below are aliases for
// the pages. Errors are the shared ApiError, as everywhere.
import { api, call, id, type JsonBody, type Ok, type Phase } from '../api';

const project = api.projects[':projectId'];
const projectParam = (projectId: number) => ({ projectId: id(projectId) });
const wave = api.waves[':id'];
const groups = project['reporting-groups'];
const groupParam = (projectId: number, groupId: number) => ({ projectId: id(projectId), groupId: id(groupId) });

// ---------- types ----------

export type ProjectSummary = Ok<typeof api.projects.$get>['projects'][number];
export type ProjectDetail = Ok<typeof project.$get>['project'];
export type ProjectStatus = ProjectDetail['status'];
export type NewProjectInput = JsonBody<typeof api.projects.$post>;
export type ProjectInput = JsonBody<typeof project.$patch>;

export type Unit = Ok<typeof api.units.$get>['units'][number];
export type UnitInput = JsonBody<typeof api.units.$post>;
export type Rollout = Ok<typeof project.rollouts[':unitId']['$put']>['rollout'];

export type ReportingGroup = Ok<typeof groups.$get>['groups'][number];
export type GroupAdvice = Ok<typeof groups.suggestions.$get>;
export type GroupSuggestion = GroupAdvice['suggestions'][number];
/** A unit under the anonymity threshold that is in no group reaching it (groupName: the too-small group it is in). */
export type SmallUnitWarning = GroupAdvice['warnings'][number];
export type ReportingGroupInput = JsonBody<typeof groups.$post>;
export type ReportingGroupUpdate = JsonBody<typeof groups[':groupId']['$patch']>;

export type SurveyPreview = Ok<typeof project.survey.preview.$get>;
export type SurveyVersionSummary = Ok<typeof project['survey-versions']['$get']>['versions'][number];
/** A stored version: its SurveyJS JSON and item map. */
export type SurveyVersionDetail = Ok<typeof project['survey-versions'][':versionId']['$get']>['version'];
/** The stored spec as saved (defaults filled in), or null for the default survey. */
export type StoredSurveySpec = Ok<typeof project.survey.spec.$get>['spec'];
/** What PUT …/survey/spec accepts (null restores the default survey). */
export type SurveySpecInput = NonNullable<JsonBody<typeof project.survey.spec.$put>['spec']>;

export type WaveSummary = Ok<typeof project.waves.$get>['waves'][number];
export type WaveInput = JsonBody<typeof project.waves.$post>;
export type WaveUpdate = JsonBody<typeof wave.$patch>;
export type WaveRow = Ok<typeof wave.links.$get>['wave'];
export type WaveLink = Ok<typeof wave.links.$get>['links'][number];

// ---------- projects ----------

export const projectApi = {
  list: () => call(api.projects.$get({ query: {} })).then((r) => r.projects),
  create: (json: NewProjectInput) => call(api.projects.$post({ json })).then((r) => r.project),
  get: (projectId: number) => call(project.$get({ param: projectParam(projectId) })).then((r) => r.project),
  update: (projectId: number, json: ProjectInput) => call(project.$patch({ param: projectParam(projectId), json })).then((r) => r.project),
  /** The rollout, and a warning when the unit is under the anonymity threshold and in no group reaching it. */
  setRollout: (projectId: number, unitId: number, goLiveDate: string | null) =>
    call(project.rollouts[':unitId'].$put({ param: { ...projectParam(projectId), unitId: id(unitId) }, json: { goLiveDate } })),
  removeRollout: (projectId: number, unitId: number) => call(project.rollouts[':unitId'].$delete({ param: { ...projectParam(projectId), unitId: id(unitId) } })),
  previewSurvey: (projectId: number, phase: Phase) => call(project.survey.preview.$get({ param: projectParam(projectId), query: { phase } })),
  surveyVersions: (projectId: number) => call(project['survey-versions'].$get({ param: projectParam(projectId) })).then((r) => r.versions),
  surveyVersion: (projectId: number, versionId: number) =>
    call(project['survey-versions'][':versionId'].$get({ param: { ...projectParam(projectId), versionId: id(versionId) } })).then((r) => r.version),
  /** The stored spec as saved, or null for the default survey. */
  /** The stored spec and its own version (surveySpecVersion), which a save sends back. */
  surveySpec: (projectId: number) => call(project.survey.spec.$get({ param: projectParam(projectId) })),
  /** null restores the default survey. Answers 400 invalid_input with details[].path ("spec.customItems.0.text.da"). */
  saveSurveySpec: (projectId: number, spec: SurveySpecInput | null, version: number) => call(project.survey.spec.$put({ param: projectParam(projectId), json: { spec, version } })),
};

// ---------- reporting groups ----------

export const reportingGroupApi = {
  list: (projectId: number) => call(groups.$get({ param: projectParam(projectId) })).then((r) => r.groups),
  /** The project's small-unit warnings and the suggested groups (nothing stored). */
  advice: (projectId: number) => call(groups.suggestions.$get({ param: projectParam(projectId) })),
  /** Stores the suggested groups in one step. */
  applySuggestions: (projectId: number) => call(groups.suggestions.$post({ param: projectParam(projectId) })),
  create: (projectId: number, json: ReportingGroupInput) => call(groups.$post({ param: projectParam(projectId), json })),
  update: (projectId: number, groupId: number, json: ReportingGroupUpdate) => call(groups[':groupId'].$patch({ param: groupParam(projectId, groupId), json })),
  remove: (projectId: number, groupId: number) => call(groups[':groupId'].$delete({ param: groupParam(projectId, groupId) })),
};

// ---------- units ----------

export const unitApi = {
  list: () => call(api.units.$get({ query: {} })).then((r) => r.units),
  create: (json: UnitInput) => call(api.units.$post({ json })).then((r) => r.unit),
};

// ---------- waves ----------

export const waveApi = {
  list: (projectId: number) => call(project.waves.$get({ param: projectParam(projectId) })).then((r) => r.waves),
  /** The draft wave, and a warning for each of its units too small to be reported on its own. */
  create: (projectId: number, json: WaveInput) => call(project.waves.$post({ param: projectParam(projectId), json })),
  open: (waveId: number) => call(wave.open.$post({ param: { id: id(waveId) } })).then((r) => r.wave),
  close: (waveId: number) => call(wave.close.$post({ param: { id: id(waveId) } })).then((r) => r.wave),
  update: (waveId: number, json: WaveUpdate) => call(wave.$patch({ param: { id: id(waveId) }, json })).then((r) => r.wave),
  remove: (waveId: number) => call(wave.$delete({ param: { id: id(waveId) } })),
  links: (waveId: number) => call(wave.links.$get({ param: { id: id(waveId) } })),
};
