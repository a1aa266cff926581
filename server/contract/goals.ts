// Request shapes of goals (mål): a new goal, and a change to one.
import { z } from 'zod';
import { title } from './common';

export const goalBody = z.strictObject({ title, sortOrder: z.number().int().min(0).max(10000).optional() });
export type GoalInput = z.infer<typeof goalBody>;

export const goalPatchBody = goalBody.partial();
export type GoalPatch = z.infer<typeof goalPatchBody>;
