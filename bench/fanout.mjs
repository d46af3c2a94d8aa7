/**
 * Fan-out latency: N subscribed clients, 1 and 10 updates/s, reaching 100% or 10% of them, on
 * Dayline and the baselines B0 (socket.io) and B1 (ws), interleaved phase by phase in one run.
 *
 *   node bench/fanout.mjs [--full] [--sizes 1000,5000] [--smoke]
 *
 * Default sizes 1k and 5k clients; --full adds 10k and 19.5k (the server's file limit is 20,000).
 * Writes fanout-latency.svg (p50/p95/p99 against clients at 1 update/s, 100% reach) next to the
 * results and to docs/images/. `--smoke`: 1k clients of Dayline and B0, 5 updates/s for 10 s each,
 * failing when a delivery is lost, doubled or misdelivered, or nothing arrives; nothing about speed.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { latencyChart } from './chart.mjs';
import {
  full,
  ratio,
  root,
  round,
  save,
  serverNames,
  startLoad,
  startServer,
  table,
  watchdog,
} from './lib.mjs';

const sizesArg = process.argv.find((a, i) => process.argv[i - 1] === '--sizes');
const smoke = process.argv.includes('--smoke');
const sizes = sizesArg
  ? sizesArg.split(',').map(Number)
  : smoke
    ? [1000]
    : full
      ? [1000, 5000, 10_000, 19_500]
      : [1000, 5000];
const kinds = smoke ? ['dayline', 'b0'] : ['dayline', 'b0', 'b1'];
const phases = smoke
  ? [{ rate: 5, share: 1 }]
  : [
      { rate: 1, share: 1 },
      { rate: 1, share: 0.1 },
      { rate: 10, share: 1 },
      { rate: 10, share: 0.1 },
    ];
const countFor = (rate) => (smoke ? rate * 10 : rate === 1 ? (full ? 10 : 5) : full ? 100 : 30);
const limitP95 = 500;

watchdog((smoke ? 2.5 : full ? 60 : 10) * 60_000, 'fanout');

const started = performance.now();
const results = [];
const connects = [];
for (const [sizeIndex, n] of sizes.entries()) {
  const servers = [];
  for (const kind of kinds) {
    const server = await startServer(kind);
    const load = startLoad();
    servers.push({ kind, server, load });
  }
  for (const { kind, server, load } of servers) {
    const protocol = kind === 'b1' ? 'ws' : 'socket.io';
    const connect = await load.call('connect', { url: server.url, protocol, n }, 180_000);
    connects.push({ n, kind, ...connect });
    process.stderr.write(
      `${serverNames[kind]}: ${connect.connected} clients in ${Math.round(connect.ms)} ms\n`,
    );
    // Warm-up: let the JIT and the sockets settle before anything is measured.
    await load.call('publish', { postUrl: postUrl(server), rate: 10, count: 5, share: 1 }, 60_000);
  }
  for (const [phaseIndex, { rate, share }] of phases.entries()) {
    // Rotate who goes first, so no server always runs right after another.
    const shift = (phaseIndex + sizeIndex) % servers.length;
    for (const { kind, server, load } of [...servers.slice(shift), ...servers.slice(0, shift)]) {
      const cpuBefore = await server.cpu();
      const result = await load.call(
        'publish',
        // A loaded CI machine may take its time; the smoke run checks that everything arrives.
        { postUrl: postUrl(server), rate, count: countFor(rate), share, drainMs: smoke ? 30_000 : 10_000 },
        120_000,
      );
      const cpuAfter = await server.cpu();
      const serverCpu = (cpuAfter.ms - cpuBefore.ms) / (cpuAfter.at - cpuBefore.at);
      const serverBusy = (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.at - cpuBefore.at);
      results.push({ n, kind, share, serverCpu, serverBusy, ...result });
      process.stderr.write(
        `N=${n} ${rate}/s ${share * 100}% ${serverNames[kind]}: p95 ${round(result.latency.p95)} ms, lost ${result.lost}\n`,
      );
    }
  }
  for (const { server, load } of servers) {
    await load.call('disconnect');
    await load.stop();
    await server.stop();
  }
}
const seconds = (performance.now() - started) / 1000;

/** What makes a run meaningless, whatever its speed: the harness or a server is broken. */
function problems() {
  const found = [];
  for (const c of connects) {
    if (c.connected < c.n)
      found.push(`${serverNames[c.kind]}: ${c.connected} of ${c.n} clients connected (${c.firstError})`);
  }
  for (const r of results) {
    const name = `${serverNames[r.kind]} N=${r.n} ${r.rate}/s ${r.share * 100}%`;
    if (r.delivered === 0) found.push(`${name}: nothing delivered`);
    if (r.lost) found.push(`${name}: ${r.lost} of ${r.expected} deliveries lost`);
    if (r.duplicates) found.push(`${name}: ${r.duplicates} duplicate deliveries`);
    if (r.misdelivered) found.push(`${name}: ${r.misdelivered} deliveries to clients not subscribed`);
    if (r.unknown) found.push(`${name}: ${r.unknown} deliveries of updates never sent`);
    if (r.postErrors) found.push(`${name}: ${r.postErrors} POSTs failed`);
    if (r.closed) found.push(`${name}: ${r.closed} clients disconnected`);
  }
  return found;
}

function postUrl(server) {
  return server.kind === 'dayline' ? `${server.url}/api/events/ukraine-war/updates` : `${server.url}/updates`;
}

const ms = (v) => round(v);
const pct = (v) => `${Math.round(v * 100)}%`;
const rows = results.map((r) => [
  r.n,
  r.rate,
  pct(r.share),
  serverNames[r.kind],
  r.recipients,
  ms(r.latency.p50),
  ms(r.latency.p95),
  ms(r.latency.p99),
  ms(r.latency.max),
  `${ms(r.toLast.p50)} / ${ms(r.toLast.max)}`,
  r.lost + r.duplicates + r.misdelivered,
  pct(r.serverCpu),
  pct(r.serverBusy),
  pct(r.loadCpu),
]);
if (smoke) {
  const found = problems();
  save(
    'fanout',
    { sizes, phases, results, connects, seconds, problems: found },
    [
      `### Fan-out smoke run (${sizes.join(', ')} clients; ${Math.round(seconds)} s)`,
      '',
      table(
        ['N', 'upd/s', 'reach', 'server', 'delivered', 'p50', 'p95', 'p99', 'lost', 'dup', 'misdelivered'],
        results.map((r) => [
          r.n,
          r.rate,
          pct(r.share),
          serverNames[r.kind],
          r.delivered,
          ms(r.latency.p50),
          ms(r.latency.p95),
          ms(r.latency.p99),
          r.lost,
          r.duplicates,
          r.misdelivered,
        ]),
      ),
      '',
      found.length
        ? `Problems:\n${found.map((p) => `- ${p}`).join('\n')}`
        : 'No delivery lost, doubled or misdelivered.',
    ].join('\n'),
  );
  process.exit(found.length ? 1 : 0);
}

const find = (n, rate, share, kind) =>
  results.find((r) => r.n === n && r.rate === rate && r.share === share && r.kind === kind);
const ratioRows = [];
for (const n of sizes)
  for (const { rate, share } of phases) {
    const [d, b0, b1] = kinds.map((k) => find(n, rate, share, k));
    ratioRows.push([
      n,
      rate,
      pct(share),
      ratio(d.latency.p50, b0.latency.p50),
      ratio(d.latency.p95, b0.latency.p95),
      ratio(d.toLast.max, b0.toLast.max),
      ratio(d.latency.p50, b1.latency.p50),
      ratio(d.latency.p95, b1.latency.p95),
      ratio(d.toLast.max, b1.toLast.max),
    ]);
  }
// The largest N whose every phase at this rate kept p95 within the limit and lost nothing.
const capacity = kinds.map((kind) => {
  const cells = [1, 10].map((rate) => {
    let best = 0;
    let failedAbove = false;
    for (const n of sizes) {
      const ok = results
        .filter((r) => r.kind === kind && r.n === n && r.rate === rate)
        .every(
          (r) => r.latency.p95 <= limitP95 && r.lost === 0 && r.duplicates === 0 && r.misdelivered === 0,
        );
      if (ok && !failedAbove) best = n;
      else failedAbove = true;
    }
    return failedAbove ? `${best}` : `≥ ${best} (largest tried)`;
  });
  return [serverNames[kind], ...cells];
});

save(
  'fanout',
  { sizes, phases, results, connects, seconds },
  [
    `### Fan-out latency (ms from the POST to each client's receipt; sizes ${sizes.join(', ')}; ${Math.round(seconds)} s)`,
    '',
    table(
      [
        'N',
        'upd/s',
        'reach',
        'server',
        'recipients',
        'p50',
        'p95',
        'p99',
        'max',
        'to last client p50 / max',
        'lost+dup',
        'server CPU',
        'server loop busy',
        'load CPU',
      ],
      rows,
    ),
    '',
    '### Fan-out: Dayline as a ratio of the baselines (lower is better; 1.00× = as fast as the baseline)',
    '',
    table(
      ['N', 'upd/s', 'reach', 'p50 ÷ B0', 'p95 ÷ B0', 'last ÷ B0', 'p50 ÷ B1', 'p95 ÷ B1', 'last ÷ B1'],
      ratioRows,
    ),
    '',
    `### Clients one process holds with p95 ≤ ${limitP95} ms and nothing lost (both reaches)`,
    '',
    table(['server', '1 update/s', '10 updates/s'], capacity),
    '',
    `Connect: ${connects.map((c) => `${serverNames[c.kind]} ${c.connected}/${c.n} in ${round(c.ms / 1000)} s`).join('; ')}`,
  ].join('\n'),
);

// The chart: how latency grows with clients, for each server, at 1 update/s reaching everyone.
const chart = latencyChart({
  title: 'Fan-out latency at 1 update/s, 100% of clients reached',
  series: kinds.flatMap((kind) =>
    ['p50', 'p95', 'p99'].map((percentile) => ({
      server: serverNames[kind],
      percentile,
      points: sizes.flatMap((n) => {
        const r = find(n, 1, 1, kind);
        return r ? [[n, r.latency[percentile]]] : [];
      }),
    })),
  ),
});
const chartFile = path.join(
  process.env.BENCH_OUT ?? path.join(os.tmpdir(), 'dayline-bench'),
  'fanout-latency.svg',
);
writeFileSync(chartFile, chart);
copyFileSync(chartFile, path.join(root, 'docs/images/fanout-latency.svg'));
process.stderr.write(`chart: ${chartFile} (and docs/images/fanout-latency.svg)\n`);
const found = problems();
if (found.length) process.stderr.write(`problems:\n${found.join('\n')}\n`);
