// createApp builds the whole API as a Hono app over a given database — the server and the tests share it.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from '../db/client';
import { defaultAppConfig, type AppConfig } from './config';
import { requireUser } from './auth/middleware';
import { access, routeAccess } from './http/access';
import { apiDocs, summary } from './http/openapi';
import { sameOriginWrites } from './http/sameOrigin';
import { ApiError, errorJson, statusOfKind } from './http/errors';
import { DomainError } from './services/errors';
import { fixedClock, systemClock, type Clock } from './services/clock';
import { closeDueWaves } from './services/waves';
import { disclosurePolicy, type DisclosureWeakening } from './services/disclosure';
import { rateLimit } from './http/rateLimit';
import { DatabaseHitCounter, type HitCounter } from './services/hitCounters';
import type { AppEnv } from './http/env';
import { authRoutes } from './routes/auth';
import { behaviourRoutes } from './routes/behaviours';
import { benefitRoutes } from './routes/benefits';
import { enablerRoutes } from './routes/enablers';
import { goalRoutes } from './routes/goals';
import { projectRoutes } from './routes/projects';
import { reportRoutes } from './routes/reports';
import { reportingGroupRoutes } from './routes/reportingGroups';
import { responseRoutes } from './routes/responses';
import { rolloutRoutes } from './routes/rollouts';
import { surveyRoutes } from './routes/surveys';
import { unitRoutes } from './routes/units';
import { usageRoutes } from './routes/usage';
import { userRoutes } from './routes/users';
import { waveRoutes } from './routes/waves';
import { pairingRoutes } from './routes/pairing';
import { waveLinkRoutes } from './routes/waveLinks';
import { settingsRoutes } from './routes/settings';
import { normaliseShortCode } from './contract/waveLinks';

export interface CreateAppOptions {
  db: Db;
  config?: Partial<AppConfig>;
  /** Rate-limit counts; in the database by default, so several instances over one database count together. */
  hitCounter?: HitCounter;
  /** "Now" for every service (tests fix it); the system clock by default. */
  clock?: Clock;
  /** Switches disclosure rules off, only so the attacker test can show it finds each leak they close. */
  weakenDisclosureForTests?: DisclosureWeakening;
}

/** Guessing passwords: 10 tries per account per 15 minutes. */
const LOGIN_LIMIT = { max: 10, windowMs: 15 * 60_000 };
/** A flood on one staff link: far above what a unit can answer in 10 minutes. */
const SUBMIT_LIMIT = { max: 300, windowMs: 10 * 60_000 };
/** Guessing short codes (/k): no IP is kept, so the budget is per code prefix (its first two characters, 961
 *  buckets: a unit's staff typing their code after a meeting stay far below it) and one ceiling for all codes. At
 *  the ceiling a guesser needs years to hit one of a few thousand live codes among 31^8. */
const CODE_PREFIX_LIMIT = { max: 60, windowMs: 10 * 60_000 };
const CODE_LIMIT = { max: 3000, windowMs: 10 * 60_000 };

export function createApp({ db, config, hitCounter = new DatabaseHitCounter(db), clock = systemClock, weakenDisclosureForTests }: CreateAppOptions) {
  const cfg: AppConfig = { ...defaultAppConfig, ...config };
  const disclosure = disclosurePolicy(cfg, weakenDisclosureForTests);
  const loginEmail = async (c: Context<AppEnv>) => {
    if (c.req.method !== 'POST') return undefined;
    const body = (await c.req.json().catch(() => null)) as { email?: unknown } | null;
    return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : undefined;
  };

  // Each resource router carries its full paths (/projects/:projectId/goals, /goals/:id) and declares on every
  // route who may call it (access() in server/http/access.ts); routeAccess() below refuses a route without one.
  const api = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('db', db);
      c.set('config', cfg);
      // One "now" per request: a wave cannot close halfway through an answer or a report.
      const requestClock = fixedClock(clock.now());
      c.set('clock', requestClock);
      c.set('disclosure', disclosure);
      // Waves past their close time are closed (as by the button) before anything reads them.
      await closeDueWaves(db, disclosure, requestClock);
      await next();
    })
    .use(bodyLimit({ maxSize: 512 * 1024, onError: (c) => errorJson(c, 413, 'payload_too_large', 'The request body is too large') }))
    .use('/auth/login', rateLimit(hitCounter, { name: 'login', ...LOGIN_LIMIT, key: loginEmail }))
    .use('/s/:token/responses', rateLimit(hitCounter, { name: 'submit', ...SUBMIT_LIMIT, key: (c) => (c.req.method === 'POST' ? c.req.param('token') : undefined) }))
    // Only what could be a code counts (anything else is refused as invalid without a lookup).
    .use('/k/:code', rateLimit(hitCounter, { name: 'code', ...CODE_LIMIT, key: (c) => (normaliseShortCode(c.req.param('code') ?? '') ? 'all' : undefined) }))
    .use('/k/:code', rateLimit(hitCounter, { name: 'code-prefix', ...CODE_PREFIX_LIMIT, key: (c) => normaliseShortCode(c.req.param('code') ?? '')?.slice(0, 2) }))
    // Guessing the current password from a taken-over session: the same budget per account as login, so the
    // user is needed before the route (which declares access('user') itself) runs.
    .use('/auth/password', requireUser, rateLimit(hitCounter, { name: 'password', ...LOGIN_LIMIT, key: (c) => (c.req.method === 'POST' ? String(c.var.user.id) : undefined) }))
    .get('/health', access('public'), summary('Liveness check: answers { ok: true } while the API is up'), (c) => c.json({ ok: true }))
    .route('/', authRoutes)
    .route('/', responseRoutes)
    .route('/', projectRoutes)
    .route('/', goalRoutes)
    .route('/', enablerRoutes)
    .route('/', benefitRoutes)
    .route('/', behaviourRoutes)
    .route('/', rolloutRoutes)
    .route('/', reportingGroupRoutes)
    .route('/', surveyRoutes)
    .route('/', waveRoutes)
    .route('/', waveLinkRoutes)
    .route('/', settingsRoutes)
    .route('/', reportRoutes)
    .route('/', pairingRoutes)
    .route('/', unitRoutes)
    .route('/', usageRoutes)
    .route('/', userRoutes);
  // The OpenAPI document and reference page describe every route above from its own declarations.
  api.route('/', apiDocs(api));

  const app = new Hono()
    .use(secureHeaders({ referrerPolicy: 'no-referrer' }))
    .use('/api/*', sameOriginWrites)
    .route('/api', api);

  app.notFound((c) => errorJson(c, 404, 'not_found', 'No such endpoint'));
  app.onError((err, c) => {
    if (err instanceof DomainError) return errorJson(c, statusOfKind[err.kind], err.code, err.message, err.details);
    if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.message, err.details);
    if (err instanceof HTTPException) {
      const code = err.status === 400 ? 'bad_request' : err.status === 401 ? 'unauthenticated' : 'http_error';
      return errorJson(c, err.status, code, err.message || 'Bad request');
    }
    // The stack only: a database error's details can hold submitted values, and a staff link's token would tie
    // the log line (with its time) to a unit's answers.
    console.error(`Unhandled error on ${c.req.method} ${c.req.path.replace(/\/s\/[^/]+/, '/s/…')}:`, err instanceof Error ? err.stack : String(err));
    return errorJson(c, 500, 'internal', 'Something went wrong on the server');
  });
  // Default deny: a route that does not say who may call it stops the server from starting.
  routeAccess(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
