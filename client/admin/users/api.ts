// Typed calls for account management (/api/users, admins only) and for changing one's own password, on the
// typed client in ../../api. Every input and answer type is the server's own.
import { api, call, id, type JsonBody, type Ok } from '../../api';

const user = api.users[':id'];
const byId = (userId: number) => ({ param: { id: id(userId) } });

export type ManagedUser = Ok<typeof api.users.$get>['users'][number];
export type UserRole = ManagedUser['role'];
export type UserLocale = ManagedUser['locale'];
export type NewUser = JsonBody<typeof api.users.$post>;
export type UserUpdate = JsonBody<typeof user.$patch>;
export type ScopesInput = JsonBody<typeof user.scopes.$put>;

export const usersApi = {
  list: () => call(api.users.$get()).then((r) => r.users),
  /** The invitation link (default) or temporary password is in the answer only this once. */
  create: (json: NewUser) => call(api.users.$post({ json })),
  update: (userId: number, json: UserUpdate) => call(user.$patch({ ...byId(userId), json })).then((r) => r.user),
  setScopes: (userId: number, json: ScopesInput) => call(user.scopes.$put({ ...byId(userId), json })).then((r) => r.user),
  /** A one-time reset link (24 h); the old password and every session end. */
  resetPassword: (userId: number) =>
    call(user['reset-password'].$post({ ...byId(userId), json: { method: 'link' } })).then((r) => {
      if (!('link' in r)) throw new Error('reset answered without a link');
      return r.link;
    }),
  /** A new invitation link (7 days); older ones stop working. */
  invite: (userId: number) => call(user.invitation.$post(byId(userId))).then((r) => r.link),
  setDisabled: (userId: number, disabled: boolean) => call((disabled ? user.disable : user.enable).$post(byId(userId))).then((r) => r.user),
  endSessions: (userId: number) => call(user.sessions.$delete(byId(userId))),
  remove: (userId: number) => call(user.$delete(byId(userId))),
  /** Every project, archived ones included, so a scope on an archived project is not lost on save. */
  allProjects: () => call(api.projects.$get({ query: { includeArchived: 'true' } })).then((r) => r.projects),
};

export const accountApi = {
  changePassword: (currentPassword: string, newPassword: string) => call(api.auth.password.$post({ json: { currentPassword, newPassword } })),
  logoutAll: () => call(api.auth['logout-all'].$post()),
  /** Whose invitation/reset link this is; 404 link_invalid, 410 link_used / link_expired. */
  describeLink: (purpose: 'invite' | 'reset', token: string) =>
    call(api.auth[purpose][':token'].$get({ param: { token } })).then((r) => r.link),
  /** Chooses the password through the link and logs in (answers as /auth/me). */
  useLink: (purpose: 'invite' | 'reset', token: string, password: string) => call(api.auth[purpose][':token'].$post({ param: { token }, json: { password } })),
};
