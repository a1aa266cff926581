// server/contract/ is the one place request shapes are defined: each module holds a resource's zod schemas and
// their inferred types. Routes validate with the schemas, services take the inferred types (import type), and the
// client gets them through hc<App>. Enum lists come from db/schema.ts, so a request cannot name a value the table lacks.
//
// This module: input shapes shared by several resources. Texts are trimmed; dates are calendar days (YYYY-MM-DD).
import { z } from 'zod';
import { surveyPhases } from '../../db/schema';

export const title = z.string().trim().min(1, 'Required').max(300);
export const longText = z.string().trim().max(5000);
export const shortText = z.string().trim().max(300);
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real date');
export const ids = z.array(z.number().int().positive()).max(500);
export const phase = z.enum(surveyPhases);
/** A KPI value: a benefit's baseline and target, and each measurement of it. */
export const kpiValue = z.number().min(-1e12).max(1e12);
