// The municipality's settings: name and logo for the posters, set by an admin and stored as key → value rows.
// A logo is only a PNG or JPEG checked by its first bytes, never SVG: an SVG can carry script, and a poster shows
// the logo inside the staff app.
import { eq, inArray } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { settings } from '../../db/schema';
import { MAX_LOGO_BYTES, type SettingsInput } from '../contract/settings';
import { invalid } from './errors';

const KEYS = { name: 'municipality_name', logo: 'municipality_logo' } as const;

export interface MunicipalitySettings {
  municipalityName: string;
  /** data:image/png;base64,… or data:image/jpeg;base64,…, or null. */
  logo: string | null;
}

export async function getSettings(db: DbLike): Promise<MunicipalitySettings> {
  const rows = await db.select().from(settings).where(inArray(settings.key, Object.values(KEYS)));
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return { municipalityName: value(KEYS.name) ?? '', logo: value(KEYS.logo) ?? null };
}

/** The file's first bytes decide, not the type it claims: PNG's signature, or JPEG's start of image. */
const SIGNATURES = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
} as const;

const logoProblem = (code: string, message: string) => invalid(code, message, [{ path: 'logo', code, message }]);

/** Refuses anything but a PNG or JPEG data: URL of at most MAX_LOGO_BYTES whose bytes are what it says. */
export function checkLogo(dataUrl: string): string {
  const m = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/i.exec(dataUrl.trim());
  if (!m) throw logoProblem('logo_not_data_url', 'The logo must be a PNG or JPEG image as a data: URL (base64)');
  const type = m[1].toLowerCase();
  if (!(type in SIGNATURES)) throw logoProblem('logo_type', 'The logo must be a PNG or JPEG image (SVG and other types are not accepted)');
  const bytes = Buffer.from(m[2], 'base64');
  if (bytes.length > MAX_LOGO_BYTES) throw logoProblem('logo_too_large', `The logo may be at most ${Math.round(MAX_LOGO_BYTES / 1024)} KB`);
  const signature = SIGNATURES[type as keyof typeof SIGNATURES];
  if (bytes.length <= signature.length || signature.some((b, i) => bytes[i] !== b)) {
    throw logoProblem('logo_not_image', 'The file is not the PNG or JPEG image it claims to be');
  }
  // Stored in one canonical form (lower-case type, no whitespace), re-encoded from the checked bytes.
  return `data:${type};base64,${bytes.toString('base64')}`;
}

/** Everything is checked before anything is stored; the two keys change together. */
export async function saveSettings(db: Db, input: SettingsInput): Promise<MunicipalitySettings> {
  const logo = input.logo ? checkLogo(input.logo) : input.logo;
  await transaction(db, async (tx) => {
    const put = async (key: string, value: string | null | undefined) => {
      if (value === undefined) return;
      if (value === null || value === '') await tx.delete(settings).where(eq(settings.key, key));
      else await tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    };
    await put(KEYS.name, input.municipalityName);
    await put(KEYS.logo, logo);
  });
  return getSettings(db);
}
