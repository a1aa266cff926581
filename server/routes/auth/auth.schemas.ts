// Input shapes of /api/auth: logging in and changing one's own password.
import { z } from 'zod';
import { newPasswordSchema } from '../users/users.schemas';

export const loginBody = z.object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof loginBody>;

export const passwordBody = z.strictObject({ currentPassword: z.string().min(1, 'Required').max(200), newPassword: newPasswordSchema });
export type PasswordBody = z.infer<typeof passwordBody>;
