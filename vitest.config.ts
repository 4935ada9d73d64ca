import { defineConfig } from 'vitest/config';

// Two projects: `unit` (everything but the browser) and `e2e`, whose global setup builds the
// sample site once into test-results/site and which drives Debian's Chromium.
// `npm test` runs both; `npx vitest run --project unit` skips the browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // one browser at a time on a 2-core machine
          fileParallelism: false,
        },
      },
    ],
  },
});
