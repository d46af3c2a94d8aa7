import { defineConfig } from 'vitest/config';

/** Unit tests, and the integration suites against a real server on SQLite. */
export default defineConfig({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    exclude: ['test/scale-out/**', 'test/faults/database-away.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
