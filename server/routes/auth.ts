// Login, logout, "who am I" and changing one's own password. Sessions live in the database; the cookie is HttpOnly and SameSite=Lax.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { verifyPassword } from '../auth/password';
import { SESSION_COOKIE, requireUser } from '../auth/middleware';
import { createSession, deleteSession } from '../auth/sessions';
import { ApiError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { changeOwnPassword } from '../services/users';
import { newPasswordSchema } from './users';

const passwordBody = z.strictObject({ currentPassword: z.string().min(1, 'Required').max(200), newPassword: newPasswordSchema });

const loginBody = z.object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });

export const authRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', loginBody), async (c) => {
    const { email, password } = c.req.valid('json');
    const user = c.var.db.select().from(users).where(eq(users.email, email)).get();
    // Same answer for unknown e-mail and wrong password, so accounts cannot be probed.
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      throw new ApiError(401, 'invalid_credentials', 'Wrong e-mail or password');
    }
    const session = createSession(c.var.db, user.id, c.var.config.sessionHours);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.var.config.secureCookies,
      path: '/',
      expires: new Date(session.expiresAt),
    });
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } });
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) deleteSession(c.var.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  })
  .get('/me', requireUser, (c) => c.json({ user: c.var.user }))
  // The user's other sessions end (a stolen session does not outlive the change); this one stays.
  .post('/password', requireUser, validate('json', passwordBody), async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await changeOwnPassword(c.var.db, c.var.user.id, currentPassword, newPassword, getCookie(c, SESSION_COOKIE));
    return c.json({ ok: true });
  });
