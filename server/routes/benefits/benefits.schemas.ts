// Input shapes of benefits (gevinster) and of their KPI measurements.
import { z } from 'zod';
import { benefitTypes } from '../../../db/schema';
import { ids, isoDay, longText, shortText, title } from '../common.schemas';

export const kpiValue = z.number().min(-1e12).max(1e12);

export const benefitBody = z.object({
  title,
  direction: z.enum(['positive', 'negative']).optional(),
  type: z.enum(benefitTypes).optional(),
  owner: shortText.optional(),
  ownerUnitId: z.number().int().positive().nullable().optional(),
  measure: shortText.optional(),
  measureUnit: z.string().trim().max(50).optional(),
  dataSource: longText.optional(),
  baselineValue: kpiValue.nullable().optional(),
  baselineDate: isoDay.nullable().optional(),
  targetValue: kpiValue.nullable().optional(),
  targetDate: isoDay.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  goalIds: ids.optional(),
  behaviourIds: ids.optional(),
});
export type BenefitBody = z.infer<typeof benefitBody>;

export const benefitPatchBody = benefitBody.partial();
export type BenefitPatchBody = z.infer<typeof benefitPatchBody>;

export const measurementBody = z.object({ value: kpiValue, measuredOn: isoDay, note: longText.optional() });
export type MeasurementBody = z.infer<typeof measurementBody>;

export const measurementPatchBody = measurementBody.partial();
export type MeasurementPatchBody = z.infer<typeof measurementPatchBody>;
