// Request shapes of a benefit's KPI measurements: a new measurement, and a change to one.
import { z } from 'zod';
import { isoDay, kpiValue, longText } from './common';

export const measurementBody = z.strictObject({ value: kpiValue, measuredOn: isoDay, note: longText.optional() });
export type MeasurementInput = z.infer<typeof measurementBody>;

export const measurementPatchBody = measurementBody.partial();
export type MeasurementPatch = z.infer<typeof measurementPatchBody>;
