// Vitest globalSetup of the "postgres" project: checks that TEST_DATABASE_URL reaches a server, migrates a
// template database that every test copies, and drops the copies afterwards. Without a server the project's
// tests are skipped LOUDLY (and fail when REQUIRE_POSTGRES=1, as in CI).
import { openDb } from '../../db/client';
import { adminQuery, databaseUrl, TEMPLATE_DB, TEST_DB_PREFIX } from './testDb';

export const POSTGRES_SKIPPED = (why: string) =>
  `\n!!! POSTGRESQL TESTS SKIPPED: ${why}\n!!! Start one with: scripts/start-test-postgres.sh and set TEST_DATABASE_URL to the URL it prints\n`;

async function dropTestDatabases() {
  const { rows } = await adminQuery(`select datname from pg_database where datname like '${TEST_DB_PREFIX}%'`);
  for (const { datname } of rows as { datname: string }[]) await adminQuery(`drop database if exists "${datname}" with (force)`);
}

export default async function setup() {
  if (!process.env.TEST_DATABASE_URL) return;
  await dropTestDatabases();
  await adminQuery(`create database "${TEMPLATE_DB}"`);
  const template = await openDb(databaseUrl(TEMPLATE_DB), { poolSize: 1 });
  await template.close();
  return dropTestDatabases;
}
