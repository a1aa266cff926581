// Server-side sessions in the database (not process memory) so several app instances can share them.
// The cookie holds a random id; only its SHA-256 is stored, so a database leak gives no live session.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { type Clock, nowIso } from '../services/clock';
import { DomainError } from '../services/errors';
import { hashPassword, verifyPassword } from './password';

let dummy: Promise<string> | undefined;
/** A real Argon2id hash of a random password, made once per process. */
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'manager';
  locale: 'da' | 'en';
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(db: Db, userId: number, hours: number, clock: Clock): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
  await db.insert(sessions).values({ idHash: sha256(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function findSessionUser(db: Db, token: string, clock: Clock): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sha256(token)), gt(sessions.expiresAt, nowIso(clock))))
    .limit(1);
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(token)));
}

/** Ends every session of a user (a reset password, a removed account), or all but the one in use. */
export async function endUserSessions(db: DbLike, userId: number, options: { keepToken?: string } = {}): Promise<void> {
  const keep = options.keepToken ? sha256(options.keepToken) : undefined;
  await db.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.idHash, keep)) : eq(sessions.userId, userId));
}

/**
 * Checks e-mail and password and opens a session. Unknown e-mail and wrong password get the same answer, so
 * accounts cannot be probed.
 */
export async function logIn(db: Db, email: string, password: string, hours: number, clock: Clock) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  // An unknown e-mail costs one hash check too, so the answer's timing does not tell which accounts exist.
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !matches) throw new DomainError('unauthenticated', 'invalid_credentials', 'Wrong e-mail or password');
  const session = await createSession(db, user.id, hours, clock);
  const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
  return { user: sessionUser, session };
}
