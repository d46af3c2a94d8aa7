import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// The svelte plugin compiles *.svelte.ts rune modules, so state classes can be imported in tests.
export default defineConfig({
  plugins: [svelte()],
  test: { name: 'client', include: ['test/**/*.test.ts'] },
});
