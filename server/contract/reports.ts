// Request shapes of the report: which two waves the headline compares.
import { z } from 'zod';

const waveId = z.coerce.number().int().positive();

export const reportQuery = z.strictObject({
  /** The earlier wave of the headline comparison (a shown wave of the project). */
  from: waveId.optional(),
  /** The later wave. */
  to: waveId.optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;
