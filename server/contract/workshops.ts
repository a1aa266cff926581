// Request shapes of workshops (issue 12, "sådan gør vi hos os"): a unit's leader starts one for a behaviour, staff
// join from their phones by the workshop's code (public, anonymous), write what the behaviour looks like in their
// work or what gets in the way, and vote; the leader records the unit's agreed description of the behaviour.
//
// Contract with the phone page (/w/<code>):
//   GET  /api/w/:token                                 → 200 { workshop, room }; 404 workshop_unknown
//   POST /api/w/:token/suggestions { kind, text }      → 201 { suggestion: { id } }; 410 workshop_closed
//   POST /api/w/:token/suggestions/:suggestionId/vote { voterId } → 200 { counted, votes }
// The code is the 8-character short code of the QR code and the short address, typed in any case with spaces or dashes.
import { z } from 'zod';
import { suggestionKinds } from '../../db/schema';
import { multiLine } from './common';
import { normaliseShortCode } from './waveLinks';
import { version } from './versions';

/** What one suggestion may hold: a few sentences said at a staff meeting, not an essay. */
export const SUGGESTION_MAX = 500;
/** The unit's agreed description of a behaviour. */
export const DESCRIPTION_MAX = 2000;

export const workshopStartBody = z.strictObject({ behaviourId: z.number().int().positive() });
export type WorkshopStartInput = z.infer<typeof workshopStartBody>;

/** The workshop's code in the phone's path: /api/w/K7QM4TXH (any case, spaces and dashes allowed). */
export const workshopTokenParam = z.strictObject({
  token: z
    .string()
    .max(40)
    .refine((s) => normaliseShortCode(s) !== null, 'Not a workshop code: 8 letters and digits, e.g. K7QM-4TXH'),
});

const nonEmpty = (max: number) => multiLine(max).refine((s) => s.length > 0, { message: 'Required' });

export const suggestionBody = z.strictObject({
  kind: z.enum(suggestionKinds),
  text: nonEmpty(SUGGESTION_MAX),
});
export type SuggestionInput = z.infer<typeof suggestionBody>;

/** A random id the phone made for this workshop alone (never sent anywhere else); the server keeps only its hash. */
export const voteBody = z.strictObject({
  voterId: z
    .string()
    .min(16)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only'),
});
export type VoteInput = z.infer<typeof voteBody>;

/** PUT of a unit's agreed description: `version` is the one read (leave it out for the first description). */
export const unitDescriptionBody = z.strictObject({
  description: nonEmpty(DESCRIPTION_MAX),
  descriptionEn: multiLine(DESCRIPTION_MAX).optional(),
  /** The workshop the description came from: it is closed in the same step. */
  workshopId: z.number().int().positive().nullable().optional(),
  version: version.optional(),
});
export type UnitDescriptionInput = z.infer<typeof unitDescriptionBody>;
