// The staff app's calls for handing out links: revoke or replace one, the wave's poster data, QR code addresses,
// and the municipality's settings. Types are the server's own, through the typed client in ../api.
import { api, call, id, type JsonBody, type Ok } from '../api';

const link = api.waves[':id'].links[':linkId'];
const linkParam = (waveId: number, linkId: number) => ({ id: id(waveId), linkId: id(linkId) });

export type ChangedLink = Ok<typeof link.revoke.$post>['link'];
export type PosterData = Ok<(typeof api.waves)[':id']['posters']['$get']>;
export type PosterLink = PosterData['links'][number];
export type MunicipalitySettings = Ok<typeof api.settings.$get>['settings'];
export type SettingsInput = JsonBody<typeof api.settings.$put>;

export const waveLinksApi = {
  /** The link and its code answer 410 from now on. */
  revoke: (waveId: number, linkId: number) => call(link.revoke.$post({ param: linkParam(waveId, linkId) })).then((r) => r.link),
  /** A new token and code for the same wave and unit. */
  replace: (waveId: number, linkId: number) => call(link.replace.$post({ param: linkParam(waveId, linkId) })).then((r) => r.link),
  posters: (waveId: number) => call(api.waves[':id'].posters.$get({ param: { id: id(waveId) } })),
  /** QR codes are made by the server; used as <img src> and download links. */
  qrSvgUrl: (waveId: number, linkId: number) => `/api/waves/${waveId}/links/${linkId}/qr.svg`,
  qrPngUrl: (waveId: number, linkId: number) => `/api/waves/${waveId}/links/${linkId}/qr.png`,
};

export const settingsApi = {
  get: () => call(api.settings.$get()).then((r) => r.settings),
  save: (json: SettingsInput) => call(api.settings.$put({ json })).then((r) => r.settings),
};
