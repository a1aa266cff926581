// Request shapes of a benefit's KPI measurements: a new measurement, and a change to one.
import { z } from 'zod';
import { isoDay, kpiValue, longText, somethingToChange } from './common';

export const measurementBody = z.strictObject({ value: kpiValue, measuredOn: isoDay, note: longText.optional() });
export type MeasurementInput = z.infer<typeof measurementBody>;

export const measurementPatchBody = somethingToChange(measurementBody.partial());
export type MeasurementPatch = z.infer<typeof measurementPatchBody>;
