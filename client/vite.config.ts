import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// In development the API and the socket live on the Node server; proxying keeps them same-origin,
// exactly as in production where the server serves client/dist itself.
const apiTarget = `http://localhost:${process.env.DAYLINE_API_PORT ?? '3000'}`;

// `vite build --ssr src/ssr.ts` builds the same components for the server, which renders the
// reader's pages with them (server/src/http/client.ts): one file of its own, outside what is served.
export default defineConfig(({ isSsrBuild }) => ({
  base: '/',
  plugins: [svelte()],
  ssr: { noExternal: true },
  build: {
    outDir: isSsrBuild ? 'dist-ssr' : 'dist',
    copyPublicDir: !isSsrBuild,
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: {
        // @dayline/shared's modules only declare things; saying so lets the bundle drop what the
        // browser never uses (zod schemas for the server's input validation, mostly).
        moduleSideEffects: [{ test: /[\\/]shared[\\/]dist[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
}));
