import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // e2e tests share one built client and server per file; run files in parallel forks.
    pool: 'forks',
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
