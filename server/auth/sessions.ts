// Server-side sessions in the database (not process memory) so several app instances can share them.
// The cookie holds a random id; only its SHA-256 is stored, so a database leak gives no live session.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db, DbLike } from '../../db/client';
import { sessions, users } from '../../db/schema';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'manager';
  locale: 'da' | 'en';
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function createSession(db: Db, userId: number, hours: number): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000).toISOString();
  db.delete(sessions).where(lt(sessions.expiresAt, new Date().toISOString())).run();
  db.insert(sessions).values({ idHash: sha256(token), userId, expiresAt }).run();
  return { token, expiresAt };
}

export function findSessionUser(db: Db, token: string): SessionUser | undefined {
  const row = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sha256(token)), gt(sessions.expiresAt, new Date().toISOString())))
    .get();
  return row;
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.idHash, sha256(token))).run();
}

/** Ends every session of a user (a reset password, a removed account), or all but the one in use. */
export function endUserSessions(db: DbLike, userId: number, options: { keepToken?: string } = {}): void {
  const keep = options.keepToken ? sha256(options.keepToken) : undefined;
  db.delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.idHash, keep)) : eq(sessions.userId, userId))
    .run();
}
