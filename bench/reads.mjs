/**
 * Reads: GET /api/events/:slug/updates with many updates in SQLite (first page, a deep keyset page,
 * topic filters, full-text searches, and the day counts every page load asks for), measured with
 * autocannon: one connection for latency, ten for throughput.
 *
 *   node bench/reads.mjs [--full] [--rows 100000] [--duration 2] [--smoke]
 *
 * The database is filled by raw inserts (bench/data.mjs) and kept in BENCH_CACHE (default
 * /tmp/dayline-bench-cache) for the next run, keyed by size and migrations. `--prepare-sql FILE`
 * runs FILE's SQL on the copy first: the way to measure a proposed index without touching server/.
 * `--smoke`: 2,000 rows in a cache of its own (removed after), 1 s per cell, failing on any error
 * or an empty answer (nothing about speed).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { insertRaw, migratedDatabase, openSqlite, updateInputs, vocabulary } from './data.mjs';
import {
  eventSlug,
  full,
  pinSelf,
  round,
  save,
  serverDist,
  startServer,
  summary,
  table,
  watchdog,
  tempDir,
} from './lib.mjs';

const rowsArg = process.argv.find((a, i) => process.argv[i - 1] === '--rows');
const smoke = process.argv.includes('--smoke');
const durationArg = process.argv.find((a, i) => process.argv[i - 1] === '--duration');
const rows = Number(rowsArg ?? (smoke ? 2000 : full ? 1_000_000 : 100_000));
const duration = Number(durationArg ?? (smoke ? 1 : full ? 5 : 2));
watchdog((full ? 30 : smoke ? 1.5 : 6) * 60_000, 'reads');
pinSelf();

const started = performance.now();
const migrations = readdirSync(path.join(serverDist, 'store/migrations'))
  .filter((f) => f.endsWith('.js'))
  .sort()
  .join(',');
// Inside BENCH_OUT when run.mjs gives one: it removes that folder even when the run is stopped.
const cacheDir = smoke
  ? mkdtempSync(path.join(process.env.BENCH_OUT ?? os.tmpdir(), 'smoke-cache-'))
  : (process.env.BENCH_CACHE ?? path.join(os.tmpdir(), 'dayline-bench-cache'));
const schema = createHash('sha256').update(migrations).digest('hex').slice(0, 12);
const cached = path.join(cacheDir, `reads-${rows}-${schema}.db`);
let fillSeconds = 0;
if (!existsSync(cached)) {
  mkdirSync(cacheDir, { recursive: true });
  const building = `${cached}.building`;
  rmSync(building, { force: true });
  migratedDatabase(building);
  const db = openSqlite(building, 'OFF');
  const t0 = performance.now();
  insertRaw(db, updateInputs(rows, 3), 5000);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fillSeconds = (performance.now() - t0) / 1000;
  renameSync(building, cached);
  process.stderr.write(`filled ${rows} rows in ${round(fillSeconds)} s\n`);
}
const dir = tempDir('dayline-bench-reads-');
copyFileSync(cached, path.join(dir, 'bench.db'));

const prepareSql = process.argv.find((a, i) => process.argv[i - 1] === '--prepare-sql');
const db = openSqlite(path.join(dir, 'bench.db'), 'FULL');
if (prepareSql) db.exec(readFileSync(prepareSql, 'utf8'));
// A page token from the middle of the timeline: what "Load older" sends after many pages.
const middle = db
  .prepare(
    'select published_at, id from updates where event = ? order by published_at desc, id desc limit 1 offset ?',
  )
  .get(eventSlug, Math.floor(rows / 2));
db.close();
const deepToken = Buffer.from(JSON.stringify([middle.published_at, middle.id])).toString('base64url');

const server = await startServer('dayline', { dir });
const base = `${server.url}/api/events/${eventSlug}`;
const queries = [
  ['first page', `${base}/updates`],
  ['deep keyset page (middle)', `${base}/updates?before=${deepToken}`],
  ['topic filter, common (military, 40%)', `${base}/updates?topics=military`],
  ['topic filter, rare (cyber, 4%)', `${base}/updates?topics=cyber`],
  ['full text, common word', `${base}/updates?q=${vocabulary[0]}`],
  ['full text, rare word', `${base}/updates?q=${vocabulary[4000]}`],
  // What a reader has typed after two letters: the last word is searched as a prefix.
  ['full text, two-letter prefix', `${base}/updates?q=${vocabulary[0].slice(0, 2)}`],
  ['key events (pinned, every page load)', `${base}/updates?pinned=true&limit=20`],
  ['day counts (every page load)', `${base}/days`],
  // What a reader who follows a link downloads first: the page, rendered on the server.
  ['reader page (HTML, rendered on the server)', `${server.url}/e/${eventSlug}`],
];

/** How many updates an answer holds: a page's items, a list's length, or a rendered page's cards. */
async function itemsIn(response) {
  if (!response.headers.get('content-type')?.includes('json'))
    return (await response.text()).split('data-testid="update-card"').length - 1;
  const body = await response.json();
  return Array.isArray(body) ? body.length : body.items.length;
}

const results = [];
for (const [name, url] of queries) {
  // The first request of a query warms SQLite's page cache; the second says how slow it is.
  await fetch(url).then((r) => r.arrayBuffer());
  const t0 = performance.now();
  const check = await fetch(url);
  if (!check.ok) throw new Error(`${name}: ${check.status} ${await check.text()}`);
  const items = await itemsIn(check);
  const once = performance.now() - t0;
  const query = url.slice(server.url.length);
  const row = { name, query, items };
  if (once > 250) {
    // Too slow for autocannon's window: time a few requests one after another instead; ten at a
    // time would only queue behind each other on the one thread.
    const times = [once];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await fetch(url).then((r) => r.arrayBuffer());
      times.push(performance.now() - t);
    }
    const s = summary(times);
    const mean = times.reduce((a, b) => a + b) / times.length;
    row.c1 = { mean, p50: round(s.p50), p99: round(s.max), rps: 1000 / mean, errors: 0 };
    row.c10 = { p50: '—', p99: '—', rps: NaN, errors: 0 };
    results.push(row);
    process.stderr.write(`${name}: ${round(s.p50)} ms (sequential)\n`);
    continue;
  }
  for (const connections of [1, 10]) {
    const result = await autocannon({ url, connections, duration, timeout: 30 });
    row[`c${connections}`] = {
      mean: result.latency.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      rps: result.requests.average,
      errors: result.errors + result.timeouts + result.non2xx,
    };
  }
  results.push(row);
  process.stderr.write(`${name}: p50 ${row.c1.p50} ms, p99 ${row.c1.p99} ms\n`);
}
await server.stop();
rmSync(dir, { recursive: true, force: true });
if (smoke) rmSync(cacheDir, { recursive: true, force: true });
const seconds = (performance.now() - started) / 1000;

save(
  prepareSql ? `reads-${path.basename(prepareSql, '.sql')}` : 'reads',
  { rows, duration, results, fillSeconds, seconds },
  [
    `### Reads (${rows.toLocaleString('en')} updates in SQLite${prepareSql ? ` + ${path.basename(prepareSql)}` : ''}; autocannon, ${duration} s per cell; ${Math.round(seconds)} s${fillSeconds ? `, of which filling the database ${Math.round(fillSeconds)} s` : ''})`,
    '',
    'Queries slower than 250 ms are timed four times one after another instead (p99 column: the slowest).',
    '',
    table(
      [
        'query',
        'items',
        'mean ms (1 conn)',
        'p50 ms (1 conn)',
        'p99 ms (1 conn)',
        'req/s (1 conn)',
        'p50 ms (10 conn)',
        'p99 ms (10 conn)',
        'req/s (10 conn)',
        'errors',
      ],
      results.map((r) => [
        r.name,
        r.items,
        round(r.c1.mean, 2),
        r.c1.p50,
        r.c1.p99,
        round(r.c1.rps),
        r.c10.p50,
        r.c10.p99,
        Number.isNaN(r.c10.rps) ? '—' : round(r.c10.rps),
        r.c1.errors + r.c10.errors,
      ]),
    ),
  ].join('\n'),
);

// Errors, or a query that should find updates finding none, mean the harness or the server broke.
const broken = results.filter(
  (r) => r.c1.errors + r.c10.errors > 0 || (r.items === 0 && !r.query.includes('pinned')),
);
if (broken.length) {
  process.stderr.write(`reads: ${broken.map((r) => `${r.name} (${r.items} items, errors)`).join('; ')}\n`);
  process.exit(1);
}
