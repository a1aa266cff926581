// Helpers for API tests: createApp over a fresh database (SQLite in memory, or PostgreSQL in the postgres
// project), accounts, and JSON requests.
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { createApp } from '../../server/app';
import type { AppConfig } from '../../server/config';
import type { DisclosureWeakening } from '../../server/services/disclosure';
import { hashPassword } from '../../server/auth/password';
import { openTestDb } from './testDb';

export const ADMIN = { email: 'admin@test.dk', password: 'admin-pass-1' };
export const MANAGER = { email: 'manager@test.dk', password: 'manager-pass-1' };

let cachedHashes: { admin: string; manager: string } | undefined;

/** `weakenDisclosureForTests` switches disclosure rules off, to show a test finds the leak a rule closes. */
export async function testApp(config: Partial<AppConfig> = {}, options: { weakenDisclosureForTests?: DisclosureWeakening } = {}) {
  const db = await openTestDb();
  cachedHashes ??= { admin: await hashPassword(ADMIN.password), manager: await hashPassword(MANAGER.password) };
  await db.insert(users).values([
    { email: ADMIN.email, name: 'Admin', passwordHash: cachedHashes.admin, role: 'admin' },
    { email: MANAGER.email, name: 'Manager', passwordHash: cachedHashes.manager, role: 'manager' },
  ]);
  const app = createApp({ db, config: { publicUrl: 'http://test.local', ...config }, weakenDisclosureForTests: options.weakenDisclosureForTests });
  return { db, app, ...clientFor(app) };
}

type AppLike = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** The property names an entity is answered under, and the path segment it is edited at. */
const ENTITY_KINDS: Record<string, string> = {
  project: 'projects', projects: 'projects', goal: 'goals', goals: 'goals', enabler: 'enablers', enablers: 'enablers',
  benefit: 'benefits', benefits: 'benefits', behaviour: 'behaviours', behaviours: 'behaviours', unit: 'units', units: 'units',
  wave: 'waves', waves: 'waves', group: 'reporting-groups', groups: 'reporting-groups', user: 'users', users: 'users',
};

/** Which versioned entity a write edits ("goals:3", "spec:1"), or undefined for other writes. */
function editTarget(method: string, path: string): string | undefined {
  const p = path.split('?')[0];
  let m = /^\/api\/projects\/(\d+)\/survey\/spec$/.exec(p);
  if (m && method === 'PUT') return `spec:${m[1]}`;
  m = /^\/api\/projects\/\d+\/reporting-groups\/(\d+)$/.exec(p);
  if (m && method === 'PATCH') return `reporting-groups:${m[1]}`;
  m = /^\/api\/(projects|goals|enablers|benefits|behaviours|units|waves|users)\/(\d+)$/.exec(p);
  if (m && method === 'PATCH') return `${m[1]}:${m[2]}`;
  m = /^\/api\/(projects|units|benefits|behaviours)\/(\d+)\/(archive|restore|retire)$/.exec(p);
  if (m && method === 'POST') return `${m[1]}:${m[2]}`;
  return undefined;
}

/**
 * Like the real client, a test client sends back the version it last read of what it edits: it remembers every
 * `version` (and surveySpecVersion) in the answers it gets, and adds it to an edit's body that names none. A body
 * with its own `version` key is sent as it is (`version: undefined` sends none), for the tests of stale edits.
 */
function versionMemory() {
  const seen = new Map<string, number>();
  const learn = (value: unknown, kind?: string, path?: string) => {
    if (Array.isArray(value)) return value.forEach((v) => learn(v, kind));
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (kind && typeof o.id === 'number' && typeof o.version === 'number') seen.set(`${kind}:${o.id}`, o.version);
    if (kind === 'projects' && typeof o.id === 'number' && typeof o.surveySpecVersion === 'number') seen.set(`spec:${o.id}`, o.surveySpecVersion);
    const spec = path && /^\/api\/projects\/(\d+)\/survey\/spec/.exec(path);
    if (spec && typeof o.surveySpecVersion === 'number') seen.set(`spec:${spec[1]}`, o.surveySpecVersion);
    for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object') learn(v, ENTITY_KINDS[k] ?? (k === 'current' || k === 'details' ? kind : undefined));
  };
  return {
    learn: (path: string, json: unknown) => {
      const top = /^\/api\/(projects|goals|enablers|benefits|behaviours|units|waves|users)\/\d+/.exec(path)?.[1];
      learn(json, top, path);
      // A 409 stale_version carries the current entity: the test decides whether to send its version again.
    },
    add: (method: string, path: string, body: unknown) => {
      const target = editTarget(method, path);
      if (!target || !body || typeof body !== 'object' || Array.isArray(body) || 'version' in body) return body;
      const version = seen.get(target);
      return version === undefined ? body : { ...body, version };
    },
  };
}

export function clientFor(app: AppLike) {
  let cookie = '';
  const versions = versionMemory();
  const call = async (method: string, path: string, body?: unknown, raw?: string) => {
    body = versions.add(method, path, body);
    // Like a browser on our own pages; without it Hono's CSRF guard rightly refuses a body-less DELETE.
    const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (res.status < 300) versions.learn(path, json);
    return { status: res.status, body: json, headers: res.headers };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    postRaw: (path: string, raw: string) => call('POST', path, undefined, raw),
    put: (path: string, body?: unknown) => call('PUT', path, body ?? {}),
    patch: (path: string, body?: unknown) => call('PATCH', path, body ?? {}),
    del: (path: string) => call('DELETE', path),
    login: async (who: { email: string; password: string } = ADMIN) => {
      const r = await call('POST', '/api/auth/login', who);
      if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
    },
    logout: () => {
      cookie = '';
    },
  };
}

/** Every error answer has the same shape. */
export function expectError(res: { status: number; body: any }, status: number, code?: string) {
  if (res.status !== status || typeof res.body?.error?.code !== 'string' || typeof res.body?.error?.message !== 'string' || (code && res.body.error.code !== code)) {
    throw new Error(`expected ${status} ${code ?? ''}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export type { Db };

/** Logged in as admin: a project with these units (name, headcount) rolled out and one behaviour to ask about. */
export async function projectWithUnits(units: readonly (readonly [string, number, ...unknown[]])[], options: Parameters<typeof testApp>[1] = {}) {
  const t = await testApp({}, options);
  await t.login();
  const project = (await t.post('/api/projects', { name: 'P' })).body.project;
  const ids: number[] = [];
  for (const [name, headcount] of units) {
    const u = (await t.post('/api/units', { name, headcount })).body.unit;
    await t.put(`/api/projects/${project.id}/rollouts/${u.id}`, { goLiveDate: null });
    ids.push(u.id);
  }
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Ny adfærd' });
  return { t, project, ids };
}
