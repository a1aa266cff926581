// Input shapes of waves (målinger) and of their per-unit links.
import { z } from 'zod';
import { ids, isoDay, phase, title } from '../common.schemas';

export const waveBody = z.object({
  name: title,
  phase,
  unitIds: ids.min(1).optional(),
  opensOn: isoDay.nullable().optional(),
  closesOn: isoDay.nullable().optional(),
});
export type WaveBody = z.infer<typeof waveBody>;

export const wavePatchBody = z.object({ name: title.optional(), liveResults: z.boolean().optional(), closesOn: isoDay.nullable().optional() });
export type WavePatchBody = z.infer<typeof wavePatchBody>;

export const linkPatchBody = z.object({ ineligible: z.number().int().min(0).max(100000).optional(), headcountAtOpen: z.number().int().min(0).max(100000).optional() });
export type LinkPatchBody = z.infer<typeof linkPatchBody>;
