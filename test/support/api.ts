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

export function clientFor(app: AppLike) {
  let cookie = '';
  const call = async (method: string, path: string, body?: unknown, raw?: string) => {
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
