// Login, logout, "who am I" and changing one's own password. Sessions live in the database; the cookie is HttpOnly and SameSite=Lax.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../auth/middleware';
import { deleteSession, logIn } from '../../auth/sessions';
import { loginBody, passwordBody } from '../../contract/auth';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { validate } from '../../http/validate';
import { changeOwnPassword } from '../../services/users';
import type { AppConfig } from '../../config';

/** The configured anonymity thresholds, so the staff app's texts promise what the server enforces. */
function thresholdsOf(config: AppConfig) {
  return { anonymity: config.anonymityThreshold, freeText: config.freeTextThreshold };
}

export const authRoutes = new Hono<AppEnv>()
  .post('/auth/login', access('public'), summary('Logs in with e-mail and password and sets the session cookie; answers as /auth/me; 10 tries per account per 15 minutes'), validate('json', loginBody), async (c) => {
    const { email, password } = c.req.valid('json');
    const { user, session } = await logIn(c.var.db, email, password, c.var.config.sessionHours, c.var.clock);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.var.config.secureCookies,
      path: '/',
      expires: new Date(session.expiresAt),
    });
    return c.json({ user, thresholds: thresholdsOf(c.var.config) });
  })
  .post('/auth/logout', access('public'), summary('Ends the current session, if any, and clears the session cookie'), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.var.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  })
  .get('/auth/me', access('user'), summary('The logged-in account (id, e-mail, name, role, language) and the configured anonymity thresholds'), (c) =>
    c.json({ user: c.var.user, thresholds: thresholdsOf(c.var.config) }),
  )
  // The user's other sessions end (a stolen session does not outlive the change); this one stays.
  .post('/auth/password', access('user'), summary('Changes one\'s own password (the current one is required); the account\'s other sessions end'), validate('json', passwordBody), async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await changeOwnPassword(c.var.db, c.var.user.id, currentPassword, newPassword, getCookie(c, SESSION_COOKIE));
    return c.json({ ok: true });
  });
