// Request shapes of enablers (leverancer): a new enabler, and a change to one.
import { z } from 'zod';
import { somethingToChange, title } from './common';
import { version } from './versions';

export const enablerBody = z.strictObject({ title, sortOrder: z.number().int().min(0).max(10000).optional() });
export type EnablerInput = z.infer<typeof enablerBody>;

export const enablerPatchBody = somethingToChange(enablerBody.partial().extend({ version }));
export type EnablerPatch = z.infer<typeof enablerPatchBody>;
