/**
 * A reader beside a bulk write, in a process of its own on the load core (so the writer's work of
 * building and encoding batches never delays it): GET /api/health, then the first page of the
 * timeline, one after the other every 20 ms, timed, from `start` until `stop`.
 */
import { serveCommands } from './ipc.mjs';
import { summary } from './stats.mjs';

let probing = false;
let running = Promise.resolve();
const health = [];
const page = [];

async function timed(list, url) {
  const t = performance.now();
  await fetch(url).then((r) => r.arrayBuffer());
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
