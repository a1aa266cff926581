// The leader's calls for workshops and the units' agreed descriptions, typed from the server's routes.
import { api, call, id, type JsonBody, type Ok } from '../../api';

const unitWorkshops = api.projects[':projectId'].units[':unitId'].workshops;
const workshop = api.workshops[':id'];
const description = api.projects[':projectId'].units[':unitId'].behaviours[':behaviourId'].description;

export type WorkshopView = Ok<typeof workshop.$get>;
export type WorkshopListItem = Ok<typeof unitWorkshops.$get>['workshops'][number];
export type ProjectDescriptions = Ok<(typeof api.projects)[':projectId']['descriptions']['$get']>;
export type DescriptionInput = JsonBody<typeof description.$put>;

const unitParam = (projectId: number, unitId: number) => ({ projectId: id(projectId), unitId: id(unitId) });

export const workshopsApi = {
  start: (projectId: number, unitId: number, behaviourId: number) => call(unitWorkshops.$post({ param: unitParam(projectId, unitId), json: { behaviourId } })),
  list: (projectId: number, unitId: number) => call(unitWorkshops.$get({ param: unitParam(projectId, unitId) })),
  get: (workshopId: number) => call(workshop.$get({ param: { id: id(workshopId) } })),
  qrSvgUrl: (workshopId: number) => `/api/workshops/${workshopId}/qr.svg`,
  hide: (workshopId: number, suggestionId: number) => call(workshop.suggestions[':suggestionId'].hide.$post({ param: { id: id(workshopId), suggestionId: id(suggestionId) } })),
  close: (workshopId: number) => call(workshop.close.$post({ param: { id: id(workshopId) } })),
  saveDescription: (projectId: number, unitId: number, behaviourId: number, json: DescriptionInput) =>
    call(description.$put({ param: { ...unitParam(projectId, unitId), behaviourId: id(behaviourId) }, json })).then((r) => r.description),
  descriptions: (projectId: number) => call(api.projects[':projectId'].descriptions.$get({ param: { projectId: id(projectId) } })),
};
