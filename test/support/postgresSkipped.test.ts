// Stands in for the PostgreSQL project when no TEST_DATABASE_URL is set, so the skip shows in every count.
import { it } from 'vitest';
import { POSTGRES_SKIPPED } from './postgresSetup';

console.warn(POSTGRES_SKIPPED('TEST_DATABASE_URL is not set'));
it.skip('API and multi-instance tests on PostgreSQL (TEST_DATABASE_URL not set)', () => {});
