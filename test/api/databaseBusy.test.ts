// A SQLite file locked by another connection (a backup, the sqlite3 shell, a second instance): waiting for the
// lock must never stop the event loop, a request that cannot get it answers 503 database_busy with Retry-After
// and stores nothing, and the same submission sent again once the lock is gone is stored exactly once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client';
import { users } from '../../db/schema';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { seedOpenWave } from '../support/serverProcess';
import { testEngine } from '../support/testDb';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const LOGIN = { email: 'busy@test.dk', password: 'busy-pass-123' };

/** An app on a fresh file database with one open wave, and a second connection that can take the write lock. */
async function lockedSetup(busyWaitMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gs-busy-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'app.db');
  const { tokens, answers } = await seedOpenWave(file, 2);
  const db: Db = await openDb(file, { busyWaitMs });
  cleanup.push(() => db.close());
  await db.insert(users).values({ email: LOGIN.email, name: 'Busy', passwordHash: await hashPassword(LOGIN.password), role: 'admin' });
  const app = createApp({ db, config: { publicUrl: 'http://test.local' } });
  const other = new Database(file);
  other.pragma('busy_timeout = 0');
  cleanup.push(() => (other.inTransaction && other.exec('ROLLBACK'), other.close()));
  const request = async (method: string, path: string, body?: unknown) =>
    app.request(path, { method, headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const submit = (submissionId: string) => request('POST', `/api/s/${tokens[0]}/responses`, { submissionId, answers, locale: 'da' });
  const stored = (submissionId: string) => (other.prepare('select count(*) from responses where submission_id = ?').pluck().get(submissionId) as number);
  const count = (table: string) => other.prepare(`select count(*) from ${table}`).pluck().get() as number;
  return { other, request, submit, stored, count };
}

/** Settles in the order things happened: the names are pushed as each promise settles. */
function recorder() {
  const order: string[] = [];
  const track = <T>(name: string, p: Promise<T>) => p.finally(() => order.push(name));
  return { order, track };
}

describe.skipIf(testEngine !== 'sqlite')('a database locked by another connection', () => {
  it('keeps serving while a submission and a login wait, then answers them 503 with Retry-After and stores nothing', async () => {
    const t = await lockedSetup(300);
    t.other.exec('BEGIN IMMEDIATE');
    const { order, track } = recorder();
    const id = randomUUID();
    const submission = track('submission', t.submit(id));
    const login = track('login', t.request('POST', '/api/auth/login', LOGIN));
    // Started after both: answered first, so neither of them held the event loop while waiting for the lock.
    const timer = track('timer', new Promise((resolve) => setTimeout(resolve, 0)));
    const health = track('health', t.request('GET', '/api/health'));
    const [sub, log, , h] = await Promise.all([submission, login, timer, health]);
    expect(h.status).toBe(200);
    expect(order.indexOf('timer')).toBeLessThan(order.indexOf('submission'));
    expect(order.indexOf('health')).toBeLessThan(order.indexOf('submission'));
    expect(order.indexOf('health')).toBeLessThan(order.indexOf('login'));
    for (const res of [sub, log]) {
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('database_busy');
    }
    expect(t.stored(id)).toBe(0);
    expect(t.count('sessions')).toBe(0);

    // Once the lock is gone, the page's retry with the same id is stored, and only once.
    t.other.exec('COMMIT');
    expect((await t.submit(id)).status).toBe(201);
    const again = await t.submit(id);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(t.stored(id)).toBe(1);
    expect((await t.request('POST', '/api/auth/login', LOGIN)).status).toBe(200);
  });

  it('stores a submission that was waiting when the lock is released, exactly once', async () => {
    // A wait far longer than the test: the submission can only finish because the lock went away.
    const t = await lockedSetup(60_000);
    t.other.exec('BEGIN IMMEDIATE');
    let settled = false;
    const id = randomUUID();
    const submission = t.submit(id).finally(() => (settled = true));
    expect((await t.request('GET', '/api/health')).status).toBe(200);
    expect(settled).toBe(false);
    t.other.exec('COMMIT');
    expect((await submission).status).toBe(201);
    expect(t.stored(id)).toBe(1);
    expect(t.count('respondent_tallies')).toBeGreaterThan(0);
  });
});
