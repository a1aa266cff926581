// Input shapes of a project's survey: the preview's phase, the secretariat's spec, and a new stored version.
import { z } from 'zod';
import { surveySpecSchema } from '../../../surveys';
import { phase } from '../common.schemas';

export const previewQuery = z.object({ phase: phase.default('baseline') });
export type PreviewQuery = z.infer<typeof previewQuery>;

export const specBody = z.object({ spec: surveySpecSchema.nullable() });
export type SpecBody = z.infer<typeof specBody>;

export const newVersionBody = z.object({ phase });
export type NewVersionBody = z.infer<typeof newVersionBody>;
