// A fresh database per test app, on the engine the Vitest project chose: SQLite in memory, or — in the
// "postgres" project — a new PostgreSQL database copied from a migrated template (see postgresSetup.ts).
import pg from 'pg';
import { openDb, type Db } from '../../db/client';

export const testEngine = process.env.GS_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** TEST_DATABASE_URL with another database name. */
export function databaseUrl(name: string, base = process.env.TEST_DATABASE_URL ?? '') {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One run's databases: its globalSetup (postgresSetup.ts) picks the run's id and hands it to the workers in
 *  GS_TEST_PG_RUN, so two runs on one server never drop or copy each other's databases. */
export const runDatabases = (run: string) => ({ prefix: `gs_test_${run}_`, template: `gs_test_${run}_template` });
const thisRun = runDatabases(process.env.GS_TEST_PG_RUN ?? 'local');
export const TEMPLATE_DB = thisRun.template;
export const TEST_DB_PREFIX = thisRun.prefix;
let counter = 0;

/** A new empty, migrated database (dropped with the rest of the run's databases at its end). */
export async function openTestDb(): Promise<Db> {
  if (testEngine === 'sqlite') return openDb(':memory:');
  const name = `${TEST_DB_PREFIX}${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`create database "${name}" template "${TEMPLATE_DB}"`);
  return openDb(databaseUrl(name), { poolSize: 4 });
}

/** One statement on the cluster's maintenance database (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(statement: string) {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}
