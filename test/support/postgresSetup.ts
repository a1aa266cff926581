// Vitest globalSetup of the "postgres" project: checks that TEST_DATABASE_URL reaches a server, migrates a
// template database that every test of the run copies, and drops the run's databases afterwards. Without a server the project's
// tests are skipped LOUDLY (and fail when REQUIRE_POSTGRES=1, as in CI).
import { openDb } from '../../db/client';
import { adminQuery, databaseUrl, runDatabases } from './testDb';

export const POSTGRES_SKIPPED = (why: string) =>
  `\n!!! POSTGRESQL TESTS SKIPPED: ${why}\n!!! Start one with: scripts/start-test-postgres.sh and set TEST_DATABASE_URL to the URL it prints\n`;

/** Drops every database whose name starts with `prefix`: one run's copies and template. */
async function dropDatabases(prefix: string) {
  const { rows } = await adminQuery(`select datname from pg_database where left(datname, ${prefix.length}) = '${prefix}'`);
  const names = (rows as { datname: string }[]).map((r) => r.datname);
  // A run leaves hundreds of copies; each DROP DATABASE waits for a checkpoint, which concurrent drops share, so
  // eight at a time take a fraction of the time one after another did (minutes at the end of a full run).
  const dropNext = async (): Promise<void> => {
    const name = names.pop();
    if (name === undefined) return;
    await adminQuery(`drop database if exists "${name}" with (force)`);
    return dropNext();
  };
  await Promise.all(Array.from({ length: 8 }, dropNext));
}

export default async function setup() {
  if (!process.env.TEST_DATABASE_URL) return;
  // This run's own names (test/support/testDb.ts): another run on the same server keeps its databases.
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  process.env.GS_TEST_PG_RUN = run;
  const { prefix, template } = runDatabases(run);
  await adminQuery(`create database "${template}"`);
  const db = await openDb(databaseUrl(template), { poolSize: 1 });
  await db.close();
  return () => dropDatabases(prefix);
}
