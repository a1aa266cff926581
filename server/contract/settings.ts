// Request shape of the municipality's settings (one database is one municipality): its name and logo, printed on
// the posters. The logo's type, size and bytes are checked in server/services/settings.ts.
import { z } from 'zod';
import { singleLine } from './common';

/** A logo of at most this many bytes (as a file): plenty for a crisp print, small enough for every poster page. */
export const MAX_LOGO_BYTES = 200 * 1024;

export const settingsBody = z.strictObject({
  /** Left out: unchanged; "" clears it. */
  municipalityName: singleLine(200).optional(),
  /** A data: URL of a PNG or JPEG (e.g. "data:image/png;base64,…"); null removes the logo, left out keeps it. */
  logo: z.string().max(Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 100, 'The logo is too large').nullable().optional(),
});
export type SettingsInput = z.infer<typeof settingsBody>;
