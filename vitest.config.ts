import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared', 'client', 'server/vitest.config.ts', 'server/vitest.postgres.config.ts'],
  },
});
