// Input shapes shared by several resources. Texts are trimmed; dates are calendar days (YYYY-MM-DD).
import { z } from 'zod';

export const title = z.string().trim().min(1, 'Required').max(300);
export const longText = z.string().trim().max(5000);
export const shortText = z.string().trim().max(300);
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real date');
export const ids = z.array(z.number().int().positive()).max(500);
export const phase = z.enum(['baseline', 'followup']);
