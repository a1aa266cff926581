// Writes that a browser could be tricked into sending from another site, bodies that are not what they claim,
// and fields the API does not know: refused with our error shape, and nothing stored.
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transaction, type Db } from '../../db/client';
import { rateLimitHits, responses } from '../../db/schema';
import { createApp } from '../../server/app';
import { networkOf } from '../../server/http/rateLimit';
import { BufferedHitCounter, DatabaseHitCounter, MemoryHitCounter } from '../../server/services/hitCounters';
import { answersFor } from '../support/answers';
import { ADMIN, clientFor, expectError, testApp } from '../support/api';
import { testEngine } from '../support/testDb';

/** SQLite's transactions commit in FIFO order: once an empty one has run, every write queued before it is stored. */
const written = (db: Db) => transaction(db, async () => undefined);

async function withProject() {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Hærdning' })).body.project;
  return { ...t, project };
}

/** A request carrying the admin's session cookie, with headers of our choosing. */
async function raw(t: Awaited<ReturnType<typeof withProject>>, method: string, path: string, headers: Record<string, string>, body?: string) {
  const login = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email: 'admin@test.dk', password: 'admin-pass-1' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const res = await t.app.request(path, { method, headers: { cookie, ...headers }, body });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('writes from another site', () => {
  it('refuses a cross-site JSON write, whatever the content type, and stores nothing', async () => {
    const t = await withProject();
    const path = `/api/projects/${t.project.id}`;
    const crossSite: Record<string, string>[] = [
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSite) {
      expectError(await raw(t, 'PATCH', path, headers, JSON.stringify({ name: 'Overtaget' })), 403, 'forbidden_origin');
    }
    expectError(await raw(t, 'POST', '/api/units/import/commit', { 'content-type': 'text/csv', origin: 'https://evil.example' }, 'id;navn\nX1;EVIL'), 403, 'forbidden_origin');
    expect((await t.get(path)).body.project.name).toBe('Hærdning');
    expect((await t.get('/api/units')).body.units).toEqual([]);
  });

  it('lets our own pages and scripts without a browser write', async () => {
    const t = await withProject();
    const path = `/api/projects/${t.project.id}`;
    expect((await raw(t, 'PATCH', path, { 'content-type': 'application/json', origin: 'http://localhost' }, JSON.stringify({ name: 'Egen side', version: 1 }))).status).toBe(200);
    expect((await raw(t, 'PATCH', path, { 'content-type': 'application/json' }, JSON.stringify({ name: 'Script', version: 2 }))).status).toBe(200);
    expect((await t.get(path)).body.project.name).toBe('Script');
  });
});

describe('bodies the API does not understand', () => {
  it('answers 415 to a JSON route given another content type, instead of quietly doing nothing', async () => {
    const t = await withProject();
    const path = `/api/projects/${t.project.id}`;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', ...(type ? { 'content-type': type } : {}) };
      expectError(await raw(t, 'PATCH', path, headers, JSON.stringify({ name: 'X' })), 415, 'unsupported_media_type');
    }
    expect((await raw(t, 'PATCH', path, { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ name: 'Y', version: 1 }))).status).toBe(200);
  });

  it('refuses unknown fields, so a typo or a smuggled id is never silently dropped', async () => {
    const t = await withProject();
    for (const body of [{ name: 'Ny', id: 999 }, { name: 'Ny', archivedAt: '2020-01-01' }, { name: 'Ny', stauts: 'udrulning' }]) {
      const res = await t.post('/api/projects', body);
      expectError(res, 400, 'invalid_input');
      expect(res.body.error.details[0].code).toBe('unrecognized_keys');
    }
    expectError(await t.patch(`/api/projects/${t.project.id}`, { nmae: 'Tastefejl' }), 400, 'invalid_input');
    expectError(await t.post(`/api/projects/${t.project.id}/behaviours`, { title: 'Læser selv', isPrimray: true }), 400, 'invalid_input');
    expect((await t.get('/api/projects')).body.projects.map((p: { name: string }) => p.name)).toEqual(['Hærdning']);
  });

  it('calls a unit that does not exist "not in the project", not "retired"', async () => {
    const t = await withProject();
    expectError(await t.post(`/api/projects/${t.project.id}/waves`, { name: 'Måling', phase: 'baseline', unitIds: [99999] }), 400, 'unit_not_in_project');
  });
});

// ---- Rate limits, strict input and headers (issue 11) ----

/** The app as seen from one client network: the socket's peer address is `ip` (as @hono/node-server passes it). */
const from = (app: { request: (p: string, i?: RequestInit, env?: unknown) => Response | Promise<Response> }, ip: string) => ({
  request: (p: string, i?: RequestInit) => app.request(p, i, { incoming: { socket: { remoteAddress: ip } } }),
});

async function surveyLink(headcount = 10) {
  const t = await testApp();
  await t.login();
  const project = (await t.post('/api/projects', { name: 'Links' })).body.project;
  const unit = (await t.post('/api/units', { name: 'Køkkenet', headcount })).body.unit;
  await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: null });
  await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Læser selv status' });
  const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Måling', phase: 'baseline', closesOn: '2099-03-01' })).body.wave;
  expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
  const [link] = (await t.get(`/api/waves/${wave.id}/links`)).body.links;
  const itemMap = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body.itemMap;
  const valid = () => ({ submissionId: randomUUID(), answers: answersFor(itemMap), locale: 'da' });
  const stored = async () => Number((await t.db.select({ n: count() }).from(responses))[0].n);
  return { ...t, link, valid, stored };
}

describe('rate-limit keys stay bounded', () => {
  it('hostile logins with huge e-mails and random tokens leave only short hashed keys, no raw e-mail or token', async () => {
    const t = await testApp();
    const guesser = clientFor(t.app);
    const huge = `${'a'.repeat(300_000)}@x.dk`;
    for (let i = 0; i < 20; i++) {
      const res = await guesser.post('/api/auth/login', { email: huge, password: 'x' });
      expect([400, 413]).toContain(res.status);
    }
    for (let i = 0; i < 30; i++) await guesser.post('/api/auth/login', { email: `nobody${i}@x.dk`, password: 'wrong-password' });
    for (let i = 0; i < 30; i++) await guesser.post(`/api/s/${'Z'.repeat(20)}${i}/responses`, { submissionId: randomUUID(), answers: {} });
    await written(t.db);
    const rows = await t.db.select().from(rateLimitHits);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.key.length).toBeLessThanOrEqual(48);
      expect(r.key).not.toMatch(/@|nobody|ZZZZ/);
    }
    // An account key per valid e-mail tried, until the client's 20 failures are spent (then nothing is counted);
    // none for the oversized e-mails.
    expect(rows.filter((r) => r.key.startsWith('login-account:'))).toHaveLength(20);
  });

  it('the database store prunes ended windows and caps its rows; the memory one caps its keys', async () => {
    const t = await testApp();
    const counter = new DatabaseHitCounter(t.db, 100);
    const start = Date.parse('2026-03-02T10:00:00Z');
    for (let i = 0; i < 300; i++) await counter.hit(`k:${i}`, 60_000, start);
    await counter.prune(start);
    expect((await t.db.select().from(rateLimitHits)).length).toBeLessThanOrEqual(100);
    await counter.prune(start + 2 * 3600_000);
    expect(await t.db.select().from(rateLimitHits)).toEqual([]);
    const memory = new MemoryHitCounter(50);
    for (let i = 0; i < 500; i++) await memory.hit(`k:${i}`, 60_000, start);
    expect(memory.size).toBe(50);
  });

  it.skipIf(testEngine !== 'sqlite')('the SQLite store counts at once in memory, writes each key once per group commit, and sees another instance', async () => {
    const t = await testApp();
    const start = Date.parse('2026-03-02T10:00:00Z');
    const one = new BufferedHitCounter(t.db, 100);
    const commits = t.db.sqlite!.lock.commits;
    const counts = await Promise.all(Array.from({ length: 10 }, () => one.hit('k:a', 60_000, start)));
    expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await one.hit('k:a', 60_000, start, -1)).toBe(9);
    await written(t.db);
    expect(await t.db.select({ key: rateLimitHits.key, count: rateLimitHits.count }).from(rateLimitHits)).toEqual([{ key: 'k:a', count: 9 }]);
    // Ten hits and a refund in a few writes, not one commit each.
    expect(t.db.sqlite!.lock.commits - commits).toBeLessThanOrEqual(3);
    // A second instance over the same database starts from the stored count; the first sees its hits once it writes.
    const other = new BufferedHitCounter(t.db, 100);
    expect(await other.hit('k:a', 60_000, start)).toBe(10);
    await written(t.db);
    expect(await one.hit('k:a', 60_000, start)).toBe(10);
    await written(t.db);
    expect(await one.hit('k:a', 60_000, start, 0)).toBe(11);
    // A new window starts from nothing; memory stays within its cap.
    expect(await one.hit('k:a', 60_000, start + 60_000)).toBe(1);
    for (let i = 0; i < 300; i++) await one.hit(`k:${i}`, 60_000, start + 60_000);
    await written(t.db);
    await one.hit('k:last', 60_000, start + 60_000);
    expect(one.size).toBeLessThanOrEqual(101);
  });

  it('keys are HMACs of what they count: fixed length, and the same address or /64 gives the same key', () => {
    expect(networkOf('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe(networkOf('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(networkOf('2001:db8:1:3::1')).not.toBe(networkOf('2001:db8:1:2::1'));
    expect(networkOf('not an address')).toBe('invalid');
  });
});

describe("a staff link's limit cannot be spent by someone else", () => {
  it('300 malformed posts from one network: nothing stored, that network waits, the unit still answers', async () => {
    const t = await surveyLink();
    const attacker = clientFor(from(t.app, '203.0.113.9'));
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) statuses.add((await attacker.post(`/api/s/${t.link.token}/responses`, { submissionId: 'nope', answers: 7 })).status);
    expect([...statuses].sort()).toEqual([400, 429]);
    expect(await t.stored()).toBe(0);
    const staff = clientFor(from(t.app, '198.51.100.20'));
    expect((await staff.post(`/api/s/${t.link.token}/responses`, t.valid())).status).toBe(201);
    expect(await t.stored()).toBe(1);
  });

  it('stored answers are capped per network (from the headcount) and per link, counting only what was stored', async () => {
    const t = await surveyLink(10);
    const one = clientFor(from(t.app, '203.0.113.10'));
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await one.post(`/api/s/${t.link.token}/responses`, t.valid())).status;
    // 30 (the floor; headcount 10 is below it) stored from one network, the 31st refused.
    expect(last).toBe(429);
    expect(await t.stored()).toBe(30);
    expect((await clientFor(from(t.app, '203.0.113.11')).post(`/api/s/${t.link.token}/responses`, t.valid())).status).toBe(201);
  });

  it('above the floor the budget follows the unit\'s headcount: 40 staff, 40 stored from one network', async () => {
    const t = await surveyLink(40);
    const one = clientFor(from(t.app, '203.0.113.12'));
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await one.post(`/api/s/${t.link.token}/responses`, t.valid())).status);
    expect(statuses.slice(0, 40).every((s) => s === 201)).toBe(true);
    expect(statuses[40]).toBe(429);
    expect(await t.stored()).toBe(40);
  });
});

describe('login failures slow the guesser, not the account', () => {
  it('after 20 wrong passwords from one network it waits; the right password from another network still logs in', async () => {
    const t = await testApp();
    const delays: number[] = [];
    const app = createApp({ db: t.db, config: { publicUrl: 'http://test.local' }, loginDelay: async (ms) => void delays.push(ms) });
    const guesser = clientFor(from(app, '203.0.113.7'));
    const seen: number[] = [];
    for (let i = 0; i < 25; i++) seen.push((await guesser.post('/api/auth/login', { email: ADMIN.email, password: `guess-${i}` })).status);
    expect(seen).toEqual([...Array(20).fill(401), ...Array(5).fill(429)]);
    // The account itself is never refused: from the office, the right password works (a little later).
    const owner = clientFor(from(app, '198.51.100.1'));
    expect((await owner.post('/api/auth/login', ADMIN)).status).toBe(200);
    expect(delays.length).toBeGreaterThan(0);
    // A successful login is not a failure: the office's budget is untouched.
    for (let i = 0; i < 5; i++) expect((await owner.post('/api/auth/login', ADMIN)).status).toBe(200);
  });

  it('the login body is small: a few KB at most', async () => {
    const t = await testApp();
    expectError(await clientFor(t.app).post('/api/auth/login', { email: 'a@b.dk', password: 'x'.repeat(10_000) }), 413, 'payload_too_large');
  });
});

describe('strict input', () => {
  it('a PATCH with nothing to change is 400, not 500', async () => {
    const t = await surveyLink();
    const project = (await t.get('/api/projects')).body.projects[0];
    const wave = (await t.get(`/api/projects/${project.id}/waves`)).body.waves[0];
    const res = await t.patch(`/api/waves/${wave.id}`, {});
    expect(res.status).toBe(400);
    expectError(await t.patch(`/api/projects/${project.id}`, {}), 400, 'invalid_input');
  });

  it('broken JSON is 400 invalid_json, a wrong type 415, a body on an action that takes none 400: nothing changes', async () => {
    const t = await withProject();
    const unit = (await t.post('/api/units', { name: 'Afdeling' })).body.unit;
    const retire = `/api/units/${unit.id}/retire`;
    expectError(await raw(t, 'POST', retire, { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, '{"withDescendants":'), 400, 'invalid_json');
    expectError(await raw(t, 'POST', retire, { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, ''), 400, 'invalid_json');
    expectError(await raw(t, 'POST', retire, { 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }, '{}'), 415, 'unsupported_media_type');
    expectError(await raw(t, 'POST', retire, { 'sec-fetch-site': 'same-origin' }), 415, 'unsupported_media_type');
    expect((await t.get(`/api/units/${unit.id}`)).body.unit.retiredAt).toBeNull();
    expectError(await raw(t, 'POST', '/api/auth/logout', { 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }, 'junk'), 400, 'unexpected_body');
    expect((await t.get('/api/auth/me')).status).toBe(200);
  });

  it('invalid UTF-8, lone surrogates (raw or escaped) and deep nesting are refused with 400', async () => {
    const t = await withProject();
    const path = `/api/projects/${t.project.id}`;
    const json = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
    const latin1 = new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe6, 0x22, 0x7d]); // {"name":"<0xE6>"}
    const login = await t.app.request('/api/auth/login', { method: 'POST', headers: json, body: JSON.stringify(ADMIN) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const bad = await t.app.request(path, { method: 'PATCH', headers: { ...json, cookie }, body: latin1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_utf8');
    expectError(await raw(t, 'PATCH', path, json, '{"name":"A\\ud800B","version":1}'), 400, 'invalid_text');
    expectError(await raw(t, 'PATCH', path, json, `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`), 400, 'too_deep');
    expect((await t.get(path)).body.project.name).toBe('Hærdning');
  });

  it('names refuse bidi overrides, zero-width characters, NUL and line breaks; they are stored as NFC', async () => {
    const t = await withProject();
    for (const name of ['Pleje\u202Ecenter', 'Pleje\u200Bcenter', 'Pleje\u2066c', 'Ple\uFEFFje', 'Pleje\u0000', 'Pleje\r\nCenter', 'Pleje\ncenter']) {
      expectError(await t.post('/api/units', { name }), 400, 'invalid_input');
    }
    const decomposed = 'Hjemmepleje Ø\u0301st'.normalize('NFD');
    const unit = (await t.post('/api/units', { name: decomposed })).body.unit;
    expect(unit.name).toBe(decomposed.normalize('NFC'));
    expect((await t.get('/api/units')).body.units.map((u: { name: string }) => u.name)).toEqual([decomposed.normalize('NFC')]);
    // A description may span lines (CRLF kept as LF), but not hide characters.
    const behaviour = await t.post(`/api/projects/${t.project.id}/behaviours`, { title: 'B', description: 'Linje 1\r\nLinje 2' });
    expect(behaviour.body.behaviour.description).toBe('Linje 1\nLinje 2');
    expectError(await t.post(`/api/projects/${t.project.id}/behaviours`, { title: 'C', description: 'skjult\u200Dtekst' }), 400, 'invalid_input');
  });

  it('an unknown /api path is a JSON 404', async () => {
    const t = await testApp();
    for (const path of ['/api/nope', '/api/projects/1/nope/2']) expectError(await t.get(path), 404, 'not_found');
  });
});

describe('security headers', () => {
  it('a CSP without unsafe-eval, framing refused; HSTS only over HTTPS', async () => {
    const t = await testApp();
    const res = await t.app.request('/api/health');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(csp).toContain(d);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const https = await testApp({ publicUrl: 'https://gevinstspor.kommune.dk' });
    expect((await https.app.request('/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const proxied = await testApp({ trustProxy: 1 });
    expect((await proxied.app.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/max-age/);
    expect((await t.app.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the body size limit (512 KB)', () => {
  const big = JSON.stringify({ title: 'x'.repeat(600 * 1024) });
  it('refuses a declared Content-Length over the limit before reading the body, and a chunked body as it streams', async () => {
    const t = await testApp();
    // Anonymous on purpose: the size is refused before anything else reads the request.
    const declared: Record<string, string>[] = [{ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) }, { 'content-type': 'application/json' }];
    for (const headers of declared) {
      const res = await t.app.request('/api/projects', { method: 'POST', headers, body: big });
      expectError({ status: res.status, body: await res.json() }, 413, 'payload_too_large');
    }
  });

  it('a declared length within the limit passes on to the route', async () => {
    const t = await testApp();
    const body = JSON.stringify({ email: 'nobody@x.dk', password: 'wrong-password' });
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body });
    expect(res.status).toBe(401);
  });
});
