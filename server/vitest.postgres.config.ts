import { defineConfig } from 'vitest/config';

/** The integration suites again, each server on its own fresh PostgreSQL database, and scale-out. */
export default defineConfig({
  test: {
    name: 'server-postgres',
    include: [
      'test/integration/**/*.test.ts',
      'test/scale-out/**/*.test.ts',
      'test/faults/database-away.test.ts',
    ],
    env: { DAYLINE_TEST_STORE: 'postgres' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
