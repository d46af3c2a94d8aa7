/**
 * A reader beside a bulk write, in a process of its own on the load core (so the writer's work of
 * building and encoding batches never delays it): GET /api/health, then the first page of the
 * timeline, one after the other every 20 ms, timed, from `start` until `stop`.
 *
 * The probe shares the load core with the importer, so it is kept light: node:http on one kept-alive
 * connection, asking for gzip as a browser does and timing the answer to its last byte without
 * unpacking it. `fetch` cost 3.7–5.3 ms of CPU per health-and-page pair here, node:http 1.3–1.9 ms:
 * with fetch the probe took an eighth of the importer's core.
 *
 * With `token`, a newsroom writes alongside: one update POSTed every 250 ms on a connection of its
 * own, timed to its answer (it waits for the bulk write's open transaction).
 */
import http from 'node:http';
import { serveCommands } from './ipc.mjs';
import { summary } from './stats.mjs';

let probing = false;
let running = Promise.resolve();
const health = [];
const page = [];
const posts = [];

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const postAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

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

async function timedPost(url, token, update) {
  const body = JSON.stringify(update);
  const t = performance.now();
  await new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: postAgent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        if (response.statusCode !== 201) reject(new Error(`${url}: ${response.statusCode}`));
        response
          .on('data', () => {})
          .on('end', resolve)
          .on('error', reject);
      },
    );
    request.on('error', reject).end(body);
  });
  posts.push(performance.now() - t);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const commands = {
  async start({ url, slug, token }) {
    probing = true;
    health.length = 0;
    page.length = 0;
    posts.length = 0;
    const reading = (async () => {
      while (probing) {
        await timed(health, `${url}/api/health`);
        await timed(page, `${url}/api/events/${slug}/updates?limit=50`);
        await pause(20);
      }
    })();
    const writing = (async () => {
      for (let n = 1; token && probing; n++) {
        await timedPost(`${url}/api/events/${slug}/updates`, token, {
          title: `Desk note ${n} while a bulk write runs`,
          publishedAt: new Date().toISOString(),
          source: { name: 'Bench desk' },
        });
        await pause(250);
      }
    })();
    running = Promise.all([reading, writing]);
  },
  async stop() {
    probing = false;
    await running;
    return { health: summary(health), page: summary(page), post: summary(posts) };
  },
};

serveCommands(commands);
