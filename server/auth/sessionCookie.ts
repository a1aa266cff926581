// Setting and clearing the session cookie. Every way of signing in (password, one-time link, the identity provider
// through OpenID Connect) ends in startSession once it knows the account.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/env';
import { SESSION_COOKIE } from './middleware';
import { createSession, sessionUserOf, type SessionUser } from './sessions';

/** Sets the HttpOnly, SameSite=Lax cookie of a session made elsewhere (logIn). */
export function setSessionCookie(c: Context<AppEnv>, session: { token: string; expiresAt: string }): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.config.secureCookies,
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

/** Opens a session for an account whose identity has been checked, sets its cookie and returns the session's user. */
export async function startSession(c: Context<AppEnv>, userId: number): Promise<SessionUser> {
  const session = await createSession(c.var.db, userId, c.var.config.sessionHours, c.var.clock);
  setSessionCookie(c, session);
  return sessionUserOf(c.var.db, userId);
}

export const sessionToken = (c: Context<AppEnv>) => getCookie(c, SESSION_COOKIE);

export const clearSessionCookie = (c: Context<AppEnv>) => deleteCookie(c, SESSION_COOKIE, { path: '/' });
