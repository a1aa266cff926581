// One-time account links an admin copies to a person (no mail server needed): an invitation to choose a first
// password (valid 7 days) or a password reset (valid 24 hours). The link carries 32 random bytes; only their
// SHA-256 is stored, so a database leak opens no account. A link works once; a new link of the same purpose for
// the same account deletes the older ones, so only the latest one handed out works.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { transaction, type Db, type DbLike } from '../../db/client';
import { accountTokens, users, type accountTokenPurposes } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import type { Clock } from './clock';
import { DomainError, notFound } from './errors';

export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

export const TOKEN_LIFETIME_HOURS: Record<AccountTokenPurpose, number> = { invite: 7 * 24, reset: 24 };

/** Where the public page of each purpose lives in the staff app. */
const PAGE: Record<AccountTokenPurpose, string> = { invite: 'invite', reset: 'reset' };

export interface AccountLink {
  purpose: AccountTokenPurpose;
  /** The whole link to hand over, e.g. https://gevinstspor.kommune.dk/invite/…; shown once, never stored. */
  url: string;
  expiresAt: string;
}

const sqlIsNull = () => isNull(accountTokens.usedAt);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Issues a new link for the account, replacing older ones of the same purpose. Call inside the caller's transaction. */
export async function issueAccountLink(db: DbLike, userId: number, purpose: AccountTokenPurpose, publicUrl: string, clock: Clock): Promise<AccountLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(clock.now().getTime() + TOKEN_LIFETIME_HOURS[purpose] * 3600_000).toISOString();
  await db.delete(accountTokens).where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)));
  await db.insert(accountTokens).values({ userId, purpose, tokenHash: sha256(token), expiresAt, createdAt: clock.now().toISOString() });
  return { purpose, url: `${publicUrl.replace(/\/$/, '')}/${PAGE[purpose]}/${token}`, expiresAt };
}

const invalidLink = () => new DomainError('not_found', 'link_invalid', 'This link is not valid; it may have been replaced by a newer one. Ask the secretariat for a new link');

/** The live token of this purpose, or a clear refusal: unknown or replaced (404), used or expired (410), disabled account (410). */
async function liveToken(db: DbLike, token: string, purpose: AccountTokenPurpose, clock: Clock) {
  const [row] = await db
    .select({ id: accountTokens.id, userId: accountTokens.userId, purpose: accountTokens.purpose, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt, email: users.email, name: users.name, disabledAt: users.disabledAt })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, sha256(token)))
    .limit(1);
  // A reset link opened on the invitation page (or the reverse) is not that page's link.
  if (!row || row.purpose !== purpose) throw invalidLink();
  if (row.usedAt) throw new DomainError('gone', 'link_used', 'This link has already been used; log in, or ask the secretariat for a new link');
  if (row.expiresAt <= clock.now().toISOString()) throw new DomainError('gone', 'link_expired', 'This link has expired; ask the secretariat for a new link');
  if (row.disabledAt) throw new DomainError('gone', 'account_disabled', 'This account has been disabled; ask the secretariat');
  return row;
}

/** What the public page shows before the person chooses a password: whose account and until when. */
export async function describeAccountLink(db: DbLike, token: string, purpose: AccountTokenPurpose, clock: Clock) {
  const row = await liveToken(db, token, purpose, clock);
  return { purpose: row.purpose, email: row.email, name: row.name, expiresAt: row.expiresAt };
}

/**
 * Sets the chosen password through a live link and uses the link up. Any temporary password and every other
 * session of the account end. Returns the account's id, for the caller to open a session.
 */
export async function useAccountLink(db: Db, token: string, purpose: AccountTokenPurpose, password: string, clock: Clock): Promise<number> {
  await liveToken(db, token, purpose, clock);
  const passwordHash = await hashPassword(password);
  return transaction(db, async (tx) => {
    // Used in one conditional update, so two tabs submitting the same link cannot both succeed.
    const [claimed] = await tx
      .update(accountTokens)
      .set({ usedAt: clock.now().toISOString() })
      .where(and(eq(accountTokens.tokenHash, sha256(token)), eq(accountTokens.purpose, purpose), sqlIsNull()))
      .returning({ userId: accountTokens.userId });
    if (!claimed) {
      await liveToken(tx, token, purpose, clock);
      throw invalidLink();
    }
    const [user] = await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, claimed.userId)).returning({ id: users.id });
    if (!user) throw notFound('User');
    await endUserSessions(tx, claimed.userId);
    // Other live links of the account (an invitation when a reset was used) have served their purpose.
    await tx.delete(accountTokens).where(and(eq(accountTokens.userId, claimed.userId), sqlIsNull()));
    return claimed.userId;
  });
}
