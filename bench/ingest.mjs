/**
 * Ingest throughput: the same synthetic updates through the batch API (500 per POST), through the
 * importer (`npm run import`'s program), and as raw batched better-sqlite3 inserts of the rows the
 * store writes (the baseline). While the batch API runs, a probe GETs /api/health every 20 ms to see
 * how long the server stops answering.
 *
 *   node bench/ingest.mjs [--full] [--rows 5000] [--smoke]
 *
 * `--smoke`: 300 rows, failing unless every path stores every row (nothing about speed).
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { insertRaw, migratedDatabase, openSqlite, updateInputs } from './data.mjs';
import {
  benchDir,
  cores,
  rpc,
  spawnNode,
  stopChild,
  eventSlug,
  exampleConfig,
  full,
  pinSelf,
  pinning,
  ratio,
  round,
  save,
  serverDist,
  startServer,
  table,
  token,
  watchdog,
  tempDir,
} from './lib.mjs';

const rowsArg = process.argv.find((a, i) => process.argv[i - 1] === '--rows');
const smoke = process.argv.includes('--smoke');
const rows = Number(rowsArg ?? (smoke ? 300 : full ? 50_000 : 5000));
watchdog((full ? 15 : smoke ? 1 : 4) * 60_000, 'ingest');
pinSelf();

const started = performance.now();
const inputs = [...updateInputs(rows, 11)];
const results = [];

/** A reader alongside a write, in its own process (bench/reader.mjs), until `stop()` gives its timings. */
async function readerProbe(server) {
  const child = spawnNode(cores.load, [], path.join(benchDir, 'reader.mjs'));
  const call = rpc(child);
  await call('start', { url: server.url, slug: eventSlug, token });
  return {
    async stop() {
      const timings = await call('stop');
      await stopChild(child);
      return timings;
    },
  };
}

// 1. The batch API, one POST of 500 after another, with a reader probe alongside: first with the
// server on its own core, as every other run here; then with the server on both cores, as on a
// two-core machine, where its batch thread (server/src/updates/batch-writer.ts) can run beside the
// thread that answers readers. The load (this client, the probe) then shares the second core with
// it; the importer below runs on that core too.
for (const serverCores of [cores.server, `${cores.server},${cores.load}`]) {
  const both = serverCores.includes(',');
  if (both && !pinning) continue;
  const server = await startServer('dayline', { cores: serverCores });
  const url = `${server.url}/api/events/${eventSlug}/updates`;
  const probe = await readerProbe(server);
  const t0 = performance.now();
  let created = 0;
  for (let i = 0; i < inputs.length; i += 500) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ items: inputs.slice(i, i + 500) }),
      signal: AbortSignal.timeout(120_000),
    });
    if (!response.ok) throw new Error(`batch POST: ${response.status} ${await response.text()}`);
    const { results: batch } = await response.json();
    created += batch.filter((r) => r.status === 'created').length;
  }
  const seconds = (performance.now() - t0) / 1000;
  const readers = await probe.stop();
  await server.stop();
  results.push({
    path: both ? 'batch API, server on both cores' : 'batch API (POST 500 per request)',
    created,
    seconds,
    readers,
  });
}

/**
 * Runs `npm run import`'s program (as it runs after its build step) on the load core, where the raw
 * baseline runs too: the ratio compares like with like, and the server keeps its own core.
 */
function runImporter(dir, file) {
  const argv = [path.join(serverDist, 'cli/import.js'), '--event', eventSlug, file];
  return new Promise((resolve, reject) => {
    const child = spawn(
      pinning ? 'taskset' : process.execPath,
      pinning ? ['-c', cores.load, process.execPath, ...argv] : argv,
      {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
          DAYLINE_INGEST_TOKEN: token,
          DAYLINE_DEMO: 'off',
          DAYLINE_CONFIG: exampleConfig,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 10 * 60_000,
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`import exited ${code}: ${out}`)),
    );
  });
}

// 2. The importer, as `npm run import` runs it, alone; then again into the database of a running
// server, whose readers get the imported updates live (it follows the change log), with a reader
// probe on that server.
for (const withServer of [false, true]) {
  const dir = tempDir('dayline-bench-import-');
  const file = path.join(dir, 'updates.ndjson');
  writeFileSync(file, inputs.map((i) => JSON.stringify(i)).join('\n'));
  const server = withServer ? await startServer('dayline', { dir }) : undefined;
  const probe = server && (await readerProbe(server));
  const t0 = performance.now();
  const output = await runImporter(dir, file);
  const seconds = (performance.now() - t0) / 1000;
  // The server delivers what the importer committed within a look or two at the log.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const readers = await probe?.stop();
  await server?.stop();
  const created = Number(/(\d+) created/.exec(output)?.[1] ?? 0);
  rmSync(dir, { recursive: true, force: true });
  results.push({
    path: withServer ? 'importer into a running server' : 'importer (ndjson file)',
    created,
    seconds,
    ...(readers ? { readers } : {}),
  });
}

// 3. The baseline: raw better-sqlite3 inserts of the same rows, 500 per transaction, and (for
// attribution) one transaction per row, both with the store's pragmas (WAL, synchronous = FULL).
for (const batch of [500, 1]) {
  const dir = tempDir('dayline-bench-raw-');
  const file = path.join(dir, 'bench.db');
  migratedDatabase(file);
  const db = openSqlite(file, 'FULL');
  const some = batch === 1 ? inputs.slice(0, Math.min(inputs.length, 2000)) : inputs;
  const t0 = performance.now();
  const created = insertRaw(db, some, batch);
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  results.push({
    path:
      batch === 1
        ? 'raw better-sqlite3, 1 row per transaction'
        : 'raw better-sqlite3, 500 rows per transaction (baseline)',
    created,
    seconds,
  });
}
const elapsed = (performance.now() - started) / 1000;

const raw = results.find((r) => r.path.includes('baseline'));
const rate = (r) => r.created / r.seconds;
save(
  'ingest',
  { rows, results, elapsed },
  [
    `### Ingest throughput (${rows} updates; SQLite, WAL, synchronous = FULL; ${Math.round(elapsed)} s)`,
    '',
    table(
      ['path', 'created', 'seconds', 'updates/s', '÷ raw batched'],
      results.map((r) => [r.path, r.created, round(r.seconds, 2), round(rate(r)), ratio(rate(r), rate(raw))]),
    ),
    '',
    'A reader alongside each write (GET /api/health, then the first page of 50, every 20 ms), and a',
    'newsroom posting one update every 250 ms:',
    '',
    table(
      [
        'while',
        'health p50',
        'health p99',
        'health max',
        'first page p50',
        'first page p99',
        'first page max',
        'live post p50',
        'live post p99',
      ],
      results
        .filter((r) => r.readers)
        .map(({ path: while_, readers: { health, page, post } }) => [
          while_,
          round(health.p50),
          round(health.p99),
          round(health.max),
          round(page.p50),
          round(page.p99),
          round(page.max),
          round(post.p50),
          round(post.p99),
        ]),
    ),
  ].join('\n'),
);

// Every path must have stored every row it was given, or the figures above mean nothing.
const short = results.filter(
  (r) => r.created !== (r.path.includes('1 row per') ? Math.min(rows, 2000) : rows),
);
if (short.length) {
  process.stderr.write(
    `ingest: ${short.map((r) => `${r.path} stored ${r.created}`).join('; ')} of ${rows}\n`,
  );
  process.exit(1);
}
