// Request shapes of a project's survey: the preview's phase, the secretariat's spec, and a new stored version.
import { z } from 'zod';
import { surveySpecSchema } from '../../surveys';
import { phase } from './common';
import { version } from './versions';

export const previewQuery = z.object({ phase: phase.default('baseline') });
export type PreviewQuery = z.infer<typeof previewQuery>;

/** null clears the spec: the survey goes back to the generator's defaults. */
/** version: the surveySpecVersion the editor loaded (GET …/survey/spec). */
export const specBody = z.strictObject({ spec: surveySpecSchema.nullable(), version });
export type SpecInput = z.infer<typeof specBody>;

export const newVersionBody = z.strictObject({ phase });
export type NewVersionInput = z.infer<typeof newVersionBody>;
