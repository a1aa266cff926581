// Request shapes of waves (målinger): a new wave, a change to one, and a change to one of its per-unit links.
import { z } from 'zod';
import { ids, isoDay, phase, title } from './common';

export const waveBody = z.strictObject({
  name: title,
  phase,
  /** Left out: every active unit the project is rolled out to. */
  unitIds: ids.min(1).optional(),
  opensOn: isoDay.nullable().optional(),
  closesOn: isoDay.nullable().optional(),
});
export type WaveInput = z.infer<typeof waveBody>;

export const wavePatchBody = z.strictObject({ name: title.optional(), liveResults: z.boolean().optional(), closesOn: isoDay.nullable().optional() });
export type WavePatch = z.infer<typeof wavePatchBody>;

export const linkPatchBody = z.strictObject({ ineligible: z.number().int().min(0).max(100000).optional(), headcountAtOpen: z.number().int().min(0).max(100000).optional() });
export type LinkPatch = z.infer<typeof linkPatchBody>;
