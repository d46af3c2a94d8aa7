/**
 * Memory per connection: the server's RSS and V8 heap (after full GCs) with N idle subscribed
 * clients, minus the same before they connected, divided by N. Dayline, B0 and B1 in one run.
 *
 *   node bench/memory.mjs [--full] [--clients 5000]
 */
import {
  full,
  ratio,
  round,
  save,
  serverNames,
  sleep,
  startLoad,
  startServer,
  table,
  watchdog,
} from './lib.mjs';

const clientsArg = process.argv.find((a, i) => process.argv[i - 1] === '--clients');
const n = Number(clientsArg ?? (full ? 19_500 : 5000));
watchdog((full ? 10 : 4) * 60_000, 'memory');

const started = performance.now();
const results = [];
for (const kind of ['dayline', 'b0', 'b1']) {
  const server = await startServer(kind);
  const load = startLoad();
  await sleep(1000);
  const before = await server.memory();
  const connect = await load.call(
    'connect',
    { url: server.url, protocol: kind === 'b1' ? 'ws' : 'socket.io', n },
    180_000,
  );
  await sleep(2000);
  const after = await server.memory();
  results.push({
    kind,
    clients: connect.connected,
    before,
    after,
    rssPerClient: (after.rss - before.rss) / connect.connected,
    heapPerClient: (after.heapUsed - before.heapUsed) / connect.connected,
    externalPerClient: (after.external - before.external) / connect.connected,
  });
  await load.stop();
  await server.stop();
}
const seconds = (performance.now() - started) / 1000;

const kb = (bytes) => round(bytes / 1024);
const mb = (bytes) => round(bytes / 2 ** 20);
const [d, b0, b1] = results;
save(
  'memory',
  { clients: n, results, seconds },
  [
    `### Memory per idle subscribed client (${n} clients; after gc(); ${Math.round(seconds)} s)`,
    '',
    table(
      [
        'server',
        'clients',
        'RSS before → after (MB)',
        'heap before → after (MB)',
        'RSS / client (KB)',
        'heap / client (KB)',
        'external / client (KB)',
      ],
      results.map((r) => [
        serverNames[r.kind],
        r.clients,
        `${mb(r.before.rss)} → ${mb(r.after.rss)}`,
        `${mb(r.before.heapUsed)} → ${mb(r.after.heapUsed)}`,
        kb(r.rssPerClient),
        kb(r.heapPerClient),
        kb(r.externalPerClient),
      ]),
    ),
    '',
    `Dayline ÷ B0: RSS ${ratio(d.rssPerClient, b0.rssPerClient)}, heap ${ratio(d.heapPerClient, b0.heapPerClient)}. ` +
      `Dayline ÷ B1: RSS ${ratio(d.rssPerClient, b1.rssPerClient)}, heap ${ratio(d.heapPerClient, b1.heapPerClient)}.`,
  ].join('\n'),
);
