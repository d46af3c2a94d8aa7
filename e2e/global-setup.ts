import { startServer } from './server.js';

/** One server for the suite; tests find it through DAYLINE_E2E_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  process.env.DAYLINE_E2E_URL = server.url;
  return () => server.stop();
}
