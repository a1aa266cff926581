import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects: the unit and API tests on SQLite (the default), the tests that start the server as a process
// (browser, crash, backup) on SQLite, and the API and multi-instance tests again on PostgreSQL
// when TEST_DATABASE_URL is set (.ci/run starts one). Without it they are reported as skipped, loudly, and
// REQUIRE_POSTGRES=1 (set in CI) makes that an error.
const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl && process.env.REQUIRE_POSTGRES === '1') {
  throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: start scripts/start-test-postgres.sh and set it');
}

export default defineConfig({
  test: {
    // 60 s: with files in parallel, a long integration test (backup or crash under load, a whole change loop in
    // the browser) shares the machine with others; a hung test still fails.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: a page that takes longer to render on a busy machine is no bug.
    // 15 s, as the browser tests' own waits (page.setDefaultTimeout); a condition that never holds still fails.
    expect: { poll: { timeout: 15_000 } },
    // e2e tests share one built client and server per file; run files in parallel forks.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine (CI), where much of
    // a browser test's time is spent waiting for Chromium and the server it started. One per core keeps both busy
    // (one more than that made CPU-bound load tests run past their timeout); VITEST_MAX_WORKERS overrides it.
    maxWorkers: availableParallelism(),
    reporters: ['default', './test/support/summaryReporter.ts'],
    // Files share a worker's loaded modules (isolate: false): importing the app anew for every file was a third of
    // the suite's time (200 of 572 s in CI). Every test builds its own app over its own database (createApp,
    // openTestDb) and no file changes process-wide state, so nothing of one file reaches the next.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'] } },
      // The tests that start the server as a process (browser, crash, backup) run the bundle built for this run.
      { extends: true, test: { name: 'servers', include: ['test/e2e/**/*.test.ts', 'test/multi/crash.test.ts', 'test/multi/backup.test.ts'], globalSetup: ['./test/support/serverBundle.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: postgresUrl ? ['test/api/**/*.test.ts', 'test/multi/**/*.test.ts'] : ['test/support/postgresSkipped.test.ts'],
          // Same code on both engines (the attacker) or about SQLite files only (migrations of stored answers, the checkpoint worker): SQLite runs them.
          exclude: ['test/api/disclosureAttacker.test.ts', 'test/api/migrations.test.ts', 'test/api/checkpointer.test.ts', 'test/multi/crash.test.ts'],
          env: { GS_TEST_ENGINE: 'postgres' },
          globalSetup: ['./test/support/postgresSetup.ts', './test/support/serverBundle.ts'],
        },
      },
    ],
  },
});
