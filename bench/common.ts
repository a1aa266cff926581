// Shared helpers: the database a bench runs on, and medians over repeated runs printed as ratios against a
// baseline from the same run.
import pg from 'pg';
import { isPostgresUrl, openDb, type Db } from '../db/client';

export function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

export function printRatio(name: string, ms: number, baselineName: string, baselineMs: number) {
  console.log(`${name.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms   ${(ms / baselineMs).toFixed(2).padStart(6)}× ${baselineName} (${baselineMs.toFixed(2)} ms)`);
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

/**
 * SQLite in memory, or with DATABASE_URL=postgres://… a fresh database created on that server for this run
 * (the bench never touches the data already there) and dropped again by `close`.
 */
export async function openBenchDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDb(':memory:');
    console.log('Engine: SQLite (in memory)');
    return { db, close: () => db.close() };
  }
  if (!isPostgresUrl(url)) throw new Error('DATABASE_URL must be a postgres:// URL (leave it unset for SQLite in memory)');
  const name = `gs_bench_${process.pid}_${Date.now().toString(36)}`;
  await onServer(url, `create database "${name}"`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  const db = await openDb(benchUrl.toString());
  console.log(`Engine: PostgreSQL (database ${name} on ${benchUrl.host}, dropped afterwards)`);
  return {
    db,
    close: async () => {
      await db.close();
      await onServer(url, `drop database if exists "${name}" with (force)`);
    },
  };
}
