// Backups and restores of a Gevinstspor database, used by `npm run backup` and `npm run restore` (server/cli/backup.ts,
// server/cli/restore.ts). SQLite: SQLite's online backup, safe while the server runs and writes — the copy is one
// consistent snapshot that holds every commit made before it started. PostgreSQL: pg_dump in its custom format
// (one consistent snapshot too), restored by pg_restore. See docs/operations.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../../db/client';

/** A refusal the operator can act on: printed without a stack, exit code 2. */
export class BackupRefused extends Error {}

export interface BackupTarget {
  /** A file name part: the tenant's id, or "gevinstspor" for the one database. */
  name: string;
  database: string;
}

export interface BackupResult {
  name: string;
  path: string;
  bytes: number;
}

/** 2026-12-02T10-13-06-123Z: sorts by time and is a valid file name everywhere. */
const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

export async function backupDatabase(target: BackupTarget, dir: string, now = new Date()): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const postgres = isPostgresUrl(target.database);
  const path = resolve(dir, `${target.name}-${stamp(now)}.${postgres ? 'pgdump' : 'sqlite'}`);
  if (existsSync(path)) throw new BackupRefused(`${path} findes allerede`);
  // Written under another name first: a backup cut off halfway never looks like a finished one.
  const partial = `${path}.partial`;
  try {
    if (postgres) await pgDump(target.database, partial);
    else await sqliteBackup(target.database, partial);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  return { name: target.name, path, bytes: statSync(path).size };
}

async function sqliteBackup(source: string, destination: string) {
  if (!existsSync(source)) throw new BackupRefused(`Databasen ${source} findes ikke`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step: SQLite restarts a stepwise backup whenever the server writes, which under steady load
    // could go on forever. One step reads one snapshot (WAL lets the server keep writing meanwhile).
    await db.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const problem = sqliteProblem(destination);
  if (problem) throw new Error(`The backup failed its check: ${problem}`);
}

/** The connection without its password (which goes to pg_dump through PGPASSWORD, not the process list). */
function pgConnection(url: string) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGCONNECT_TIMEOUT: '10' } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new BackupRefused(`${command} findes ikke: installer PostgreSQL's klientværktøjer (mindst serverens version)`) : e));
    child.on('close', (code) => resolveRun({ code: code ?? 1, stdout, stderr }));
  });
}

async function pgDump(url: string, destination: string) {
  const c = pgConnection(url);
  const r = await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${destination}`, `--dbname=${c.url}`], c.env);
  if (r.code !== 0) throw new Error(`pg_dump failed:\n${r.stderr.trim()}`);
}

// ---------- checking a backup ----------

const migrationsRoot = join(dirname(fileURLToPath(import.meta.url)), '../../db/migrations');
const newestMigration = (engine: 'sqlite' | 'postgres') =>
  Math.max(...(JSON.parse(readFileSync(join(migrationsRoot, engine, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries.map((e) => e.when));

/** Null when `path` is an intact Gevinstspor SQLite database this code can run on; else what is wrong. */
export function sqliteProblem(path: string): string | null {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    return 'ikke en SQLite-database';
  }
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') return `integrity_check: ${String(result)}`;
    const migrations = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!migrations) return 'ikke en Gevinstspor-database (ingen migreringer)';
    const { m } = db.prepare('select max(created_at) as m from __drizzle_migrations').get() as { m: number | null };
    if (Number(m ?? 0) > newestMigration('sqlite')) return 'lavet af en nyere version af Gevinstspor: opdatér først';
    return null;
  } catch {
    return 'ikke en SQLite-database';
  } finally {
    db.close();
  }
}

/** pg_restore --list reads the whole table of contents: a truncated or foreign file fails it. */
async function pgDumpProblem(path: string): Promise<string | null> {
  const r = await run('pg_restore', ['--list', path], process.env);
  if (r.code !== 0) return `pg_restore kan ikke læse filen: ${r.stderr.trim().split('\n')[0]}`;
  if (!/TABLE\s+\S+\s+__drizzle_migrations/.test(r.stdout)) return 'ikke en Gevinstspor-database (ingen migreringer)';
  return null;
}

// ---------- restoring ----------

export interface RestoreOptions {
  file: string;
  /** A SQLite file path or a postgres:// URL. */
  target: string;
  force: boolean;
}

export async function restoreDatabase({ file, target, force }: RestoreOptions): Promise<void> {
  if (!existsSync(file)) throw new BackupRefused(`${file} findes ikke`);
  const fromPostgres = file.endsWith('.pgdump');
  if (fromPostgres !== isPostgresUrl(target)) throw new BackupRefused(`${file} er en ${fromPostgres ? 'PostgreSQL' : 'SQLite'}-backup, men målet er ${isPostgresUrl(target) ? 'PostgreSQL' : 'en SQLite-fil'}`);
  if (fromPostgres) await restorePostgres(file, target, force);
  else restoreSqlite(file, target, force);
}

/**
 * True when another connection has the SQLite file open (a running server): leaving WAL mode needs the only
 * connection. When nobody has it open, the mode is set back, so a refused restore changes nothing.
 */
function sqliteInUse(path: string): boolean {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    const before = String(db.pragma('journal_mode', { simple: true }));
    try {
      db.pragma('journal_mode = DELETE');
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
      throw e;
    }
    if (before === 'wal') db.pragma('journal_mode = WAL');
    return false;
  } finally {
    db.close();
  }
}

function restoreSqlite(file: string, target: string, force: boolean) {
  const problem = sqliteProblem(file);
  if (problem) throw new BackupRefused(`${file} er ikke en brugbar backup: ${problem}`);
  if (existsSync(target)) {
    if (sqliteInUse(target)) throw new BackupRefused(`${target} er i brug: stop serveren først`);
    if (!force) throw new BackupRefused(`${target} findes: tilføj --force for at erstatte den`);
  }
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const restoring = `${target}.restoring`;
  rmSync(restoring, { force: true });
  try {
    const source = new Database(file, { readonly: true });
    try {
      source.exec(`VACUUM INTO '${restoring.replace(/'/g, "''")}'`);
    } finally {
      source.close();
    }
    const after = sqliteProblem(restoring);
    if (after) throw new Error(`The restored copy failed its check: ${after}`);
    // The old database's WAL would otherwise be replayed into the restored file on the next open.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(restoring, target);
  } finally {
    rmSync(restoring, { force: true });
  }
}

async function restorePostgres(file: string, target: string, force: boolean) {
  const problem = await pgDumpProblem(file);
  if (problem) throw new BackupRefused(`${file} er ikke en brugbar backup: ${problem}`);
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const { rows: [others] } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    if (others.n > 0) throw new BackupRefused(`Databasen er i brug (${others.n} andre forbindelser): stop serverne først`);
    const { rows: [tables] } = await client.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')");
    if (tables.n > 0 && !force) throw new BackupRefused('Databasen har allerede tabeller: tilføj --force for at erstatte dem');
    if (tables.n > 0) await client.query('drop schema if exists drizzle cascade; drop schema public cascade; create schema public');
  } finally {
    await client.end();
  }
  const c = pgConnection(target);
  // One transaction: a restore that fails leaves an empty database, never half of one.
  const r = await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${c.url}`, file], c.env);
  if (r.code !== 0) throw new Error(`pg_restore failed:\n${r.stderr.trim()}`);
}
