// Request shapes of /api/auth: logging in, changing one's own password and choosing one through a one-time link.
import { z } from 'zod';
import { newPasswordSchema } from './users';

export const loginBody = z.strictObject({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof loginBody>;

export const passwordBody = z.strictObject({ currentPassword: z.string().min(1, 'Required').max(200), newPassword: newPasswordSchema });
export type PasswordChange = z.infer<typeof passwordBody>;

/** The token in /auth/invite/:token and /auth/reset/:token (32 random bytes, base64url); anything unknown answers link_invalid. */
export const accountTokenParams = z.object({ token: z.string().min(1).max(100) });

export const linkPasswordBody = z.strictObject({ password: newPasswordSchema });
export type LinkPasswordInput = z.infer<typeof linkPasswordBody>;
