import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type UserConfig } from 'vite';

// In development the API and the socket live on the Node server; proxying keeps them same-origin,
// exactly as in production where the server serves client/dist itself.
const apiTarget = `http://localhost:${process.env.DAYLINE_API_PORT ?? '3000'}`;

const treeshake = {
  // @dayline/shared's modules only declare things; saying so lets the bundle drop what the
  // browser never uses (zod schemas for the server's input validation, mostly).
  moduleSideEffects: [{ test: /[\\/]shared[\\/]dist[\\/]/, sideEffects: false }],
};

/**
 * Two builds into one dist/: the app (the reader's page and, as a chunk of its own, the console),
 * then `--mode embed`, the publishers' embed (embed.html), built on its own so that the code it
 * shares with the reader (the cards, the live data) never moves the reader's bundle into shared
 * chunks, and a publisher's reader downloads one small script.
 */
export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'embed') {
    return {
      base: '/',
      plugins: [svelte()],
      publicDir: false,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        rolldownOptions: { input: { embed: 'embed.html' }, treeshake },
      },
    };
  }
  return {
    base: '/',
    plugins: [svelte()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      rolldownOptions: { treeshake },
    },
    server: {
      proxy: {
        '/api': { target: apiTarget },
        '/socket.io': { target: apiTarget, ws: true },
      },
    },
  };
});
