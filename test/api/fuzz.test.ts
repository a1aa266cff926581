// Every route, as the secretariat and as anonymous, given hostile input: wrong types, huge and deeply nested
// bodies, invalid UTF-8, SQL and script fragments, wrong content types. Only 4xx may come back (never 5xx), and
// no table changes (rate-limit counts, sessions and the audit log aside). Runs in seconds: one app, one fixture.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { routeAccess } from '../../server/http/access';
import { answersFor } from '../support/answers';
import { ADMIN, testApp } from '../support/api';
import { testEngine } from '../support/testDb';

const IGNORED_TABLES = new Set(['rate_limit_hits', 'sessions', 'audit_log', '__drizzle_migrations']);
const FRAGMENTS = ["' OR 1=1--", '"; DROP TABLE users; --', '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '%00'];

const json = (v: unknown) => ({ type: 'application/json', body: JSON.stringify(v) as BodyInit });
const BODIES: { name: string; type?: string; body: BodyInit }[] = [
  { name: 'array', ...json([1, 2, 3]) },
  { name: 'string', ...json('x') },
  { name: 'number', ...json(42) },
  { name: 'null', ...json(null) },
  { name: 'wrong field types', ...json({ name: 123, title: [], unitIds: 'all', email: {}, version: 'x', answers: 7, submissionId: 1, spec: 'x' }) },
  { name: 'sql and script keys', ...json(Object.fromEntries(FRAGMENTS.map((f, i) => [f, i]))) },
  { name: 'sql and script values', ...json({ name: FRAGMENTS[0], title: FRAGMENTS[1], description: FRAGMENTS[2], unknownField: FRAGMENTS[3] }) },
  { name: 'huge', ...json({ name: 'x'.repeat(700 * 1024) }) },
  { name: 'deep', type: 'application/json', body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  { name: 'deep object', type: 'application/json', body: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}` },
  { name: 'broken json', type: 'application/json', body: '{"name": "x",' },
  { name: 'invalid utf-8', type: 'application/json', body: new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { name: 'lone surrogate', type: 'application/json', body: '{"name":"\\udc00"}' },
  { name: 'text/plain', type: 'text/plain', body: FRAGMENTS.join('\n') },
  { name: 'form', type: 'application/x-www-form-urlencoded', body: 'name=%27%20OR%201%3D1--&title=x' },
  { name: 'xml', type: 'application/xml', body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
  { name: 'csv junk', type: 'text/csv', body: new Uint8Array([0xff, 0x00, 0x3b, 0x0a, 0xfe]) },
];
const QUERIES = ['', `?phase=${encodeURIComponent(FRAGMENTS[0])}&includeRetired=maybe&from=2020-13-45&waveId=-1&unitIds=a,b`, `?x=${'y'.repeat(10_000)}`];

async function fixture() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Fuzz' })).body.project;
  const unit = (await t.post('/api/units', { name: 'Enhed', headcount: 10 })).body.unit;
  await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Adfærd' });
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Måling', phase: 'baseline', closesOn: '2099-03-01' })).body.wave;
  expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
  const [link] = (await t.get(`/api/waves/${wave.id}/links`)).body.links;
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  expect((await t.post(`/api/s/${link.token}/responses`, { submissionId: randomUUID(), answers: answersFor(itemMap) })).status).toBe(201);
  return { ...t, link };
}

async function dump(db: Awaited<ReturnType<typeof testApp>>['db']) {
  const connection = db.sqlite!.connection;
  const tables = connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  // Rows sorted as text: a table without rowid (response_values) has no order of insertion to sort by.
  const rows = (table: string) => connection.prepare(`SELECT * FROM "${table}"`).all().map((r) => JSON.stringify(r)).sort();
  return Object.fromEntries(tables.filter((t) => !IGNORED_TABLES.has(t.name)).map((t) => [t.name, rows(t.name)]));
}

describe.skipIf(testEngine !== 'sqlite')('fuzzing every route', () => {
  it('answers hostile input with 4xx only, as admin and anonymous, and changes nothing', async () => {
    const t = await fixture();
    const login = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const adminCookie = login.headers.get('set-cookie')!.split(';')[0];
    const routes = routeAccess(t.app);
    expect(routes.length).toBeGreaterThan(50);
    const before = await dump(t.db);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => (name === 'token' ? t.link.token : name === 'code' ? t.link.shortCode : '1'));
      for (const cookie of [adminCookie, undefined]) {
        const headers = (type?: string): Record<string, string> => ({ 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}), ...(type ? { 'content-type': type } : {}) });
        const requests: { label: string; init: RequestInit; url: string }[] =
          route.method === 'GET'
            ? QUERIES.map((q) => ({ label: `query ${q.slice(0, 30)}`, url: path + q, init: { method: 'GET', headers: headers() } }))
            : BODIES.map((b) => ({ label: b.name, url: path, init: { method: route.method, headers: headers(b.type), body: b.body } }));
        for (const { label, url, init } of requests) {
          const res = await t.app.request(url, init);
          sent++;
          const ok = res.status >= 400 && res.status < 500 ? true : route.method === 'GET' && res.status < 400;
          if (!ok) failures.push(`${route.method} ${route.path} (${cookie ? 'admin' : 'anonymous'}, ${label}): ${res.status} ${(await res.text()).slice(0, 120)}`);
          else await res.body?.cancel();
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
    expect(await dump(t.db)).toEqual(before);
  });
});
