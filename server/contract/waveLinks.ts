// Request shapes of a wave's staff links beyond the wave itself: the short code typed at <publicUrl>/k, and the
// admin actions on one link (revoke, replace, QR code).
//
// Contract with the answer page (/k and /k/<code>):
//   GET /api/k/:code  (public, rate-limited)  → 200 { token: string }  — then open /s/<token> as usual
//                                              → 404 code_unknown, 410 link_revoked, 400 invalid_input, 429
// The code may be typed in lower case, with spaces or dashes ("k7qm 4txh", "K7QM-4TXH").
import { z } from 'zod';

/** No 0/O, 1/I/L: a code read off a poster on the wall cannot be mistyped between look-alikes. */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SHORT_CODE_LENGTH = 8;

/** The stored form (K7QM4TXH) of what someone typed, or null if it cannot be a code. */
export function normaliseShortCode(typed: string): string | null {
  const code = typed.replace(/[\s-]+/g, '').toUpperCase();
  if (code.length !== SHORT_CODE_LENGTH) return null;
  for (const ch of code) if (!SHORT_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** As printed: K7QM-4TXH (two groups of four are easier to read out and type). */
export const formatShortCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export const shortCodeParam = z.strictObject({
  code: z
    .string()
    .max(40)
    .refine((s) => normaliseShortCode(s) !== null, 'Not a code: 8 letters and digits, e.g. K7QM-4TXH'),
});
export type ShortCodeParam = z.infer<typeof shortCodeParam>;

/** The answer of GET /api/k/:code. */
export const shortCodeAnswer = z.object({ token: z.string() });
export type ShortCodeAnswer = z.infer<typeof shortCodeAnswer>;
