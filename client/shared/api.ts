// The shared picture's one call: the public page behind a share link (no login).
import { api, call, segment, type Ok } from '../api';

const picture = api.p[':token'];

export type SharedPicture = Ok<typeof picture.$get>['picture'];

export const sharedPictureApi = {
  get: async (token: string): Promise<SharedPicture> => (await call(picture.$get({ param: { token: segment(token) } }))).picture,
};
