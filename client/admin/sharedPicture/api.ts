// The secretariat's calls for the shared picture: its sections and share links, typed from the server's routes.
import { api, call, id, type JsonBody, type Ok } from '../../api';

const settings = api.projects[':projectId']['shared-picture'];
const links = api.projects[':projectId']['share-links'];
const param = (projectId: number) => ({ projectId: id(projectId) });

export type SharedPictureSettings = Ok<typeof settings.$get>;
export type ShareLink = SharedPictureSettings['links'][number];
export type Sections = JsonBody<typeof settings.$put>['sections'];

export const sharedPictureAdminApi = {
  get: (projectId: number) => call(settings.$get({ param: param(projectId) })),
  setSections: (projectId: number, sections: Sections) => call(settings.$put({ param: param(projectId), json: { sections } })).then((r) => r.sections),
  create: (projectId: number, unitId: number | null) => call(links.$post({ param: param(projectId), json: { unitId } })).then((r) => r.shareLink),
  revoke: (projectId: number, linkId: number) => call(links[':shareLinkId'].revoke.$post({ param: { ...param(projectId), shareLinkId: id(linkId) } })).then((r) => r.shareLink),
  /** Made by the server; used as <img src> and as a download link. */
  qrSvgUrl: (projectId: number, linkId: number) => `/api/projects/${projectId}/share-links/${linkId}/qr.svg`,
};
