/**
 * Deliveries per second: N clients all subscribed, updates POSTed faster and faster, on Dayline
 * (as shipped, and with bufferutil), B0 and B1, interleaved step by step. Reports what the clients
 * received per second, the server's CPU use, and deliveries per CPU-second of the server (what it
 * would deliver at 100% of its core).
 *
 *   node bench/throughput.mjs [--full] [--clients 5000]
 */
import { full, ratio, round, save, serverNames, startLoad, startServer, table, watchdog } from './lib.mjs';

const clientsArg = process.argv.find((a, i) => process.argv[i - 1] === '--clients');
const n = Number(clientsArg ?? (full ? 10_000 : 5000));
// Updates per second; times the clients, 25k to 200k deliveries asked per second by default.
const rates = full ? [2, 5, 10, 20, 40] : [5, 10, 20, 40];
const seconds = full ? 4 : 2;
const variants = [
  { name: 'dayline', kind: 'dayline', label: 'Dayline' },
  { name: 'dayline-bufferutil', kind: 'dayline', label: 'Dayline + bufferutil', bufferutil: true },
  { name: 'b0', kind: 'b0', label: serverNames.b0 },
  { name: 'b1', kind: 'b1', label: serverNames.b1 },
];

watchdog((full ? 20 : 6) * 60_000, 'throughput');

const started = performance.now();
const servers = [];
for (const variant of variants) {
  const server = await startServer(variant.kind, { bufferutil: variant.bufferutil });
  const load = startLoad();
  const protocol = variant.kind === 'b1' ? 'ws' : 'socket.io';
  const connect = await load.call('connect', { url: server.url, protocol, n }, 180_000);
  if (connect.connected < n) throw new Error(`${variant.label}: only ${connect.connected} of ${n} connected`);
  const postUrl =
    variant.kind === 'dayline' ? `${server.url}/api/events/ukraine-war/updates` : `${server.url}/updates`;
  await load.call('publish', { postUrl, rate: 10, count: 5, share: 1 }, 60_000);
  servers.push({ ...variant, server, load, postUrl });
}

const results = [];
for (const [step, rate] of rates.entries()) {
  const shift = step % servers.length;
  for (const s of [...servers.slice(shift), ...servers.slice(0, shift)]) {
    const before = await s.server.cpu();
    const r = await s.load.call(
      'publish',
      { postUrl: s.postUrl, rate, count: rate * seconds, share: 1, drainMs: 15_000 },
      120_000,
    );
    const after = await s.server.cpu();
    const cpuMs = after.ms - before.ms;
    const result = {
      variant: s.name,
      label: s.label,
      rate,
      achievedRate: r.achievedRate,
      delivered: r.delivered,
      lost: r.lost,
      perSecond: r.delivered / (r.wallMs / 1000),
      perCpuSecond: r.delivered / (cpuMs / 1000),
      serverCpu: cpuMs / (after.at - before.at),
      serverBusy: (after.busy - before.busy) / (after.at - before.at),
      loadCpu: r.loadCpu,
      p95: r.latency.p95,
      toLastMax: r.toLast.max,
    };
    results.push(result);
    process.stderr.write(
      `${rate}/s ${s.label}: ${Math.round(result.perSecond)} deliveries/s, server CPU ${Math.round(result.serverCpu * 100)}%\n`,
    );
  }
}
for (const s of servers) {
  await s.load.stop();
  await s.server.stop();
}
const elapsed = (performance.now() - started) / 1000;

const pct = (v) => `${Math.round(v * 100)}%`;
const k = (v) => `${round(v / 1000)}k`;
const best = (name, key) => Math.max(...results.filter((r) => r.variant === name).map((r) => r[key]));
save(
  'throughput',
  { clients: n, rates, seconds, results, elapsed },
  [
    `### Deliveries per second (${n} clients, all subscribed; ${seconds} s per step; ${Math.round(elapsed)} s)`,
    '',
    table(
      [
        'upd/s asked',
        'server',
        'upd/s sent',
        'deliveries/s',
        'per server CPU-s',
        'server CPU',
        'server loop busy',
        'load CPU',
        'p95 ms',
        'last max ms',
        'lost',
      ],
      results.map((r) => [
        r.rate,
        r.label,
        round(r.achievedRate),
        k(r.perSecond),
        k(r.perCpuSecond),
        pct(r.serverCpu),
        pct(r.serverBusy),
        pct(r.loadCpu),
        round(r.p95),
        round(r.toLastMax),
        r.lost,
      ]),
    ),
    '',
    table(
      ['server', 'best deliveries/s', 'best per server CPU-s', '÷ B0 (per CPU-s)', '÷ B1 (per CPU-s)'],
      variants.map((v) => [
        v.label,
        k(best(v.name, 'perSecond')),
        k(best(v.name, 'perCpuSecond')),
        ratio(best(v.name, 'perCpuSecond'), best('b0', 'perCpuSecond')),
        ratio(best(v.name, 'perCpuSecond'), best('b1', 'perCpuSecond')),
      ]),
    ),
  ].join('\n'),
);
