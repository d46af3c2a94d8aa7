/**
 * The trained topic model in the write path (issue 19), on the built server (`npm run build`):
 *
 * 1. POST → reader delivery of single updates, with the model off and on (the added delay);
 *    resident memory of each server.
 * 2. /api/health while the model refines a batch in the background, against the same server idle.
 * 3. `npm run import` of N updates (default 5,000; `--import N`): the import, then the refinement,
 *    each timed by the tool itself.
 *
 *   node bench/topic-model.mjs [--deliveries 60] [--batch 1000] [--import 5000]
 *
 * Bounded: fixed fixtures, no network, a watchdog.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';
import {
  eventSlug,
  exampleConfig,
  machine,
  pinSelf,
  pinning,
  round,
  save,
  serverDist,
  sleep,
  startServer,
  summary,
  table,
  tempDir,
  token,
  watchdog,
} from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const deliveriesPerMode = arg('deliveries', 60);
const batchSize = arg('batch', 1000);
const importSize = arg('import', 5000);
watchdog(3 * 3600_000, 'topic-model');
pinSelf();

const fixtures = JSON.parse(
  readFileSync(new URL('../server/test/fixtures/tagging.json', import.meta.url), 'utf8'),
).items;
let serial = 0;
/** A realistic update (a labelled text), never a duplicate of another. */
function anItem(i) {
  const item = fixtures[i % fixtures.length];
  serial += 1;
  return {
    title: `${item.title} (${serial})`,
    summary: item.summary,
    source: { name: item.source ?? 'Bench Wire' },
    publishedAt: new Date(Date.UTC(2024, 0, 1) + serial * 60_000).toISOString(),
  };
}

const post = (url, body) =>
  fetch(`${url}/api/events/${eventSlug}/updates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function withServer(model, run) {
  process.env.DAYLINE_TOPIC_MODEL = model ? 'on' : 'off';
  const server = await startServer('dayline');
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/** Single POSTs, one at a time, each timed from send to the reader's `update:new`. */
async function deliveries(url, count) {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  await new Promise((resolve) => socket.emit('subscribe', { event: eventSlug }, resolve));
  const waiting = new Map();
  socket.on('update:new', (update) => waiting.get(update.title)?.(performance.now()));
  const times = [];
  for (let i = 0; i < count + 5; i++) {
    const item = anItem(i);
    const got = new Promise((resolve) => waiting.set(item.title, resolve));
    const sent = performance.now();
    const response = await post(url, item);
    if (response.status !== 201) throw new Error(`POST ${response.status}: ${await response.text()}`);
    const at = await got;
    // The first five warm up (connections, statement caches, the model's first runs).
    if (i >= 5) times.push(at - sent);
    await sleep(50);
  }
  socket.close();
  return summary(times);
}

/** GET /api/health every 20 ms for `ms`. */
async function health(url, ms) {
  const times = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const sent = performance.now();
    const response = await fetch(`${url}/api/health`);
    await response.arrayBuffer();
    times.push(performance.now() - sent);
    await sleep(20);
  }
  return summary(times);
}

const results = { load: { before: machine().loadavg } };

// 1. Deliveries and memory, model off then on.
for (const model of [false, true]) {
  await withServer(model, async (server) => {
    // The model loads in its thread at start; let it.
    await sleep(model ? 5000 : 1000);
    const key = model ? 'on' : 'off';
    results[key] = { delivery: await deliveries(server.url, deliveriesPerMode) };
    results[key].rss = (await server.memory()).rss;
    if (!model) return;
    // 2. /api/health idle, then while a batch is refined in the background.
    results.on.healthIdle = await health(server.url, 5000);
    for (let i = 0; i < batchSize; i += 500) {
      const items = Array.from({ length: Math.min(500, batchSize - i) }, (_, k) => anItem(i + k));
      const response = await post(server.url, { items });
      if (!response.ok) throw new Error(`batch ${response.status}`);
    }
    results.on.healthRefining = await health(server.url, 15_000);
  });
}

// 3. npm run import of N updates: stored with the rules' topics, then refined by the tool.
const dir = tempDir('dayline-bench-import-');
const file = path.join(dir, 'import.ndjson');
writeFileSync(
  file,
  `${Array.from({ length: importSize }, (_, i) => JSON.stringify(anItem(i))).join('\n')}\n`,
);
const started = performance.now();
// The tool runs alone here (no server), on every core as a user's would: this script's own pinning
// to the load core would otherwise be inherited, and leave the tool's embedding pool one core.
const importArgv = [path.join(serverDist, 'cli/import.js'), '--event', eventSlug, file];
const { stdout } = await promisify(execFile)(
  pinning ? 'taskset' : process.execPath,
  pinning ? ['-c', `0-${os.cpus().length - 1}`, process.execPath, ...importArgv] : importArgv,
  {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${path.join(dir, 'import.db')}`,
      DAYLINE_CONFIG: exampleConfig,
      DAYLINE_TOPIC_MODEL: 'on',
    },
    maxBuffer: 64 * 2 ** 20,
  },
);
const total = (performance.now() - started) / 1000;
const refined =
  /Refined the topics of ([\d,]+) updates with the topic model in ([\d.]+) s: ([\d,]+) changed/.exec(stdout);
results.import = {
  updates: importSize,
  totalSeconds: total,
  refineSeconds: Number(refined?.[2]),
  changed: Number(refined?.[3]?.replaceAll(',', '')),
  stdout,
};
results.load.after = machine().loadavg;

const ms = (s) => `${round(s.p50)} / ${round(s.p99)}`;
const mb = (b) => `${Math.round(b / 2 ** 20)} MB`;
const markdown = [
  `### Topic model in the write path (load average ${results.load.before.join(' ')} before, ${results.load.after.join(' ')} after)`,
  '',
  table(
    ['measure', 'model off', 'model on', 'added'],
    [
      [
        `POST → reader \`update:new\`, p50 / p99 ms (${deliveriesPerMode} single updates)`,
        ms(results.off.delivery),
        ms(results.on.delivery),
        `${round(results.on.delivery.p50 - results.off.delivery.p50)} / ${round(results.on.delivery.p99 - results.off.delivery.p99)}`,
      ],
      [
        'resident memory after the posts',
        mb(results.off.rss),
        mb(results.on.rss),
        mb(results.on.rss - results.off.rss),
      ],
    ],
  ),
  '',
  table(
    ['`/api/health` every 20 ms, model on', 'p50 ms', 'p99 ms', 'max ms'],
    [
      [
        'idle (5 s)',
        round(results.on.healthIdle.p50),
        round(results.on.healthIdle.p99),
        round(results.on.healthIdle.max),
      ],
      [
        `refining a ${batchSize}-update batch (15 s)`,
        round(results.on.healthRefining.p50),
        round(results.on.healthRefining.p99),
        round(results.on.healthRefining.max),
      ],
    ],
  ),
  '',
  `\`npm run import\` of ${importSize} updates: ${round(total)} s in all, of which refining ${results.import.refineSeconds} s ` +
    `(${round(importSize / results.import.refineSeconds)} updates/s; ${results.import.changed} changed).`,
].join('\n');
save('topic-model', results, markdown);
process.exit(0);
