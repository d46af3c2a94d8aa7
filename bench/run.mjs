/**
 * Runs every benchmark, one after another, and writes a summary with the machine's description.
 *
 *   npm run bench                         # default sizes, a few minutes
 *   npm run bench -- --full               # 20k clients, 1M rows, 50k updates in the page (long)
 *   npm run bench -- --only fanout,reads  # some of them
 *   npm run bench -- --no-build           # use the current server/dist and client/dist
 *
 * Results: BENCH_OUT (default /tmp/dayline-bench/<time>/), one .json and .md per benchmark and
 * summary.md. Figures are only comparable within one run: the baselines run in the same one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDir, full, machine, root, table } from './lib.mjs';

const benchmarks = ['fanout', 'throughput', 'memory', 'ingest', 'reads', 'page'];
const onlyArg = process.argv.find((a, i) => process.argv[i - 1] === '--only');
const chosen = onlyArg ? onlyArg.split(',') : benchmarks;
const unknown = chosen.filter((name) => !benchmarks.includes(name));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${benchmarks.join(', ')}\n`);
  process.exit(2);
}
const out =
  process.env.BENCH_OUT ??
  path.join(os.tmpdir(), 'dayline-bench', new Date().toISOString().replace(/[:.]/g, '-'));

if (!process.argv.includes('--no-build')) {
  for (const [command, args] of [
    ['npx', ['tsc', '-b', 'server']],
    ['npm', ['run', 'build', '-w', 'client']],
  ]) {
    process.stderr.write(`$ ${command} ${args.join(' ')}\n`);
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', timeout: 300_000 });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const host = machine();
process.stderr.write(`machine: ${JSON.stringify(host)}\nresults: ${out}\n`);
const durations = [];
let current;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    current?.kill('SIGTERM');
    process.exit(130);
  });
for (const name of chosen) {
  process.stderr.write(`\n== ${name}${full ? ' (full)' : ''}\n`);
  const started = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(benchDir, `${name}.mjs`), ...(full ? ['--full'] : [])], {
      cwd: root,
      env: { ...process.env, BENCH_OUT: out },
      stdio: 'inherit',
    });
    current = child;
    // Each benchmark has its own time limit; this one only catches a benchmark that hangs anyway.
    const timer = setTimeout(() => child.kill('SIGKILL'), (full ? 65 : 15) * 60_000);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  durations.push([
    name,
    code === 0 ? 'ok' : `failed (${code})`,
    Math.round((performance.now() - started) / 1000),
  ]);
}

const sections = chosen
  .map((name) => path.join(out, `${name}.md`))
  .filter((file) => existsSync(file))
  .map((file) => readFileSync(file, 'utf8'));
const summary = [
  `## Run of ${new Date().toISOString()}${full ? ' (--full)' : ''}`,
  '',
  `Machine: ${host.nproc} cores (${host.cpu}), ${host.memoryGiB} GiB, Node ${host.node}; pinning: ${host.pinning}; ` +
    `open files limit ${host.nofile}; load average at start ${host.loadavg.join(' ')}.`,
  '',
  table(['benchmark', 'result', 'seconds'], durations),
  '',
  ...sections,
].join('\n');
writeFileSync(path.join(out, 'summary.md'), `${summary}\n`);
process.stderr.write(`\nsummary: ${path.join(out, 'summary.md')}\n`);
process.exit(durations.every(([, result]) => result === 'ok') ? 0 : 1);
