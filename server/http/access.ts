// Who may call a route, declared on the route itself as its first middleware: `.get('/x', access('admin'), …)`.
// createApp runs routeAccess() over every route and refuses to start when one declares nothing, so a new route is
// never public by accident (default deny). Checks run before the route's validation: 401/403/404 come before 400.
import type { Context, MiddlewareHandler } from 'hono';
import { uniqueSymbol } from 'hono-openapi';
import { findTargetHandler, isMiddleware } from 'hono/utils/handler';
import { assertAdmin, authenticate } from '../auth/middleware';
import { assertOwnerEditable, assertOwnerReadable, assertProjectParamEditable, assertProjectParamReadable, type ProjectOwner } from '../auth/projectAccess';
import type { AppEnv } from './env';

/**
 * - public: anyone, no login (login itself, the staff survey links, one-time account links, health).
 * - user: any logged-in account (401 otherwise).
 * - admin: the secretariat (401, then 403 for editors and managers): accounts, settings, the unit tree, creating
 *   and archiving projects.
 * - projectReader: logged in and may read the project in :projectId (404 otherwise, as if it did not exist): an
 *   admin, a manager in scope, an editor of the project. Given an owner, the project owning the item in the
 *   owner's param instead (/benefits/:id).
 * - projectAdmin: as projectReader (404), then admin or an editor of that project (403 for a manager in scope): a
 *   write in a project. Given an owner, likewise for the item's project.
 * Every check also refuses (403 password_change_required) a session that must first change its temporary password.
 */
export type AccessLevel = 'public' | 'user' | 'admin' | 'projectReader' | 'projectAdmin';

export const ACCESS = Symbol('access');

export interface AccessDeclaration {
  level: AccessLevel;
  /** The route param the check reads; routeAccess() verifies the path has it. */
  param?: string;
}

export type AccessMiddleware = MiddlewareHandler<AppEnv> & { readonly [ACCESS]: AccessDeclaration };

const checks: Record<AccessLevel, (c: Context<AppEnv>) => Promise<unknown>> = {
  public: async () => undefined,
  user: authenticate,
  admin: assertAdmin,
  projectReader: assertProjectParamReadable,
  projectAdmin: assertProjectParamEditable,
};

const ownerChecks = {
  projectReader: assertOwnerReadable,
  projectAdmin: assertOwnerEditable,
} as const;

export function access(level: Exclude<AccessLevel, 'projectReader' | 'projectAdmin'>): AccessMiddleware;
export function access(level: 'projectReader' | 'projectAdmin', owner?: ProjectOwner): AccessMiddleware;
export function access(level: AccessLevel, owner?: ProjectOwner): AccessMiddleware {
  const ownerCheck = owner && (level === 'projectReader' || level === 'projectAdmin') ? ownerChecks[level] : undefined;
  const check = owner && ownerCheck ? (c: Context<AppEnv>) => ownerCheck(c, owner) : checks[level];
  const param = owner ? owner.param : level === 'projectReader' || level === 'projectAdmin' ? 'projectId' : undefined;
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    await check(c);
    await next();
  };
  // The same declaration documents the route in /api/openapi.json (who may call it, and with what login).
  const spec = { security: level === 'public' ? [] : [{ session: [] }], 'x-access': level };
  return Object.assign(middleware, { [ACCESS]: { level, param }, [uniqueSymbol]: { spec } });
}

export interface RouteAccess {
  method: string;
  path: string;
  level: AccessLevel;
}

/** The part of a Hono app this needs: Hono lists every handler of every route, middleware included. */
interface RouteList {
  routes: readonly { method: string; path: string; handler: (...args: never[]) => unknown }[];
}

/** Every method+path of the app with its declared access; throws, naming them, when routes declare none or several. */
export function routeAccess(app: RouteList): RouteAccess[] {
  const byRoute = new Map<string, { method: string; path: string; declared: AccessDeclaration[]; answers: boolean }>();
  for (const { method, path, handler } of app.routes) {
    const target = findTargetHandler(handler);
    const key = `${method} ${path}`;
    const route = byRoute.get(key) ?? { method, path, declared: [], answers: false };
    byRoute.set(key, route);
    const declared = (target as Partial<AccessMiddleware>)[ACCESS];
    if (declared) route.declared.push(declared);
    // .use() registers middleware for method ALL; only a handler that answers makes a method+path a route.
    if (method !== 'ALL' || !isMiddleware(target)) route.answers = true;
  }
  const problems: string[] = [];
  const routes: RouteAccess[] = [];
  for (const { method, path, declared, answers } of byRoute.values()) {
    if (!answers) continue;
    const [one, ...more] = declared;
    if (!one) problems.push(`${method} ${path}: no access() declaration`);
    else if (more.length) problems.push(`${method} ${path}: ${declared.length} access() declarations`);
    else if (one.param && !new RegExp(`/:${one.param}(?=[/{?]|$)`).test(path)) problems.push(`${method} ${path}: access('${one.level}') reads :${one.param}, which the path lacks`);
    else routes.push({ method, path, level: one.level });
  }
  if (problems.length) throw new Error(`Every route must declare who may call it with access() (server/http/access.ts):\n  ${problems.join('\n  ')}`);
  return routes;
}
