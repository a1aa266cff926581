// Vitest globalSetup of the "postgres" project: checks that TEST_DATABASE_URL reaches a server, migrates a
// template database that every test copies, and drops the copies afterwards. Without a server the project's
// tests are skipped LOUDLY (and fail when REQUIRE_POSTGRES=1, as in CI).
import { openDb } from '../../db/client';
import { adminQuery, databaseUrl, TEMPLATE_DB, TEST_DB_PREFIX } from './testDb';

export const POSTGRES_SKIPPED = (why: string) =>
  `\n!!! POSTGRESQL TESTS SKIPPED: ${why}\n!!! Start one with: scripts/start-test-postgres.sh and set TEST_DATABASE_URL to the URL it prints\n`;

async function dropTestDatabases() {
  const { rows } = await adminQuery(`select datname from pg_database where datname like '${TEST_DB_PREFIX}%'`);
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
  await dropTestDatabases();
  await adminQuery(`create database "${TEMPLATE_DB}"`);
  const template = await openDb(databaseUrl(TEMPLATE_DB), { poolSize: 1 });
  await template.close();
  return dropTestDatabases;
}
