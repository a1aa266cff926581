// Server-side sessions in the database (not process memory) so several app instances can share them.
// The cookie holds a random id; only its SHA-256 is stored, so a database leak gives no live session.
// A session ends at its absolute expiry (SESSION_HOURS after login), after IDLE_MINUTES without a request, when
// its account is disabled or deleted, and on "log out everywhere". createSession is also what other sign-in
// methods (OpenID Connect) call once they know who the user is.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { projectEditors, sessions, users } from '../../db/schema';
import type { Clock } from '../services/clock';
import { DomainError } from '../services/errors';
import { dummyHash, hashParams, hashPassword, needsRehash, verifyPassword } from './password';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'manager';
  locale: 'da' | 'en';
  /** A temporary password is in use: only /auth/me, /auth/password and logging out are allowed until it is changed. */
  mustChangePassword: boolean;
  /** The projects this account edits as their lead (role editor); empty for other roles. */
  ledProjectIds: number[];
}

export interface SessionTimes {
  /** Absolute lifetime: the session ends this long after login, however active it is. */
  hours: number;
  /** Idle lifetime: the session ends after this long without a request. */
  idleMinutes: number;
}

/** last_seen_at is refreshed at most this often, so an active session does not cost a write per request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Opens a session for an account whose identity has been checked (password, one-time link, identity provider). */
export async function createSession(db: DbLike, userId: number, hours: number, clock: Clock): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
  await db.insert(sessions).values({ idHash: sha256(token), userId, expiresAt, lastSeenAt: now.toISOString(), createdAt: now.toISOString() });
  return { token, expiresAt };
}

async function ledProjectIds(db: DbLike, userId: number, role: SessionUser['role']): Promise<number[]> {
  if (role !== 'editor') return [];
  return (await db.select({ projectId: projectEditors.projectId }).from(projectEditors).where(eq(projectEditors.userId, userId))).map((r) => r.projectId).sort((a, b) => a - b);
}

/** The account of a live session, or undefined (unknown, expired, idle too long, or the account is disabled). */
export async function findSessionUser(db: Db, token: string, clock: Clock, idleMinutes = Infinity): Promise<SessionUser | undefined> {
  const now = clock.now();
  const idHash = sha256(token);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now.toISOString()), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return undefined;
  const lastSeen = Date.parse(row.lastSeenAt ?? row.createdAt);
  if (now.getTime() - lastSeen >= idleMinutes * 60_000) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return undefined;
  }
  if (now.getTime() - lastSeen >= LAST_SEEN_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.idHash, idHash));
  }
  const { lastSeenAt: _l, createdAt: _c, ...user } = row;
  return { ...user, ledProjectIds: await ledProjectIds(db, user.id, user.role) };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(token)));
}

/** Ends every session of a user (a reset password, a disabled account, "log out everywhere"), or all but the one in use. Returns how many ended. */
export async function endUserSessions(db: DbLike, userId: number, options: { keepToken?: string } = {}): Promise<number> {
  const keep = options.keepToken ? sha256(options.keepToken) : undefined;
  const ended = await db
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.idHash, keep)) : eq(sessions.userId, userId))
    .returning({ idHash: sessions.idHash });
  return ended.length;
}

/**
 * The hash a login checks the password against. Unknown e-mails, accounts without a usable password and disabled
 * accounts all go through the same Argon2id check with the same parameters, so the answer's timing does not tell
 * them apart from a wrong password.
 */
export async function hashToCheck(user: { passwordHash: string } | undefined): Promise<string> {
  return user && hashParams(user.passwordHash) ? user.passwordHash : dummyHash();
}

/**
 * Checks e-mail and password and opens a session. Unknown e-mail, wrong password and an account without a password
 * get the same answer after the same work (one Argon2id check, no writes), so accounts cannot be probed. Only a
 * right password learns that its account is disabled.
 */
export async function logIn(db: Db, email: string, password: string, times: SessionTimes | number, clock: Clock) {
  const hours = typeof times === 'number' ? times : times.hours;
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const matches = await verifyPassword(await hashToCheck(user), password);
  if (!user || !matches) throw new DomainError('unauthenticated', 'invalid_credentials', 'Wrong e-mail or password');
  if (user.disabledAt) throw new DomainError('forbidden', 'account_disabled', 'This account has been disabled; ask the secretariat');
  // A hash made with older parameters is replaced now that the password is known (see password.ts).
  if (needsRehash(user.passwordHash)) {
    const fresh = await hashPassword(password);
    await db.update(users).set({ passwordHash: fresh }).where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
  }
  const session = await createSession(db, user.id, hours, clock);
  return { user: await sessionUserOf(db, user.id), session };
}

/** The session view of an account (after a login by any method). */
export async function sessionUserOf(db: DbLike, userId: number): Promise<SessionUser> {
  const [u] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!u) throw new DomainError('unauthenticated', 'invalid_credentials', 'Wrong e-mail or password');
  return { ...u, ledProjectIds: await ledProjectIds(db, u.id, u.role) };
}
