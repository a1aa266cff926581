// Input shapes of goals (mål).
import { z } from 'zod';
import { title } from '../common.schemas';

export const goalBody = z.object({ title, sortOrder: z.number().int().min(0).max(10000).optional() });
export type GoalBody = z.infer<typeof goalBody>;

export const goalPatchBody = goalBody.partial();
export type GoalPatchBody = z.infer<typeof goalPatchBody>;
