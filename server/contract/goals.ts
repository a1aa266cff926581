// Request shapes of goals (mål): a new goal, and a change to one.
import { z } from 'zod';
import { somethingToChange, title } from './common';
import { version } from './versions';

export const goalBody = z.strictObject({ title, sortOrder: z.number().int().min(0).max(10000).optional() });
export type GoalInput = z.infer<typeof goalBody>;

export const goalPatchBody = somethingToChange(goalBody.partial().extend({ version }));
export type GoalPatch = z.infer<typeof goalPatchBody>;
