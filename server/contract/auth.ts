// Request shapes of /api/auth: logging in and changing one's own password.
import { z } from 'zod';
import { newPasswordSchema } from './users';

export const loginBody = z.strictObject({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof loginBody>;

export const passwordBody = z.strictObject({ currentPassword: z.string().min(1, 'Required').max(200), newPassword: newPasswordSchema });
export type PasswordChange = z.infer<typeof passwordBody>;
