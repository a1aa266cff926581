// Request shapes of the organisation register (/api/units) and of its HR/org CSV import.
import { z } from 'zod';
import { unitKinds } from '../../db/schema';
import { isoDay, shortText, somethingToChange, title } from './common';
import { version } from './versions';

export const unitBody = z.strictObject({
  name: title,
  /** The name English-speaking staff see on the answer page, posters and reminders; empty = the Danish name. */
  nameEn: shortText.optional(),
  kind: z.enum(unitKinds).optional(),
  parentId: z.number().int().positive().nullable().optional(),
  headcount: z.number().int('Headcount must be a whole number').min(0, 'Headcount cannot be negative').max(100000).optional(),
  headcountDate: isoDay.nullable().optional(),
  externalId: shortText.nullable().optional(),
});
export type UnitInput = z.infer<typeof unitBody>;

export const unitPatchBody = somethingToChange(unitBody.partial().extend({ version }));
export type UnitPatch = z.infer<typeof unitPatchBody>;

export const unitListQuery = z.object({ includeRetired: z.enum(['true', 'false']).default('true') });
export type UnitListQuery = z.infer<typeof unitListQuery>;

export const retireBody = z.strictObject({ withDescendants: z.boolean().optional(), version });
export type RetireOptions = z.infer<typeof retireBody>;

/** Import options: in the JSON body, or in the query when the file is the raw body. */
export const importOptions = z.object({
  /** Reference date for the headcounts in the file, used where a row has no date column of its own. */
  headcountDate: isoDay.nullable().optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

export const importJsonBody = z.strictObject({ ...importOptions.shape, csv: z.string().min(1, 'Choose a file') });
export type ImportJsonInput = z.infer<typeof importJsonBody>;
