// createApp builds the whole API as a Hono app over a given database — the server and the tests share it.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from '../db/client';
import { defaultAppConfig, type AppConfig } from './config';
import { requireAdmin, requireUser } from './auth/middleware';
import { requireProjectAccess } from './auth/projectAccess';
import { ApiError, errorJson } from './http/errors';
import { MemoryHitCounter, rateLimit, type HitCounter } from './http/rateLimit';
import type { AppEnv } from './http/env';
import { authRoutes } from './routes/auth';
import { behaviourRoutes, projectBehaviourRoutes } from './routes/behaviours';
import { benefitRoutes, measurementRoutes, projectBenefitRoutes } from './routes/benefits';
import { enablerRoutes, projectEnablerRoutes } from './routes/enablers';
import { goalRoutes, projectGoalRoutes } from './routes/goals';
import { projectRoutes } from './routes/projects';
import { publicRoutes } from './routes/public';
import { reportRoutes } from './routes/reports';
import { surveyRoutes } from './routes/surveys';
import { rolloutRoutes, unitRoutes } from './routes/units';
import { userRoutes } from './routes/users';
import { projectWaveRoutes, waveRoutes } from './routes/waves';

export interface CreateAppOptions {
  db: Db;
  config?: Partial<AppConfig>;
  /** Rate-limit counts; in-process by default, a shared store when several instances serve one database. */
  hitCounter?: HitCounter;
}

/** Guessing passwords: 10 tries per account per 15 minutes. */
const LOGIN_LIMIT = { max: 10, windowMs: 15 * 60_000 };
/** A flood on one staff link: far above what a unit can answer in 10 minutes. */
const SUBMIT_LIMIT = { max: 300, windowMs: 10 * 60_000 };

export function createApp({ db, config, hitCounter = new MemoryHitCounter() }: CreateAppOptions) {
  const cfg: AppConfig = { ...defaultAppConfig, ...config };
  const loginEmail = async (c: Context<AppEnv>) => {
    if (c.req.method !== 'POST') return undefined;
    const body = await c.req.json().catch(() => null);
    return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : undefined;
  };

  const api = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('db', db);
      c.set('config', cfg);
      await next();
    })
    .use(bodyLimit({ maxSize: 512 * 1024, onError: (c) => errorJson(c, 413, 'payload_too_large', 'The request body is too large') }))
    .get('/health', (c) => c.json({ ok: true }))
    .use('/auth/login', rateLimit(hitCounter, { name: 'login', ...LOGIN_LIMIT, key: loginEmail }))
    .use('/s/:token/responses', rateLimit(hitCounter, { name: 'submit', ...SUBMIT_LIMIT, key: (c) => (c.req.method === 'POST' ? c.req.param('token') : undefined) }))
    // Guessing the current password from a taken-over session: the same budget per account as login.
    .use('/auth/password', requireUser)
    .use('/auth/password', rateLimit(hitCounter, { name: 'password', ...LOGIN_LIMIT, key: (c) => (c.req.method === 'POST' ? String(c.var.user.id) : undefined) }))
    .route('/auth', authRoutes)
    .route('/s', publicRoutes)
    // Everything below needs a logged-in user; write routes add requireAdmin themselves.
    .use('/projects/*', requireUser)
    .use('/behaviours/*', requireUser)
    .use('/units/*', requireUser)
    .use('/units', requireUser)
    .use('/projects', requireUser)
    .use('/waves/*', requireUser)
    .use('/benefits/*', requireUser)
    .use('/measurements/*', requireUser)
    .use('/goals/*', requireUser)
    .use('/enablers/*', requireUser)
    .use('/users/*', requireUser, requireAdmin)
    .use('/users', requireUser, requireAdmin)
    .use('/projects/:projectId/*', requireProjectAccess)
    .use('/projects/:projectId', requireProjectAccess)
    .route('/projects', projectRoutes)
    .route('/projects', projectBehaviourRoutes)
    .route('/projects', rolloutRoutes)
    .route('/projects', surveyRoutes)
    .route('/projects', projectWaveRoutes)
    .route('/projects', reportRoutes)
    .route('/projects', projectBenefitRoutes)
    .route('/projects', projectGoalRoutes)
    .route('/projects', projectEnablerRoutes)
    .route('/benefits', benefitRoutes)
    .route('/measurements', measurementRoutes)
    .route('/goals', goalRoutes)
    .route('/enablers', enablerRoutes)
    .route('/behaviours', behaviourRoutes)
    .route('/units', unitRoutes)
    .route('/waves', waveRoutes)
    .route('/users', userRoutes);

  const app = new Hono()
    .use(secureHeaders({ referrerPolicy: 'no-referrer' }))
    .use('/api/*', csrf())
    .route('/api', api);

  app.notFound((c) => errorJson(c, 404, 'not_found', 'No such endpoint'));
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.message, err.details);
    if (err instanceof HTTPException) {
      // Hono's CSRF guard answers 403 for a write that does not come from our own pages.
      if (err.status === 403) return errorJson(c, 403, 'forbidden_origin', 'This request did not come from Gevinstspor\'s own pages');
      const code = err.status === 400 ? 'bad_request' : err.status === 401 ? 'unauthenticated' : 'http_error';
      return errorJson(c, err.status, code, err.message || 'Bad request');
    }
    console.error('Unhandled error', err);
    return errorJson(c, 500, 'internal', 'Something went wrong on the server');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
