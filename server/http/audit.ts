// One middleware records the audit log (server/services/audit.ts) after each handler: every write under /api by
// a logged-in account (done or refused), logins and logouts, and the views and exports of unit-level results.
// It names the route by its pattern (c.req.routePath), never by the concrete path, and skips the staff side
// (/s/:token…, /k/:code) entirely: staff answers must never be joined to anything.
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { eq } from 'drizzle-orm';
import { actions, behaviours, benefits, enablers, goals, kpiMeasurements, usageFigures, users, waves } from '../../db/schema';
import { authenticate } from '../auth/middleware';
import type { SessionUser } from '../auth/sessions';
import { recordAudit, type AuditEntry } from '../services/audit';
import { workshopPlace } from '../services/workshops';
import type { AppEnv } from './env';

/** Reads that show or export unit-level results, or the audit log itself: recorded like writes. */
const AUDITED_READS: Record<string, string> = {
  '/api/projects/:projectId/report': 'report.view',
  '/api/projects/:projectId/report.csv': 'report.export',
  '/api/projects/:projectId/report.xlsx': 'report.export',
  '/api/projects/:projectId/breakdowns': 'breakdowns.view',
  '/api/projects/:projectId/comments': 'comments.view',
  '/api/projects/:projectId/report/paired': 'paired.view',
  '/api/projects/:projectId/dpo-export': 'dpo.export',
  '/api/projects/:projectId/action-suggestions': 'action_suggestions.view',
  '/api/audit': 'audit.view',
  '/api/audit/export': 'audit.export',
};

/** Where the generic name (below) would say less than it should. */
const NAMED: Record<string, string> = {
  'POST /api/auth/logout': 'auth.logout',
  'POST /api/auth/password': 'auth.password_change',
  'PUT /api/projects/:projectId/survey/spec': 'survey.update',
  'PUT /api/projects/:projectId/order': 'project.reorder',
  'POST /api/units/import/preview': 'unit.import_preview',
  'POST /api/units/import/commit': 'unit.import',
  'POST /api/projects/:projectId/retention/delete-now': 'retention.delete_now',
  'PATCH /api/benefits/:id/status': 'benefit.status_set',
  'POST /api/projects/:projectId/units/:unitId/workshops': 'workshop.create',
  'POST /api/workshops/:id/suggestions/:suggestionId/hide': 'workshop.hide_suggestion',
  'PUT /api/projects/:projectId/units/:unitId/behaviours/:behaviourId/description': 'unit_description.set',
  'PUT /api/projects/:projectId/shared-picture': 'shared_picture.set',
};

/** Path segments that name a collection (a POST to them creates); any other last segment is a verb. */
const COLLECTIONS = new Set([
  'projects', 'goals', 'enablers', 'benefits', 'measurements', 'behaviours', 'rollouts', 'reporting-groups', 'survey-versions',
  'waves', 'links', 'units', 'users', 'settings', 'pairing', 'usage', 'scopes', 'retention', 'invitations', 'sessions',
  'actions',
  // POST …/share-links creates share_link.create; …/share-links/:shareLinkId/revoke is share_link.revoke.
  'share-links',
]);
const METHOD_VERB: Record<string, string> = { POST: 'create', PUT: 'set', PATCH: 'update', DELETE: 'delete', GET: 'view' };
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const singular = (segment: string) => {
  const s = segment.replace(/-/g, '_');
  if (s === 'settings' || s === 'usage' || s === 'pairing' || s === 'retention') return s;
  return s.endsWith('ies') ? `${s.slice(0, -3)}y` : s.endsWith('s') ? s.slice(0, -1) : s;
};

/**
 * An action name from the route: PATCH /api/waves/:id → wave.update, POST /api/projects/:projectId/goals →
 * goal.create, POST /api/waves/:id/links/:linkId/revoke → link.revoke, PUT /api/settings → settings.set.
 */
export function actionOf(method: string, pattern: string): string {
  const named = NAMED[`${method} ${pattern}`] ?? (method === 'GET' ? AUDITED_READS[pattern] : undefined);
  if (named) return named;
  const segments = pattern.replace(/^\/api\//, '').split('/').filter(Boolean);
  const literals = segments.filter((s) => !s.startsWith(':'));
  const last = segments.at(-1) ?? '';
  const verb = METHOD_VERB[method] ?? method.toLowerCase();
  if (last.startsWith(':') || COLLECTIONS.has(last) || literals.length < 2) return `${singular(literals.at(-1) ?? 'api')}.${verb}`;
  return `${singular(literals.at(-2)!)}.${last.replace(/-/g, '_')}`;
}

type Params = Record<string, string | undefined>;
const numericParam = (value: string | undefined) => (value && /^\d{1,15}$/.test(value) ? Number(value) : null);

/** The project of an item addressed by its own id (/api/waves/:id …), read before the handler (a DELETE removes it). */
async function projectOfItem(c: Context<AppEnv>, pattern: string, params: Params): Promise<number | null> {
  const match = /^\/api\/([a-z-]+)\/:id(\/|$)/.exec(pattern);
  const id = numericParam(params.id);
  if (!match || id === null) return null;
  const db = c.var.db;
  const one = async (rows: Promise<{ projectId: number }[]>) => (await rows)[0]?.projectId ?? null;
  switch (match[1]) {
    case 'goals':
      return one(db.select({ projectId: goals.projectId }).from(goals).where(eq(goals.id, id)).limit(1));
    case 'enablers':
      return one(db.select({ projectId: enablers.projectId }).from(enablers).where(eq(enablers.id, id)).limit(1));
    case 'benefits':
      return one(db.select({ projectId: benefits.projectId }).from(benefits).where(eq(benefits.id, id)).limit(1));
    case 'behaviours':
      return one(db.select({ projectId: behaviours.projectId }).from(behaviours).where(eq(behaviours.id, id)).limit(1));
    case 'waves':
      return one(db.select({ projectId: waves.projectId }).from(waves).where(eq(waves.id, id)).limit(1));
    case 'measurements':
      return one(db.select({ projectId: benefits.projectId }).from(kpiMeasurements).innerJoin(benefits, eq(benefits.id, kpiMeasurements.benefitId)).where(eq(kpiMeasurements.id, id)).limit(1));
    case 'actions':
      return one(db.select({ projectId: actions.projectId }).from(actions).where(eq(actions.id, id)).limit(1));
    case 'workshops':
      return (await workshopPlace(db, id)).projectId;
    case 'usage':
      return one(db.select({ projectId: behaviours.projectId }).from(usageFigures).innerJoin(behaviours, eq(behaviours.id, usageFigures.behaviourId)).where(eq(usageFigures.id, id)).limit(1));
    default:
      return null;
  }
}

/** Top-level field names of a JSON body only (never values), and only ones that look like field names. */
const fieldNames = (body: unknown) =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? Object.keys(body)
        .filter((k) => /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(k))
        .slice(0, 40)
    : [];

async function jsonOf(res: Response): Promise<unknown> {
  if (!/^application\/json/i.test(res.headers.get('content-type') ?? '')) return undefined;
  return res
    .clone()
    .json()
    .catch(() => undefined);
}

/** A unit's staff link, the short-code lookup and a workshop's phones: never recorded. */
const isStaffRoute = (pattern: string) => /^\/api\/(s|k|w)\//.test(pattern);

export const auditTrail: MiddlewareHandler<AppEnv> = async (c, next) => {
  // The route's own pattern: the last matched entry that is a method route rather than app-wide middleware.
  const routes = matchedRoutes(c);
  const index = routes.findLastIndex((r) => r.method !== 'ALL');
  const pattern = index >= 0 ? routes[index].path : undefined;
  const method = c.req.method;
  if (!pattern || isStaffRoute(pattern) || !(WRITES.has(method) || (method === 'GET' && pattern in AUDITED_READS))) return next();
  const isLogin = method === 'POST' && pattern === '/api/auth/login';
  // Logout ends the session, so who it was is read before.
  if (method === 'POST' && pattern === '/api/auth/logout') await authenticate(c).catch(() => undefined);
  // The route's params (this middleware's own match has none).
  const own = c.req.routeIndex;
  c.req.routeIndex = index;
  const params = c.req.param() as Params;
  c.req.routeIndex = own;
  const itemProject = isLogin ? null : await projectOfItem(c, pattern, params).catch(() => null);
  await next();
  try {
    const entry = isLogin ? await loginEntry(c, pattern) : await requestEntry(c, method, pattern, params, itemProject);
    if (entry) await recordAudit(c.var.db, entry, c.var.clock);
  } catch (err) {
    // The request is done (a write is committed); a lost entry is reported, never the request's data.
    console.error(`Audit entry not stored for ${method} ${pattern}:`, err instanceof Error ? err.message : String(err));
  }
};

async function requestEntry(c: Context<AppEnv>, method: string, pattern: string, params: Params, itemProject: number | null): Promise<AuditEntry | undefined> {
  // c.get is typed as always set, but is undefined when no access check found a session (anonymous: not recorded).
  const user = c.get('user') as SessionUser | undefined;
  if (!user) return undefined;
  const status = c.res.status;
  const action = actionOf(method, pattern);
  let projectId = numericParam(params.projectId) ?? itemProject;
  const idParams = Object.keys(params).filter((k) => k !== 'projectId');
  // An action on the project itself (PATCH /api/projects/:projectId, …/archive) targets that project.
  let targetId = numericParam(params[idParams.at(-1) ?? '']) ?? (action.startsWith('project.') ? projectId : null);
  const details: Record<string, unknown> = {};
  if (status >= 400) {
    const body = (await jsonOf(c.res)) as { error?: { code?: unknown } } | undefined;
    if (typeof body?.error?.code === 'string') details.error = body.error.code.slice(0, 60);
  } else if (action.endsWith('.create')) {
    // The new item's id (e.g. { project: { id } }); only a numeric id is taken from the answer.
    const body = await jsonOf(c.res);
    const created = body && typeof body === 'object' ? Object.values(body).find((v): v is { id: number } => !!v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'number') : undefined;
    if (created) {
      targetId = created.id;
      if (action === 'project.create') projectId = created.id;
    }
  }
  if (WRITES.has(method) && /^application\/json/i.test(c.req.header('content-type') ?? '')) {
    const fields = fieldNames(await c.req.json().catch(() => undefined));
    if (fields.length) details.fields = fields;
  }
  if (method === 'GET') {
    const format = /\.(csv|xlsx)$/.exec(pattern)?.[1];
    if (format) details.format = format;
  }
  return { actorId: user.id, actorEmail: user.email, action, method, route: pattern, projectId, targetId, status, details: Object.keys(details).length ? details : null };
}

/**
 * A login: the account if it exists (by its id and e-mail), never the password. A failure with an e-mail that
 * belongs to no account records no e-mail at all: what someone typed there (a colleague's address with a typo,
 * sometimes a password) is personal data the log has no need for.
 */
async function loginEntry(c: Context<AppEnv>, pattern: string): Promise<AuditEntry> {
  const status = c.res.status;
  const body = (await c.req.json().catch(() => undefined)) as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' && body.email.length <= 320 ? body.email.trim().toLowerCase() : undefined;
  const [account] = email ? await c.var.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, email)).limit(1) : [];
  const ok = status >= 200 && status < 300;
  let reason: string | undefined;
  if (!ok) {
    const answer = (await jsonOf(c.res)) as { error?: { code?: unknown } } | undefined;
    reason = typeof answer?.error?.code === 'string' ? answer.error.code.slice(0, 60) : String(status);
  }
  return {
    actorId: account?.id ?? null,
    actorEmail: account?.email ?? '',
    action: ok ? 'auth.login' : 'auth.login_failed',
    method: 'POST',
    route: pattern,
    status,
    details: ok ? null : { reason, knownAccount: !!account },
  };
}
