// Typed calls for account management (/api/users, admins only) and for changing one's own password.
// Errors become the shared ApiError (code, message, details[] with field paths), exactly as in ../../api.
import { request, type ProjectSummary } from '../../api';
import type { UserLocale, UserRole, UserView } from '../../../server/services/users';

export type { UserLocale, UserRole };
export type ManagedUser = UserView;

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  password?: string;
}

export const usersApi = {
  list: () => request<{ users: ManagedUser[] }>('GET', '/users').then((r) => r.users),
  /** The temporary password is in the answer only this once. */
  create: (input: NewUser) => request<{ user: ManagedUser; temporaryPassword?: string }>('POST', '/users', input),
  update: (id: number, patch: { name?: string; role?: UserRole; locale?: UserLocale }) => request<{ user: ManagedUser }>('PATCH', `/users/${id}`, patch).then((r) => r.user),
  setScopes: (id: number, scopes: { unitIds: number[]; projectIds: number[] }) => request<{ user: ManagedUser }>('PUT', `/users/${id}/scopes`, scopes).then((r) => r.user),
  resetPassword: (id: number) => request<{ temporaryPassword: string }>('POST', `/users/${id}/reset-password`, {}).then((r) => r.temporaryPassword),
  remove: (id: number) => request<{ deleted: true }>('DELETE', `/users/${id}`),
  /** Every project, archived ones included, so a scope on an archived project is not lost on save. */
  allProjects: () => request<{ projects: ProjectSummary[] }>('GET', '/projects?includeArchived=true').then((r) => r.projects),
};

export const accountApi = {
  changePassword: (currentPassword: string, newPassword: string) => request<{ ok: true }>('POST', '/auth/password', { currentPassword, newPassword }),
};
