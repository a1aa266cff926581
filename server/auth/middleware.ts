// Authentication and role checks. Every decision about who may see what is made here, in projectAccess.ts or in
// services; routes declare which of these checks apply through access() (server/http/access.ts).
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { findSessionUser, type SessionUser } from './sessions';

export const SESSION_COOKIE = 'gs_session';

/** What a session with a temporary password may still call: who am I, change the password, log out. */
const WHILE_PASSWORD_CHANGE_REQUIRED = ['/api/auth/me', '/api/auth/password', '/api/auth/logout', '/api/auth/logout-all'];

/**
 * The logged-in user of this request, or 401 (no session, expired, idle too long, account disabled). Looked up
 * once per request even when several checks ask. While the account must change its temporary password, every
 * other route answers 403 password_change_required.
 */
export async function authenticate(c: Context<AppEnv>): Promise<SessionUser> {
  // c.get is typed as always set, but is undefined until a check has run.
  let user = c.get('user') as SessionUser | undefined;
  if (!user) {
    const token = getCookie(c, SESSION_COOKIE);
    user = token ? await findSessionUser(c.var.db, token, c.var.clock, c.var.config.idleMinutes) : undefined;
    if (!user) throw new ApiError(401, 'unauthenticated', 'Log in to continue');
    c.set('user', user);
  }
  if (user.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.includes(c.req.path)) {
    throw new ApiError(403, 'password_change_required', 'Choose a new password before continuing');
  }
  return user;
}

/** 403 unless the logged-in user is an admin (the secretariat); editors and managers alike. */
export async function assertAdmin(c: Context<AppEnv>): Promise<void> {
  if ((await authenticate(c)).role !== 'admin') throw new ApiError(403, 'forbidden', 'Only the secretariat (admin) may do this');
}

/** For app-level middleware that needs the user before the route runs (the password-change rate limit). */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  await authenticate(c);
  await next();
});
