// The request and error log holds no personal data: a staff link's token, a poster's short code, an e-mail from a
// login, a session cookie and a submission's answers never reach it — but every request does, as its route pattern.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { createLogger, errorFields } from '../../server/http/logging';
import { answersFor } from '../support/answers';
import { clientFor } from '../support/api';
import { openTestDb } from '../support/testDb';

const EMAIL = 'kirsten.sekretariat@kommune.dk';
const PASSWORD = 'hemmelig-kode-1';
const FREE_TEXT = 'Min leder Jens Hansen råber ad os';

async function loggedApp() {
  const db = await openTestDb();
  await db.insert(users).values({ email: EMAIL, name: 'Kirsten', passwordHash: await hashPassword(PASSWORD), role: 'admin' });
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', format: 'json', write: (l) => lines.push(l) });
  const app = createApp({ db, config: { publicUrl: 'http://test.local' }, log });
  return { db, lines, ...clientFor(app) };
}

describe('structured logs', () => {
  it('log every request by its route pattern, and none of the tokens, codes, e-mails, cookies or answers', async () => {
    const t = await loggedApp();
    expect((await t.post('/api/auth/login', { email: EMAIL, password: 'wrong-password' })).status).toBe(401);
    const login = await t.post('/api/auth/login', { email: EMAIL, password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0].split('=')[1];
    const project = (await t.post('/api/projects', { name: 'Logprojekt' })).body.project;
    const unit = (await t.post('/api/units', { name: 'Enhed', headcount: 20 })).body.unit;
    await t.put(`/api/projects/${project.id}/rollouts/${unit.id}`, { goLiveDate: '2026-01-15' });
    await t.post(`/api/projects/${project.id}/behaviours`, { title: 'Bruger systemet', oldBehaviour: 'Papir' });
    const wave = (await t.post(`/api/projects/${project.id}/waves`, { name: 'Måling', phase: 'baseline' })).body.wave;
    expect((await t.post(`/api/waves/${wave.id}/open`)).status).toBe(200);
    const [link] = (await t.get(`/api/waves/${wave.id}/links`)).body.links as { token: string; shortCode: string }[];
    const version = (await t.get(`/api/projects/${project.id}/survey/preview?phase=baseline`)).body;

    t.logout();
    expect((await t.get(`/api/k/${link.shortCode}`)).status).toBe(200);
    expect((await t.get(`/api/s/${link.token}`)).status).toBe(200);
    const submissionId = randomUUID();
    const answers = { ...answersFor(version.itemMap, () => 4), [version.itemMap.items.find((i: { type: string }) => i.type === 'text')?.question ?? 'fritekst']: FREE_TEXT };
    const submitted = await t.post(`/api/s/${link.token}/responses`, { submissionId, answers, locale: 'da' });
    expect(submitted.status).toBe(201);
    // A refused body is logged as a 400 without its content.
    expect((await t.post(`/api/s/${link.token}/responses`, { submissionId: EMAIL, answers: { x: EMAIL } })).status).toBe(400);

    const entries = t.lines.map((l) => JSON.parse(l));
    const routes = entries.filter((e) => e.msg === 'request').map((e) => `${e.method} ${e.route} ${e.status}`);
    expect(routes).toContain('POST /api/auth/login 401');
    expect(routes).toContain('POST /api/s/:token/responses 201');
    expect(routes).toContain('POST /api/s/:token/responses 400');
    expect(routes).toContain('GET /api/k/:code 200');
    expect(routes).toContain('GET /api/s/:token 200');
    // Each line carries its request's id, which the answer also sends back.
    const submitLine = entries.find((e) => e.route === '/api/s/:token/responses' && e.status === 201);
    expect(submitLine.requestId).toBe(submitted.headers.get('x-request-id'));
    expect(typeof submitLine.ms).toBe('number');
    expect(new Date(submitLine.time).getTime()).not.toBeNaN();

    const all = t.lines.join('\n');
    const code = link.shortCode.replace('-', '');
    for (const secret of [link.token, link.shortCode, code, EMAIL, 'kirsten', PASSWORD, cookie, submissionId, FREE_TEXT, 'Jens']) expect(all).not.toContain(secret);
  });

  it('log an unhandled error as name and stack frames, without the request path or the error message', async () => {
    const t = await loggedApp();
    const token = 'tokenthatmustnotbelogged1234';
    // A closed database makes every request fail deep inside: the kind of error whose message may quote values.
    await t.db.close();
    const res = await t.post(`/api/s/${token}/responses`, { submissionId: randomUUID(), answers: { q: EMAIL } });
    expect(res.status).toBe(500);
    const errors = t.lines.map((l) => JSON.parse(l)).filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].msg).toBe('unhandled_error');
    expect(errors[0].requestId).toBe(res.headers.get('x-request-id'));
    expect(errors[0].error.stack.length).toBeGreaterThan(0);
    expect(errors[0].error.stack.every((f: string) => f.startsWith('at '))).toBe(true);
    expect(t.lines.join('\n')).not.toContain(token);
    expect(t.lines.join('\n')).not.toContain(EMAIL);
  });

  it('keep an error\'s name, code and frames but drop its message and its causes\' messages', () => {
    const cause = Object.assign(new Error(`UNIQUE constraint failed: ${EMAIL}`), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    const err = new Error(`Failed query: insert into users values (?)\nparams: ${EMAIL}`, { cause });
    const fields = errorFields(err);
    expect(fields.error.name).toBe('Error');
    expect(fields.error.cause).toEqual([{ name: 'Error', code: 'SQLITE_CONSTRAINT_UNIQUE' }]);
    expect(fields.error.stack.length).toBeGreaterThan(0);
    expect(JSON.stringify(fields)).not.toContain(EMAIL);
    expect(JSON.stringify(fields)).not.toContain('params');
    // A code that is not a short constant could be a value.
    expect(errorFields(Object.assign(new Error('x'), { code: EMAIL })).error.code).toBeUndefined();
  });

  it('write nothing below the configured level, and readable lines in the pretty format', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', format: 'pretty', write: (l) => lines.push(l) });
    log.info('request', { method: 'GET', route: '/api/health', status: 200, ms: 1, requestId: 'r1' });
    log.warn('request', { method: 'GET', route: '/api/ready', status: 503, ms: 2, requestId: 'r2' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN {2}request GET \/api\/ready 503 2ms id=r2$/);
  });

  it('write stdout a turn at a time, in order, and lose no line when the process exits in the same turn', () => {
    // A child process logs 200 lines and exits at once: the batch still pending is written before it ends.
    const script = `import { createLogger } from './server/http/logging.ts';
const log = createLogger({ level: 'info', format: 'json' });
for (let i = 0; i < 200; i++) log.info('line', { i });
process.exit(0);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { i: number });
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});
