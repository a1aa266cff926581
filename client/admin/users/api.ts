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
  /** The temporary password is in the answer only this once. */
  create: (json: NewUser) => call(api.users.$post({ json })),
  update: (userId: number, json: UserUpdate) => call(user.$patch({ ...byId(userId), json })).then((r) => r.user),
  setScopes: (userId: number, json: ScopesInput) => call(user.scopes.$put({ ...byId(userId), json })).then((r) => r.user),
  resetPassword: (userId: number) => call(user['reset-password'].$post(byId(userId))).then((r) => r.temporaryPassword),
  remove: (userId: number) => call(user.$delete(byId(userId))),
  /** Every project, archived ones included, so a scope on an archived project is not lost on save. */
  allProjects: () => call(api.projects.$get({ query: { includeArchived: 'true' } })).then((r) => r.projects),
};

export const accountApi = {
  changePassword: (currentPassword: string, newPassword: string) => call(api.auth.password.$post({ json: { currentPassword, newPassword } })),
};
