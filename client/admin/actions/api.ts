// Typed calls for action plans on the typed client in ../../api; every input and answer type is the server's own.
import { api, call, id, type JsonBody, type Ok } from '../../api';

const inProject = api.projects[':projectId'];
const byProject = (projectId: number) => ({ param: { projectId: id(projectId) } });
const action = api.actions[':id'];

export type Action = Ok<typeof inProject.actions.$get>['actions'][number];
export type ActionType = Action['type'];
export type ActionStatus = Action['status'];
export type NewAction = JsonBody<typeof inProject.actions.$post>;
export type ActionPatch = JsonBody<typeof action.$patch>;
export type Suggestion = Ok<(typeof inProject)['action-suggestions']['$get']>['suggestions'][number];
export type ActionPlan = Ok<typeof inProject.actions.$get>;
export type AllActions = Ok<typeof api.actions.$get>;

export const ACTION_TYPES: readonly ActionType[] = ['capability', 'opportunity', 'motivation', 'other'];
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'dropped'];

export const actionsApi = {
  all: () => call(api.actions.$get()),
  /** The project's actions with the units the caller may add actions for and the behaviours. */
  plan: (projectId: number) => call(inProject.actions.$get({ ...byProject(projectId), query: {} })),
  create: (projectId: number, json: NewAction) => call(inProject.actions.$post({ ...byProject(projectId), json })).then((r) => r.action),
  update: (actionId: number, json: ActionPatch) => call(action.$patch({ param: { id: id(actionId) }, json })).then((r) => r.action),
  remove: (actionId: number) => call(action.$delete({ param: { id: id(actionId) } })),
  suggestions: (projectId: number) => call(inProject['action-suggestions'].$get(byProject(projectId))).then((r) => r.suggestions),
};

/** The suggestion for a unit: its own where its numbers are shown, else the project's. */
export function suggestionFor(suggestions: readonly Suggestion[] | undefined, behaviourId: number, unitId: number | null): Suggestion | undefined {
  const own = suggestions?.filter((s) => s.behaviourId === behaviourId) ?? [];
  return (unitId !== null ? own.find((s) => s.unitId === unitId) : undefined) ?? own.find((s) => s.unitId === null);
}
