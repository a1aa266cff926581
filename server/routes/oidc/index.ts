// Sign-in through the municipality's identity provider (OpenID Connect): the login page's question whether it is
// on, and the two browser steps. Both steps answer redirects (to the provider, to the app, or back to the login
// page with ?oidc_error=<code> that the page translates), never JSON the user would see raw.
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { finish, OidcFailure, start } from '../../auth/oidc';
import { OidcRefusal } from '../../auth/oidcAccounts';
import { OIDC_STATE_COOKIE, OIDC_STATE_MINUTES } from '../../auth/oidcState';
import { SESSION_COOKIE } from '../../auth/middleware';
import { createSession } from '../../auth/sessions';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/env';
import { errorJson } from '../../http/errors';
import { summary } from '../../http/openapi';
import { recordAudit, type AuditEntry } from '../../services/audit';

/** The state cookie is only ever needed by the callback. */
const STATE_COOKIE_PATH = '/api/auth/oidc';

/** What a provider may send back; providers add their own parameters (iss, session_state), so others pass. */
const callbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

/** Logins and refusals in the audit log, as a password login's (server/http/audit.ts); a refused stranger is
 *  recorded without any e-mail. A lost entry is reported and does not undo the sign-in. */
async function audit(c: Context<AppEnv>, entry: Pick<AuditEntry, 'actorId' | 'actorEmail' | 'action' | 'targetId' | 'details'>) {
  try {
    await recordAudit(c.var.db, { ...entry, method: 'GET', route: '/api/auth/oidc/callback', status: 302 }, c.var.clock);
  } catch (err) {
    console.error('Audit entry not stored for GET /api/auth/oidc/callback:', err instanceof Error ? err.message : String(err));
  }
}

const backToLogin = (c: Context<AppEnv>, code: string) => c.redirect(`/login?oidc_error=${encodeURIComponent(code)}`, 302);

export const oidcRoutes = new Hono<AppEnv>()
  .get('/auth/config', access('public'), summary('How one may log in here: with a password always, and through the municipality\'s identity provider (OpenID Connect) when configured, with its button label'), (c) => {
    const oidc = c.var.config.oidc;
    return c.json({ password: true, oidc: oidc ? { label: oidc.label ?? null } : null });
  })
  .get('/auth/oidc/start', access('public'), summary('Starts a sign-in through the identity provider: redirects there (PKCE, state and nonce kept in a 10-minute encrypted cookie); 404 oidc_off when not configured'), async (c) => {
    const { oidc, publicUrl, secureCookies } = c.var.config;
    if (!oidc) return errorJson(c, 404, 'oidc_off', 'Sign-in through an identity provider is not configured');
    try {
      const { url, cookie } = await start(c.var.db, oidc, publicUrl, c.var.clock);
      // Lax: the provider's redirect back is a top-level GET from another site, which must carry it.
      setCookie(c, OIDC_STATE_COOKIE, cookie, { httpOnly: true, sameSite: 'Lax', secure: secureCookies, path: STATE_COOKIE_PATH, maxAge: OIDC_STATE_MINUTES * 60 });
      c.header('Cache-Control', 'no-store');
      return c.redirect(url, 302);
    } catch (err) {
      if (err instanceof OidcFailure) return backToLogin(c, err.code);
      throw err;
    }
  })
  .get('/auth/oidc/callback', access('public'), summary('Where the identity provider sends the browser back: checks state, code and nonce, maps the groups to a role (none: refused, no account made), opens a session and redirects to the app; failures redirect to /login?oidc_error=<code>'), async (c) => {
    const { oidc, publicUrl, secureCookies, sessionHours } = c.var.config;
    if (!oidc) return errorJson(c, 404, 'oidc_off', 'Sign-in through an identity provider is not configured');
    const sealed = getCookie(c, OIDC_STATE_COOKIE);
    // One try per start: the cookie goes whatever the outcome.
    deleteCookie(c, OIDC_STATE_COOKIE, { path: STATE_COOKIE_PATH, secure: secureCookies });
    c.header('Cache-Control', 'no-store');
    const search = new URL(c.req.url).search;
    if (search.length > 8000 || !callbackQuery.safeParse(c.req.query()).success) return backToLogin(c, 'oidc_invalid');
    let signIn;
    try {
      signIn = await finish(c.var.db, oidc, publicUrl, search, sealed, c.var.clock);
    } catch (err) {
      if (err instanceof OidcRefusal || err instanceof OidcFailure) {
        await audit(c, { actorId: null, actorEmail: '', action: 'auth.login_failed', details: { method: 'oidc', reason: err.code } });
        return backToLogin(c, err.code);
      }
      throw err;
    }
    const session = await createSession(c.var.db, signIn.userId, sessionHours, c.var.clock);
    setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Lax', secure: secureCookies, path: '/', expires: new Date(session.expiresAt) });
    await audit(c, { actorId: signIn.userId, actorEmail: signIn.email, action: 'auth.login', targetId: signIn.userId, details: { method: 'oidc', role: signIn.role, created: signIn.created } });
    return c.redirect('/', 302);
  });
