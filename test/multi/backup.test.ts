// `npm run backup` while the real server writes under load, then `npm run restore` into a fresh database: every
// answer acknowledged before the backup began is in the restored copy, and the copy is intact. SQLite in the
// sqlite project; pg_dump/pg_restore in the postgres project (TEST_DATABASE_URL; skipped loudly without it).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { seedOpenWave, startServer, submitUnderLoad } from '../support/serverProcess';
import { adminQuery, databaseUrl, TEST_DB_PREFIX, testEngine } from '../support/testDb';

const dir = mkdtempSync(join(tmpdir(), 'gs-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** As `npm run backup` / `npm run restore -- …` (asynchronous, so the load keeps running meanwhile). */
const cli = (script: 'backup' | 'restore', args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], { env: { ...process.env, LOAD_DEMO: 'false', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });

/** Runs the backup while `workers` keep submitting; returns the ids acknowledged before it began and the file. */
async function backupUnderLoad(database: string, env: Record<string, string>) {
  const { tokens, answers } = await seedOpenWave(database);
  const server = await startServer(database);
  const load = submitUnderLoad(server.baseUrl, tokens, answers, 12);
  while (load.acknowledged.length < 50) await new Promise((r) => setTimeout(r, 10));
  const before = [...load.acknowledged];
  const backupDir = join(dir, `backups-${Math.random().toString(36).slice(2)}`);
  const backup = await cli('backup', [], { ...env, BACKUP_DIR: backupDir });
  const after = load.acknowledged.length;
  await load.stop();
  expect(backup.code, backup.out).toBe(0);
  // The server kept acknowledging answers while the backup ran.
  expect(after).toBeGreaterThan(before.length);
  expect(load.others).toEqual([]);
  const [file] = readdirSync(backupDir);
  expect(backup.out).toContain(join(backupDir, file));
  expect(backup.out).toMatch(/\d+(\.\d)? (KB|MB)/);
  return { server, before, file: join(backupDir, file) };
}

describe.runIf(testEngine === 'sqlite')('backup and restore on SQLite', () => {
  it('backs up a running server under load and restores a copy with every earlier acknowledged answer', async () => {
    const live = join(dir, 'live.db');
    const { server, before, file } = await backupUnderLoad(live, { DATABASE_PATH: live });
    expect(file).toMatch(/gevinstspor-\d{4}-\d\d-\d\dT[\d-]+Z\.sqlite$/);

    // The database the server has open is never overwritten, not even with --force.
    const inUse = await cli('restore', [file, '--force'], { DATABASE_PATH: live });
    expect(inUse.code).toBe(2);
    expect(inUse.out).toMatch(/i brug/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // Stopped, it is still not replaced without --force.
    expect((await cli('restore', [file], { DATABASE_PATH: live })).code).toBe(2);

    const fresh = join(dir, 'restored', 'fresh.db');
    const restored = await cli('restore', [file, '--to', fresh], {});
    expect(restored.code, restored.out).toBe(0);
    const db = new Database(fresh, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const has = db.prepare('select 1 from responses where submission_id = ?');
    expect(before.filter((id) => !has.get(id))).toEqual([]);
    db.close();
    // The restored file serves: the server starts on it and is ready.
    const again = await startServer(fresh);
    expect((await fetch(`${again.baseUrl}/api/ready`)).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('refuses a file that is not an intact backup, and leaves the target alone', async () => {
    const broken = join(dir, 'broken.sqlite');
    writeFileSync(broken, 'SQLite format 3\0 but not really');
    const target = join(dir, 'untouched.db');
    const r = await cli('restore', [broken, '--to', target], {});
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/ikke en brugbar backup/);
    expect(readdirSync(dir)).not.toContain('untouched.db');
    // An SQLite file that is not Gevinstspor's.
    const foreign = join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('create table x (y)');
    f.close();
    expect((await cli('restore', [foreign, '--to', target], {})).code).toBe(2);
  });
});

describe.runIf(testEngine === 'postgres')('backup and restore on PostgreSQL', () => {
  it('pg_dump of a running server under load restores into a fresh database with every earlier acknowledged answer', async () => {
    const live = `${TEST_DB_PREFIX}backup_live_${process.pid}`;
    const fresh = `${TEST_DB_PREFIX}backup_fresh_${process.pid}`;
    await adminQuery(`create database "${live}"`);
    await adminQuery(`create database "${fresh}"`);
    const { server, before, file } = await backupUnderLoad(databaseUrl(live), { DATABASE_URL: databaseUrl(live) });
    expect(file).toMatch(/\.pgdump$/);
    // The live database has the server's connections: refused.
    expect((await cli('restore', [file, '--force', '--to', databaseUrl(live)], {})).code).toBe(2);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const restored = await cli('restore', [file, '--to', databaseUrl(fresh)], {});
    expect(restored.code, restored.out).toBe(0);
    // Now it has tables: again only with --force.
    expect((await cli('restore', [file, '--to', databaseUrl(fresh)], {})).code).toBe(2);
    expect((await cli('restore', [file, '--force', '--to', databaseUrl(fresh)], {})).code).toBe(0);
    const client = new pg.Client({ connectionString: databaseUrl(fresh) });
    await client.connect();
    const { rows } = await client.query<{ submission_id: string }>('select submission_id from responses where submission_id = any($1)', [before]);
    await client.end();
    expect(rows.length).toBe(before.length);
    const again = await startServer(databaseUrl(fresh));
    expect((await fetch(`${again.baseUrl}/api/ready`)).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
