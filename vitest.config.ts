import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time, one per core: 5.0–5.4 min for the suite here (two runs), against
    // 8.4 min with vitest's default of one worker on a two-core machine.
    maxWorkers: 2,
    projects: ['shared', 'client', 'server/vitest.config.ts', 'server/vitest.postgres.config.ts'],
  },
});
