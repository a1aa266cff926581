// Typed calls for benefit realisation status (issue 12): the steering group's view, setting a status, and the
// accounts that may own a benefit — on the typed client in ../../api. Types are the server's own.
import { api, call, everyMember, id, type JsonBody, type Ok } from '../../api';

const project = api.projects[':projectId'];
const benefit = api.benefits[':id'];
const byProject = (projectId: number) => ({ param: { projectId: id(projectId) } });

export type BenefitStatusReport = Ok<(typeof project)['benefit-status']['$get']>['benefitStatus'];
export type StatusBenefit = BenefitStatusReport['benefits'][number];
export type StatusValue = JsonBody<typeof benefit.status.$patch>['status'];
export type StatusHistoryEntry = StatusBenefit['history'][number];
export type EvidenceBehaviour = StatusBenefit['evidence']['behaviours'][number];
export type StatusAction = BenefitStatusReport['actions'][number];
export type UnitDescription = BenefitStatusReport['descriptions'][number];
export type OwnerAccount = Ok<(typeof project)['benefit-owners']['$get']>['accounts'][number];

export const STATUS_VALUES = everyMember<StatusValue>()(['paa_vej', 'i_risiko', 'realiseret', 'opgivet']);
/** The statuses the server refuses without a reason (server/contract/benefitStatus.ts). */
export const NEEDS_REASON: readonly StatusValue[] = ['i_risiko', 'opgivet'];
/** The server's limit on a reason and a next action. */
export const STATUS_TEXT_MAX = 1000;

export const benefitStatusApi = {
  report: (projectId: number) => call(project['benefit-status'].$get(byProject(projectId))).then((r) => r.benefitStatus),
  owners: (projectId: number) => call(project['benefit-owners'].$get(byProject(projectId))).then((r) => r.accounts),
  setStatus: (benefitId: number, json: JsonBody<typeof benefit.status.$patch>) => call(benefit.status.$patch({ param: { id: id(benefitId) }, json })).then((r) => r.benefit),
};
