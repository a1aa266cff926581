// Authentication and role checks. Every decision about who may see what is made here or in services.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { findSessionUser } from './sessions';

export const SESSION_COOKIE = 'gs_session';

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const user = token ? findSessionUser(c.var.db, token) : undefined;
  if (!user) throw new ApiError(401, 'unauthenticated', 'Log in to continue');
  c.set('user', user);
  await next();
});

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.user?.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only the secretariat (admin) may do this');
  await next();
});
