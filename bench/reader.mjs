/**
 * A reader beside a bulk write, in a process of its own on the load core (so the writer's work of
 * building and encoding batches never delays it): GET /api/health, then the first page of the
 * timeline, one after the other every 20 ms, timed, from `start` until `stop`.
 *
 * The probe shares the load core with the importer, so it is kept light: node:http on one kept-alive
 * connection, asking for gzip as a browser does and timing the answer to its last byte without
 * unpacking it. `fetch` cost 3.7–5.3 ms of CPU per health-and-page pair here, node:http 1.3–1.9 ms:
 * with fetch the probe took an eighth of the importer's core.
 */
import http from 'node:http';
import { serveCommands } from './ipc.mjs';
import { summary } from './stats.mjs';

let probing = false;
let running = Promise.resolve();
const health = [];
const page = [];

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

async function timed(list, url) {
  const t = performance.now();
  await new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
        response
          .on('data', () => {})
          .on('end', resolve)
          .on('error', reject);
      })
      .on('error', reject);
  });
  list.push(performance.now() - t);
}

const commands = {
  async start({ url, slug }) {
    probing = true;
    health.length = 0;
    page.length = 0;
    running = (async () => {
      while (probing) {
        await timed(health, `${url}/api/health`);
        await timed(page, `${url}/api/events/${slug}/updates?limit=50`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
  },
  async stop() {
    probing = false;
    await running;
    return { health: summary(health), page: summary(page) };
  },
};

serveCommands(commands);
