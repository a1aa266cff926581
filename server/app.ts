// createApp builds the whole API as a Hono app over a given database — the server and the tests share it.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseBusy, type Db } from '../db/client';
import { defaultAppConfig, type AppConfig } from './config';
import { requireUser } from './auth/middleware';
import { routeAccess } from './http/access';
import { apiDocs } from './http/openapi';
import { sameOriginWrites } from './http/sameOrigin';
import { ApiError, errorJson, statusOfKind } from './http/errors';
import { DomainError } from './services/errors';
import { fixedClock, systemClock, type Clock } from './services/clock';
import { closeDueWaves } from './services/waves';
import { retentionSchedule } from './services/retention';
import { auditTrail } from './http/audit';
import { auditRoutes } from './routes/audit';
import { disclosurePolicy, type DisclosureWeakening } from './services/disclosure';
import { rateLimit } from './http/rateLimit';
import { rateLimits } from './http/limits';
import { strictBody } from './http/strictBody';
import { siteHeaders } from './http/secureHeaders';
import { limitBodySize } from './http/bodySize';
import { errorFields, errorsOnlyLogger, requestIdOf, requestLogging, type Logger } from './http/logging';
import { probeRoutes, type Lifecycle } from './http/probes';
import { BufferedHitCounter, DatabaseHitCounter, type HitCounter } from './services/hitCounters';
import type { AppEnv } from './http/env';
import { authRoutes } from './routes/auth';
import { oidcRoutes } from './routes/oidc';
import { behaviourRoutes } from './routes/behaviours';
import { benefitRoutes } from './routes/benefits';
import { enablerRoutes } from './routes/enablers';
import { goalRoutes } from './routes/goals';
import { projectRoutes } from './routes/projects';
import { reportRoutes } from './routes/reports';
import { benefitStatusRoutes } from './routes/benefitStatus';
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
import { workshopRoutes } from './routes/workshops';
import { actionRoutes } from './routes/actions';
import { sharedPictureRoutes } from './routes/sharedPicture';
import { feedbackRoutes } from './routes/feedback';

export interface CreateAppOptions {
  db: Db;
  config?: Partial<AppConfig>;
  /** Rate-limit counts; in the database by default, so several instances over one database count together
   *  (SQLite: buffered in memory between group commits, services/hitCounters.ts). */
  hitCounter?: HitCounter;
  /** "Now" for every service (tests fix it); the system clock by default. */
  clock?: Clock;
  /** Switches disclosure rules off, only so the attacker test can show it finds each leak they close. */
  weakenDisclosureForTests?: DisclosureWeakening;
  /** How the login slow-down waits (server/http/limits.ts); tests record instead of waiting. */
  loginDelay?: (ms: number) => Promise<void>;
  /** Request and error lines (server/http/logging.ts); unhandled errors only, to stderr, when left out. */
  log?: Logger;
  /** The server's run state: /api/ready answers 503 once `stopping` is set. */
  lifecycle?: Lifecycle;
}

const SUBMISSION_PATH = /^\/api\/s\/[^/]+\/responses$/;
const isSubmission = (method: string, path: string) => method === 'POST' && SUBMISSION_PATH.test(path);

/** Guessing the current password from a taken-over session: 10 tries per account per 15 minutes. */
const LOGIN_LIMIT = { max: 10, windowMs: 15 * 60_000 };

export function createApp({ db, config, hitCounter = db.engine === 'sqlite' ? new BufferedHitCounter(db) : new DatabaseHitCounter(db), clock = systemClock, weakenDisclosureForTests, loginDelay, log = errorsOnlyLogger, lifecycle = { stopping: false } }: CreateAppOptions) {
  const cfg: AppConfig = { ...defaultAppConfig, ...config };
  const disclosure = disclosurePolicy(cfg, weakenDisclosureForTests);
  // Raw answers past their project's retention date are deleted, checked at most every 10 minutes (retention.ts).
  const dueRetention = retentionSchedule();

  // Each resource router carries its full paths (/projects/:projectId/goals, /goals/:id) and declares on every
  // route who may call it (access() in server/http/access.ts); routeAccess() below refuses a route without one.
  const api = new Hono<AppEnv>()
    // The probes answer ahead of the middleware below, which writes to the database (server/http/probes.ts).
    .route('/', probeRoutes([db], lifecycle, log))
    .use(async (c, next) => {
      c.set('db', db);
      c.set('config', cfg);
      // One "now" per request: a wave cannot close halfway through an answer or a report.
      const requestClock = fixedClock(clock.now());
      c.set('clock', requestClock);
      c.set('disclosure', disclosure);
      // Waves past their close time are closed (as by the button) before anything reads them. A submission
      // need not wait for that: it refuses a wave past its close time by the clock (openLink), and its own
      // transaction re-reads the status, so the busiest route skips the query.
      if (!isSubmission(c.req.method, c.req.path)) await closeDueWaves(db, disclosure, requestClock);
      await dueRetention(db, requestClock);
      await next();
    })
    // The audit log: writes, logins, and views of unit-level results, by route pattern; never the staff side.
    .use(auditTrail)
    .use(limitBodySize(512 * 1024))
    // Bodies are checked (UTF-8, JSON, depth; none where a route takes none) before anything reads them.
    .use(strictBody)
    // Login, staff-link and short-code budgets (server/http/limits.ts, docs/security.md).
    .route('/', rateLimits({ counter: hitCounter, sleep: loginDelay }))
    // Guessing the current password from a taken-over session: the same budget per account as login, so the
    // user is needed before the route (which declares access('user') itself) runs.
    .use('/auth/password', requireUser, rateLimit(hitCounter, { name: 'password', ...LOGIN_LIMIT, key: (c) => (c.req.method === 'POST' ? String(c.var.user.id) : undefined) }))
    // Sign-in through the identity provider: public, ahead of every route that needs a session.
    .route('/', oidcRoutes)
    .route('/', authRoutes)
    .route('/', responseRoutes)
    .route('/', workshopRoutes)
    .route('/', feedbackRoutes)
    .route('/', sharedPictureRoutes)
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
    .route('/', benefitStatusRoutes)
    .route('/', pairingRoutes)
    .route('/', unitRoutes)
    .route('/', usageRoutes)
    .route('/', auditRoutes)
    .route('/', actionRoutes)
    .route('/', userRoutes);
  // The OpenAPI document and reference page describe every route above from its own declarations.
  api.route('/', apiDocs(api));

  const app = new Hono()
    .use(requestLogging(log))
    .use(siteHeaders(cfg))
    .use('/api/*', sameOriginWrites)
    .route('/api', api);

  app.notFound((c) => errorJson(c, 404, 'not_found', 'No such endpoint'));
  app.onError((err, c) => {
    if (err instanceof DomainError) return errorJson(c, statusOfKind[err.kind], err.code, err.message, err.details);
    // Locked by someone else for too long (db/client.ts): nothing was stored, the same request can be sent again.
    if (isDatabaseBusy(err)) {
      c.header('Retry-After', '1');
      return errorJson(c, 503, 'database_busy', 'The database is busy; try again in a moment');
    }
    if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.message, err.details);
    if (err instanceof HTTPException) {
      const code = err.status === 400 ? 'bad_request' : err.status === 401 ? 'unauthenticated' : 'http_error';
      return errorJson(c, err.status, code, err.message || 'Bad request');
    }
    // Name, code and stack frames only (server/http/logging.ts): a database error's message can hold submitted
    // values, and the concrete path a staff link's token.
    log.error('unhandled_error', { requestId: requestIdOf(c), method: c.req.method, ...errorFields(err) });
    return errorJson(c, 500, 'internal', 'Something went wrong on the server');
  });
  // Default deny: a route that does not say who may call it stops the server from starting.
  routeAccess(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
