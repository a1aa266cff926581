// What a sign-in through the identity provider must remember between /start and /callback (state, nonce and
// the PKCE verifier), kept in a short-lived cookie in the user's own browser, encrypted and authenticated with
// AES-256-GCM. The key is one random row in the settings table, made on first use, so every instance over the same
// database (and only that municipality's) can read the cookie, and nothing needs a new secret in the environment.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { settings } from '../../db/schema';

export const OIDC_STATE_COOKIE = 'gs_oidc';
/** Long enough to sign in with MFA at the provider, short enough that a stale cookie is useless. */
export const OIDC_STATE_MINUTES = 10;

const KEY_SETTING = 'oidc.stateKey';
const keys = new WeakMap<Db, Promise<Buffer>>();

async function loadKey(db: Db): Promise<Buffer> {
  // DO NOTHING keeps the first instance's key when two make one at once; both then read the stored one.
  await db.insert(settings).values({ key: KEY_SETTING, value: randomBytes(32).toString('base64') }).onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY_SETTING)).limit(1);
  if (!row) throw new Error('The OIDC state key could not be stored');
  return Buffer.from(row.value, 'base64');
}

function stateKey(db: Db): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = loadKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}

const pendingSchema = z.strictObject({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  /** Epoch milliseconds after which the cookie is refused. */
  expires: z.number(),
});
export type PendingSignIn = z.infer<typeof pendingSchema>;

export async function sealPending(db: Db, pending: PendingSignIn): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await stateKey(db), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The pending sign-in in the cookie, or undefined when it is missing, forged, altered or expired. */
export async function openPending(db: Db, sealed: string | undefined, now: Date): Promise<PendingSignIn | undefined> {
  if (!sealed || sealed.length > 2000) return undefined;
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < 12 + 16 + 1) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', await stateKey(db), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const pending = pendingSchema.safeParse(JSON.parse(text));
    return pending.success && pending.data.expires > now.getTime() ? pending.data : undefined;
  } catch {
    return undefined;
  }
}
