// Request shapes of the shared picture (fælles billede): which sections the secretariat shows, and its share links
// (project-wide, or for one unit so that the unit's own agreed descriptions appear).
import { z } from 'zod';

/** The sections of the shared picture, in the order the page shows them. */
export const sharedPictureSections = ['purpose', 'behaviours', 'benefits', 'drawbacks', 'timeline', 'unitDescriptions', 'results'] as const;
export type SharedPictureSection = (typeof sharedPictureSections)[number];
export type SharedPictureChoice = Record<SharedPictureSection, boolean>;

/** What a project without a choice shows (projects.shared_picture is null): everything the secretariat wrote into
 *  the project, and no results — those (the project's adoption in its latest closed wave, as the report publishes
 *  it) appear only when the secretariat switches them on. */
export const defaultSharedPicture: SharedPictureChoice = { purpose: true, behaviours: true, benefits: true, drawbacks: true, timeline: true, unitDescriptions: true, results: false };

/** The stored JSON read tolerantly: a section it does not name takes its default, an unknown key is ignored. */
export function sharedPictureOf(stored: Record<string, boolean> | null | undefined): SharedPictureChoice {
  const out = { ...defaultSharedPicture };
  for (const s of sharedPictureSections) if (typeof stored?.[s] === 'boolean') out[s] = stored[s];
  return out;
}

/** PUT body: every section named, on or off (an unknown section is an error, not silently dropped). */
export const sharedPictureBody = z.strictObject({
  sections: z.strictObject(Object.fromEntries(sharedPictureSections.map((s) => [s, z.boolean()])) as Record<SharedPictureSection, z.ZodBoolean>),
});
export type SharedPictureInput = z.infer<typeof sharedPictureBody>;

/** POST body: a link for the whole project (no unitId / null) or for one of its units. */
export const shareLinkBody = z.strictObject({ unitId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable().optional() });
export type ShareLinkInput = z.infer<typeof shareLinkBody>;

/** A share link's token: random base64url, as the staff links'. */
export const shareTokenParam = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'Not a share link') });
