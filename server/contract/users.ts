// Request shapes of /api/users (the secretariat's account management), and the password rules shared with /api/auth.
import { z } from 'zod';
import { locales, userRoles } from '../../db/schema';
import { ids } from './common';

export const MIN_PASSWORD_LENGTH = 10;

export const emailSchema = z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(200);
/** A password someone chooses: at least 10 characters (spaces and any letters allowed), at most 200. */
export const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200);
const userName = z.string().trim().min(1, 'Required').max(200);
const role = z.enum(userRoles);

export const newUserBody = z.strictObject({
  email: emailSchema,
  name: userName,
  role,
  /** Left out: a temporary password is generated and returned once. */
  password: newPasswordSchema.optional(),
});
export type NewUserInput = z.infer<typeof newUserBody>;

export const userPatchBody = z.strictObject({ name: userName.optional(), role: role.optional(), locale: z.enum(locales).optional() });
export type UserPatch = z.infer<typeof userPatchBody>;

/** What a manager may see: these units (each with its subtree) and these projects, replacing what was there. */
export const scopesBody = z.strictObject({ unitIds: ids, projectIds: ids });
export type ScopeInput = z.infer<typeof scopesBody>;
