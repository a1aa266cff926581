// Login, logout (here or everywhere), "who am I", changing one's own password, and the public pages behind the
// one-time links an admin hands out (invitation, password reset). Sessions live in the database; the cookie is
// HttpOnly and SameSite=Lax.
import { Hono } from 'hono';
import { clearSessionCookie, sessionToken, setSessionCookie, startSession } from '../../auth/sessionCookie';
import { deleteSession, endUserSessions, logIn } from '../../auth/sessions';
import { accountTokenParams, linkPasswordBody, loginBody, passwordBody } from '../../contract/auth';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { summary } from '../../http/openapi';
import { validate } from '../../http/validate';
import { describeAccountLink, useAccountLink, type AccountTokenPurpose } from '../../services/accountTokens';
import { changeOwnPassword } from '../../services/users';
import type { AppConfig } from '../../config';

/** The configured anonymity thresholds, so the staff app's texts promise what the server enforces. */
function thresholdsOf(config: AppConfig) {
  return { anonymity: config.anonymityThreshold, freeText: config.freeTextThreshold };
}

const tokenParam = validate('param', accountTokenParams);

/** GET and POST of one purpose's link page: what the link is for, and choosing the password through it. */
function linkRoutes(purpose: AccountTokenPurpose, what: string) {
  return new Hono<AppEnv>()
    .get(`/auth/${purpose}/:token`, access('public'), summary(`Whose ${what} link this is (e-mail, name, expiry); 404 link_invalid, 410 link_used / link_expired`), tokenParam, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ link: await describeAccountLink(c.var.db, c.req.valid('param').token, purpose, c.var.clock) });
    })
    .post(`/auth/${purpose}/:token`, access('public'), summary(`Chooses a password through a ${what} link (once), ends the account's other sessions and logs in; answers as /auth/me`), tokenParam, validate('json', linkPasswordBody), async (c) => {
      const userId = await useAccountLink(c.var.db, c.req.valid('param').token, purpose, c.req.valid('json').password, c.var.clock);
      const user = await startSession(c, userId);
      return c.json({ user, thresholds: thresholdsOf(c.var.config) });
    });
}

export const authRoutes = new Hono<AppEnv>()
  .post('/auth/login', access('public'), summary('Logs in with e-mail and password and sets the session cookie; answers as /auth/me (mustChangePassword: choose a new one first)'), validate('json', loginBody), async (c) => {
    const { email, password } = c.req.valid('json');
    const { user, session } = await logIn(c.var.db, email, password, c.var.config.sessionHours, c.var.clock);
    setSessionCookie(c, session);
    return c.json({ user, thresholds: thresholdsOf(c.var.config) });
  })
  .post('/auth/logout', access('public'), summary('Ends the current session, if any, and clears the session cookie'), async (c) => {
    const token = sessionToken(c);
    if (token) await deleteSession(c.var.db, token);
    clearSessionCookie(c);
    return c.json({ ok: true });
  })
  .post('/auth/logout-all', access('user'), summary('Logs out everywhere: ends every session of the account, this one included'), async (c) => {
    const ended = await endUserSessions(c.var.db, c.var.user.id);
    clearSessionCookie(c);
    return c.json({ ok: true, ended });
  })
  .get('/auth/me', access('user'), summary('The logged-in account (id, e-mail, name, role, language, projects led, whether the password must be changed) and the anonymity thresholds'), (c) =>
    c.json({ user: c.var.user, thresholds: thresholdsOf(c.var.config) }),
  )
  // The user's other sessions end (a stolen session does not outlive the change); this one stays.
  .post('/auth/password', access('user'), summary('Changes one\'s own password (the current one is required; a temporary one must be replaced); the account\'s other sessions end'), validate('json', passwordBody), async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await changeOwnPassword(c.var.db, c.var.user.id, currentPassword, newPassword, sessionToken(c));
    return c.json({ ok: true });
  })
  .route('/', linkRoutes('invite', 'invitation'))
  .route('/', linkRoutes('reset', 'password reset'));
