// Request shapes of waves (målinger): a new wave, a change to one, and a change to one of its per-unit links.
// A schedule time is given either as an instant (ISO 8601 with Z or an offset) or as Copenhagen wall time
// (2027-03-01T08:00, the form the secretariat types); the service converts the latter across DST.
import { z } from 'zod';
import { ids, isoDay, phase, shortText, somethingToChange, title } from './common';
import { version } from './versions';

/** An instant: 2027-03-01T07:00:00Z or 2027-03-01T08:00+01:00. */
export const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'Use an ISO 8601 instant with Z or an offset')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Not a real time')
  .transform((s) => new Date(s).toISOString());
/** Copenhagen wall time; whether it exists (DST) is checked by the service. */
export const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use YYYY-MM-DDTHH:mm (Copenhagen time)');

const schedule = {
  opensAt: instant.nullable().optional(),
  closesAt: instant.nullable().optional(),
  opensAtLocal: localTime.nullable().optional(),
  closesAtLocal: localTime.nullable().optional(),
};

export const waveBody = z.strictObject({
  name: title,
  /** The name the English survey shows; empty = the Danish name. */
  nameEn: shortText.optional(),
  phase,
  /** Left out: every active unit the project is rolled out to (a follow-up: those live at its opening). */
  unitIds: ids.min(1).optional(),
  /** Days only (older clients): opens at the start of opensOn, closes at the end of closesOn, Copenhagen time. */
  opensOn: isoDay.nullable().optional(),
  closesOn: isoDay.nullable().optional(),
  ...schedule,
  /** A follow-up includes units not yet live at its opening (e.g. as a comparison group) instead of leaving them out. */
  includeNotLive: z.boolean().optional(),
});
export type WaveInput = z.infer<typeof waveBody>;

export const wavePatchBody = somethingToChange(z.strictObject({ name: title.optional(), nameEn: shortText.optional(), liveResults: z.boolean().optional(), closesOn: isoDay.nullable().optional(), ...schedule, version }));
export type WavePatch = z.infer<typeof wavePatchBody>;

export const linkPatchBody = somethingToChange(z.strictObject({ ineligible: z.number().int().min(0).max(100000).optional(), headcountAtOpen: z.number().int().min(0).max(100000).optional() }));
export type LinkPatch = z.infer<typeof linkPatchBody>;

export const reminderQuery = z.strictObject({ locale: z.enum(['da', 'en']).optional() });
