// Several municipalities on one service: each host name reaches its own database, and nothing crosses over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { dispatchByHost, tenantFileSchema } from '../../server/tenants';
import { openTestDb } from '../support/testDb';

let dbs: Db[] = [];
let site: ReturnType<typeof dispatchByHost>;

const call = async (host: string, method: string, path: string, body?: unknown, cookie = '') => {
  const res = await site.request(`http://${host}${path}`, {
    method,
    headers: { host, cookie, 'sec-fetch-site': 'same-origin', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
};

beforeAll(async () => {
  dbs = [await openTestDb(), await openTestDb()];
  const passwordHash = await hashPassword('same-pass-1');
  // The same e-mail and password in both municipalities: still two unrelated accounts.
  for (const db of dbs) await db.insert(users).values({ email: 'admin@kommune.dk', name: 'Admin', passwordHash, role: 'admin' });
  site = dispatchByHost(
    new Map([
      ['aarhus.test', createApp({ db: dbs[0], config: { publicUrl: 'https://aarhus.test' } })],
      ['odense.test', createApp({ db: dbs[1], config: { publicUrl: 'https://odense.test' } })],
    ]),
  );
});

afterAll(async () => {
  await Promise.all(dbs.map((d) => d.close()));
});

describe('tenants by host name', () => {
  it('a session of one municipality is refused by the other, and data stays where it was made', async () => {
    const login = await call('aarhus.test', 'POST', '/api/auth/login', { email: 'admin@kommune.dk', password: 'same-pass-1' });
    expect(login.status).toBe(200);
    const created = await call('aarhus.test', 'POST', '/api/projects', { name: 'Kun i Aarhus' }, login.cookie);
    expect(created.status).toBe(201);

    expect((await call('odense.test', 'GET', '/api/auth/me', undefined, login.cookie)).status).toBe(401);
    expect((await call('odense.test', 'GET', '/api/projects', undefined, login.cookie)).status).toBe(401);

    const odense = await call('odense.test', 'POST', '/api/auth/login', { email: 'admin@kommune.dk', password: 'same-pass-1' });
    const list = await call('odense.test', 'GET', '/api/projects', undefined, odense.cookie);
    expect(list.status).toBe(200);
    expect(list.body.projects).toEqual([]);
    expect((await call('odense.test', 'GET', `/api/projects/${created.body.project.id}`, undefined, odense.cookie)).status).toBe(404);
  });

  it('an unknown host is refused, never sent to a default municipality', async () => {
    const res = await call('evil.test', 'POST', '/api/auth/login', { email: 'admin@kommune.dk', password: 'same-pass-1' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_tenant');
  });

  it('the tenant file refuses a host listed twice and two tenants on one database', () => {
    const t = (id: string, host: string, db: string) => ({ id, hosts: [host], databaseUrl: `postgres://x@h/${db}` });
    expect(tenantFileSchema.safeParse({ tenants: [t('a', 'x.dk', 'a'), t('b', 'x.dk', 'b')] }).success).toBe(false);
    expect(tenantFileSchema.safeParse({ tenants: [t('a', 'x.dk', 'a'), t('b', 'y.dk', 'a')] }).success).toBe(false);
    expect(tenantFileSchema.safeParse({ tenants: [t('a', 'x.dk', 'a'), t('b', 'y.dk', 'b')] }).success).toBe(true);
    expect(tenantFileSchema.safeParse({ tenants: [{ id: 'a', hosts: ['x.dk'], databaseUrl: './local.db' }] }).success).toBe(false);
  });
});
