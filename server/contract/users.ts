// Request shapes of /api/users (the secretariat's account management), and the password rules shared with /api/auth.
import { z } from 'zod';
import { locales, userRoles } from '../../db/schema';
import { ids, requiredName, somethingToChange } from './common';
import { version } from './versions';

export const MIN_PASSWORD_LENGTH = 10;

export const emailSchema = z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(200);
/** A password someone chooses: at least 10 characters (spaces and any letters allowed), at most 200. */
export const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200);
const userName = requiredName(200);
const role = z.enum(userRoles);

export const newUserBody = z.strictObject({
  email: emailSchema,
  name: userName,
  role,
  /** A password the admin chose, kept as it is. Left out: see `setup`. */
  password: newPasswordSchema.optional(),
  /** Without a password: an invitation link (the default, valid 7 days) or a temporary password to change at first login; either is returned once. */
  setup: z.enum(['invite', 'temporaryPassword']).optional(),
});
export type NewUserInput = z.infer<typeof newUserBody>;

export const userPatchBody = somethingToChange(z.strictObject({ name: userName.optional(), role: role.optional(), locale: z.enum(locales).optional(), version }));
export type UserPatch = z.infer<typeof userPatchBody>;

/** What a manager may see: these units (each with its subtree) and these projects, replacing what was there. */
export const scopesBody = z.strictObject({
  unitIds: ids,
  projectIds: ids,
  /** The projects an editor leads (edits), replacing what was there; left out = unchanged. */
  ledProjectIds: ids.optional(),
});
export type ScopeInput = z.infer<typeof scopesBody>;

/** A password reset: a one-time link (the default, valid 24 hours) or a temporary password to change at the next login. */
export const resetBody = z.strictObject({ method: z.enum(['link', 'temporaryPassword']).optional() });
export type ResetInput = z.infer<typeof resetBody>;
