// Request shapes of benefits (gevinster): a new benefit, and a change to one. Its KPI measurements: ./measurements.
import { z } from 'zod';
import { benefitDirections, benefitTypes } from '../../db/schema';
import { ids, isoDay, kpiValue, longText, shortText, singleLine, somethingToChange, title } from './common';
import { version } from './versions';

export const benefitBody = z.strictObject({
  title,
  /** English title, shown in the English survey's effect questions; empty = the Danish title. */
  titleEn: shortText.optional(),
  direction: z.enum(benefitDirections).optional(),
  type: z.enum(benefitTypes).optional(),
  owner: shortText.optional(),
  ownerUnitId: z.number().int().positive().nullable().optional(),
  /** The owner's account, who sets the benefit's status (an active account that can read the project); null clears it. */
  ownerUserId: z.number().int().positive().nullable().optional(),
  measure: shortText.optional(),
  measureUnit: singleLine(50).optional(),
  dataSource: longText.optional(),
  baselineValue: kpiValue.nullable().optional(),
  baselineDate: isoDay.nullable().optional(),
  targetValue: kpiValue.nullable().optional(),
  targetDate: isoDay.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  goalIds: ids.optional(),
  behaviourIds: ids.optional(),
});
export type BenefitInput = z.infer<typeof benefitBody>;

export const benefitPatchBody = somethingToChange(benefitBody.partial().extend({ version }));
export type BenefitPatch = z.infer<typeof benefitPatchBody>;
