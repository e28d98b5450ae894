import { defineConfig } from 'vitest/config';

// Real browsers with the built extension: one file at a time (each file starts its own browser, and the machine
// has 2 cores), long timeouts for browser start-up and the first dictionary load.
export default defineConfig({
  test: {
    globals: true,
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
