import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

// In development the API and the socket live on the Node server; proxying keeps them same-origin,
// exactly as in production where the server serves client/dist itself.
const apiTarget = `http://localhost:${process.env.DAYLINE_API_PORT ?? '3000'}`;

/** In development, /embed/:slug is embed.html, as the Node server answers it in production. */
const embedInDevelopment: Plugin = {
  name: 'dayline-embed-in-development',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url?.startsWith('/embed/')) req.url = '/embed.html';
      next();
    });
  },
};

const treeshake = {
  // @dayline/shared's modules only declare things; saying so lets the bundle drop what the
  // browser never uses (zod schemas for the server's input validation, mostly).
  moduleSideEffects: [{ test: /[\\/]shared[\\/]dist[\\/]/, sideEffects: false }],
};

/**
 * Three builds: into dist/, the app (the reader's page and, as a chunk of its own, the console),
 * then `--mode embed`, the publishers' embed (embed.html), built on its own so that the code it
 * shares with the reader (the cards, the live data) never moves the reader's bundle into shared
 * chunks, and a publisher's reader downloads one small script; and into dist-ssr/, the server's
 * build of the reader's page.
 */
export default defineConfig(({ mode, isSsrBuild }): UserConfig => {
  if (isSsrBuild) {
    // `vite build --ssr src/ssr.ts`: the same components for the server, which renders the
    // reader's pages with them (server/src/http/client.ts): one file, outside what is served.
    return {
      base: '/',
      plugins: [svelte()],
      ssr: { noExternal: true },
      build: { outDir: 'dist-ssr', copyPublicDir: false, emptyOutDir: true, rolldownOptions: { treeshake } },
    };
  }
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
    plugins: [svelte(), embedInDevelopment],
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
