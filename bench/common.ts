// Shared helpers: the database a bench runs on, and medians over repeated runs printed as ratios against a
// baseline from the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isPostgresUrl, openDb, type Db } from '../db/client';

export function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(fn));
  return median(times);
}

/** Milliseconds one call takes. */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function printRatio(name: string, ms: number, baselineName: string, baselineMs: number) {
  console.log(`${name.padEnd(52)} ${ms.toFixed(2).padStart(10)} ms   ${(ms / baselineMs).toFixed(3).padStart(7)}× ${baselineName} (${baselineMs.toFixed(2)} ms)`);
}

async function onServer(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface BenchDb {
  db: Db;
  /** Closes the handle and opens a new one on the same database (a new SQLite connection with an empty page
   *  cache, or a new PostgreSQL pool with new server processes); the handle's caches start empty. */
  reopen: () => Promise<Db>;
  close: () => Promise<void>;
}

/**
 * With `file` (or `inMemory: false`) SQLite in a temporary file (removed by `close`), else SQLite in memory; with
 * DATABASE_URL=postgres://… a fresh database created on that server for this run (the bench never touches the
 * data already there), dropped again by `close`.
 */
export async function openBenchDb(options: { sqliteFile?: boolean } = {}): Promise<BenchDb> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (!options.sqliteFile) {
      const db = await openDb(':memory:');
      console.log('Engine: SQLite (in memory)');
      return { db, reopen: async () => db, close: () => db.close() };
    }
    const dir = mkdtempSync(join(tmpdir(), 'gs-bench-'));
    const path = join(dir, 'bench.db');
    let db = await openDb(path);
    console.log(`Engine: SQLite (file ${path}, removed afterwards)`);
    return {
      get db() {
        return db;
      },
      reopen: async () => {
        await db.close();
        return (db = await openDb(path));
      },
      close: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!isPostgresUrl(url)) throw new Error('DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)');
  const name = `gs_bench_${process.pid}_${Date.now().toString(36)}`;
  await onServer(url, `create database "${name}"`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  let db = await openDb(benchUrl.toString());
  console.log(`Engine: PostgreSQL (database ${name} on ${benchUrl.host}, dropped afterwards)`);
  return {
    get db() {
      return db;
    },
    reopen: async () => {
      await db.close();
      return (db = await openDb(benchUrl.toString()));
    },
    close: async () => {
      await db.close();
      await onServer(url, `drop database if exists "${name}" with (force)`);
    },
  };
}
