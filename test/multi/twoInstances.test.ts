// Two real server processes over one PostgreSQL database, as a shared service runs behind a load balancer:
// nothing a request relies on may live in one process's memory.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemMap } from '../../surveys/types';
import { answersFor } from '../support/answers';
import { startApp, type RunningApp } from '../support/server';
import { adminQuery, databaseUrl, TEST_DB_PREFIX } from '../support/testDb';

const dbName = `${TEST_DB_PREFIX}two_instances_${process.pid}`;
let a: RunningApp;
let b: RunningApp;

const post = (app: RunningApp, path: string, body: unknown, cookie = '') =>
  fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', cookie }, body: JSON.stringify(body) });

beforeAll(async () => {
  await adminQuery(`create database "${dbName}"`);
  // One RATE_LIMIT_KEY for both, as the docs require: the limits' hashed keys must match across instances.
  const env = { DATABASE_URL: databaseUrl(dbName), LOAD_DEMO: 'true', RATE_LIMIT_KEY: 'two-instances-test-key-0123456789' };
  // Both start together: migrations and the demo load must cope with a second instance doing the same.
  [a, b] = await Promise.all([startApp(env), startApp(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('two app instances over one PostgreSQL', () => {
  it('a login on one instance is valid on the other', async () => {
    const login = await post(a, '/api/auth/login', { email: 'sekretariat@demo.dk', password: 'gevinst-demo' });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const me = await fetch(`${b.baseUrl}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe('sekretariat@demo.dk');
    const projects = await fetch(`${b.baseUrl}/api/projects`, { headers: { cookie } });
    expect(projects.status).toBe(200);
  });

  it('the login limit counts attempts on both instances together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await post(i % 2 ? b : a, '/api/auth/login', { email: 'leder@demo.dk', password: `wrong-${i}` })).status);
    // 20 wrong passwords per client network per window, whichever instance answers; then that network waits.
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  }, 60_000);

  it('a retried submission sent to both instances at once is stored once', async () => {
    const token = new URL(a.openLink()).pathname.split('/').pop()!;
    const client = new pg.Client({ connectionString: databaseUrl(dbName) });
    await client.connect();
    const { rows: [version] } = await client.query(
      'select v.item_map from wave_links l join waves w on w.id = l.wave_id join survey_versions v on v.id = w.survey_version_id where l.token = $1',
      [token],
    );
    const submissionId = crypto.randomUUID();
    const body = { submissionId, answers: answersFor(JSON.parse(version.item_map as string) as ItemMap), locale: 'da' };
    const [r1, r2] = await Promise.all([post(a, `/api/s/${token}/responses`, body), post(b, `/api/s/${token}/responses`, body)]);
    expect([r1.status, r2.status].sort()).toEqual([200, 201]);
    const { rows } = await client.query('select count(*)::int as n from responses where submission_id = $1', [submissionId]);
    await client.end();
    expect(rows[0].n).toBe(1);
  });
});
