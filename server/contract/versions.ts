// The version an edit started from (optimistic concurrency, server/services/versioned.ts). Required in the body
// of every edit of a versioned entity: a stale one answers 409 stale_version, a missing one 400. Only the body
// carries it (no If-Match): one place, validated and typed like every other field, and in the OpenAPI document.
import { z } from 'zod';

export const version = z.number({ error: 'Send the version you started editing from' }).int().min(1).max(2_147_483_647);

/** The body of an action whose only input is the version (archive, restore). */
export const versionBody = z.strictObject({ version });
export type VersionInput = z.infer<typeof versionBody>;
