// Request shapes of the optional pairing code: switching it on or off, destroying its key, and the paired view.
import { z } from 'zod';

export const pairingBody = z.strictObject({
  /** On: the next survey version asks the pairing questions. Off: the next version does not. */
  enabled: z.boolean(),
});
export type PairingInput = z.infer<typeof pairingBody>;

/** Destroying the key cannot be undone, so the request must say so. */
export const destroyPairingBody = z.strictObject({ confirm: z.literal(true) });

const waveId = z.coerce.number().int().positive();

export const pairedQuery = z.strictObject({
  /** The earlier closed wave; default: the first closed baseline. */
  from: waveId.optional(),
  /** The later closed wave; default: the latest closed follow-up after it. */
  to: waveId.optional(),
});
export type PairedQuery = z.infer<typeof pairedQuery>;
