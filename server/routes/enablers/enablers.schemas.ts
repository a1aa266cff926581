// Input shapes of enablers (leverancer).
import { z } from 'zod';
import { title } from '../common.schemas';

export const enablerBody = z.object({ title, sortOrder: z.number().int().min(0).max(10000).optional() });
export type EnablerBody = z.infer<typeof enablerBody>;

export const enablerPatchBody = enablerBody.partial();
export type EnablerPatchBody = z.infer<typeof enablerPatchBody>;
