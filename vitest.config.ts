import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A worker keeps the modules it has loaded from one test file to the next: importing the
    // app anew for each file was most of the suite's time (docs/decisions/0019).
    isolate: false,
    // Two at a time on two cores: a test file spends much of its time waiting for PostgreSQL
    // (governance, actions and meetings: 65.7 s with one worker, 40.9 s with two, same CPU).
    maxWorkers: 2,
  },
});
