/**
 * Runs every benchmark, one after another, and writes a summary with the machine's description.
 *
 *   npm run bench                         # default sizes, a few minutes
 *   npm run bench -- --full               # 20k clients, 1M rows, 50k updates in the page (long)
 *   npm run bench -- --only fanout,reads  # some of them
 *   npm run bench -- --no-build           # use the current server/dist and client/dist
 *   npm run bench:smoke                   # the harness's smoke run (CI): tiny, bounded, checks only
 *
 * Results: BENCH_OUT (default /tmp/dayline-bench/<time>/), one .json and .md per benchmark and
 * summary.md. Figures are only comparable within one run: the baselines run in the same one.
 *
 * Each benchmark runs in a process group of its own, so that stopping it (Ctrl-C, SIGTERM, its time
 * limit) also stops the servers and load generators it started. Exit code: 0 when every benchmark
 * succeeded, 1 when one failed, 128 + the signal's number when stopped by a signal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDir, full, machine, root, table } from './lib.mjs';

const smoke = process.argv.includes('--smoke');
const benchmarks = ['fanout', 'throughput', 'memory', 'ingest', 'reads', 'page'];
/** The smoke run: whether the harness still works end to end, not how fast anything is. */
const smokeBenchmarks = ['fanout', 'ingest', 'reads'];
const onlyArg = process.argv.find((a, i) => process.argv[i - 1] === '--only');
const chosen = onlyArg ? onlyArg.split(',') : smoke ? smokeBenchmarks : benchmarks;
const unknown = chosen.filter((name) => !benchmarks.includes(name));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${benchmarks.join(', ')}\n`);
  process.exit(2);
}
const keepOut = Boolean(process.env.BENCH_OUT) || !smoke;
const out =
  process.env.BENCH_OUT ??
  (smoke
    ? mkdtempSync(path.join(os.tmpdir(), 'dayline-bench-smoke-'))
    : path.join(os.tmpdir(), 'dayline-bench', new Date().toISOString().replace(/[:.]/g, '-')));
/** Per benchmark; the benchmarks' own watchdogs normally stop them well before. */
const limitMs = (smoke ? 3 : full ? 65 : 15) * 60_000;
const signalNumbers = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

let current;
let stopping;
/** Sends `signal` to a benchmark and everything it started. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
for (const signal of Object.keys(signalNumbers)) {
  process.on(signal, () => {
    if (stopping) {
      // A second signal: no more waiting.
      if (current) signalGroup(current, 'SIGKILL');
      process.exit(128 + signalNumbers[signal]);
    }
    stopping = signal;
    process.stderr.write(`\n${signal}: stopping ${current ? 'the running benchmark' : ''}\n`);
    if (!current) process.exit(128 + signalNumbers[signal]);
    signalGroup(current, 'SIGTERM');
    setTimeout(() => current && signalGroup(current, 'SIGKILL'), 10_000).unref();
  });
}

if (!process.argv.includes('--no-build')) {
  for (const [command, args] of [
    ['npx', ['tsc', '-b', 'server']],
    ['npm', ['run', 'build', '-w', 'client']],
  ]) {
    process.stderr.write(`$ ${command} ${args.join(' ')}\n`);
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', timeout: 300_000 });
    if (stopping) process.exit(128 + signalNumbers[stopping]);
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

/** Runs one benchmark to its end; resolves with how it ended. */
function runBenchmark(name) {
  return new Promise((resolve) => {
    const args = [
      path.join(benchDir, `${name}.mjs`),
      ...(full ? ['--full'] : []),
      ...(smoke ? ['--smoke'] : []),
    ];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, BENCH_OUT: out },
      stdio: 'inherit',
      detached: true,
    });
    current = child;
    const timer = setTimeout(() => {
      process.stderr.write(`${name}: still running after ${limitMs / 60_000} min, stopping it\n`);
      signalGroup(child, 'SIGTERM');
      setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000).unref();
    }, limitMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Whatever it left behind (a server it could not stop) goes with it.
      signalGroup(child, 'SIGKILL');
      current = undefined;
      resolve({ code, signal });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: null, signal: null, error });
    });
  });
}

const host = machine();
process.stderr.write(`machine: ${JSON.stringify(host)}\nresults: ${out}\n`);
const durations = [];
for (const name of chosen) {
  if (stopping) break;
  process.stderr.write(`\n== ${name}${full ? ' (full)' : ''}${smoke ? ' (smoke)' : ''}\n`);
  const started = performance.now();
  const { code, signal, error } = await runBenchmark(name);
  const result =
    code === 0
      ? 'ok'
      : `failed (${error ? error.message : signal ? `killed by ${signal}` : `exit code ${code}`})`;
  durations.push([name, result, Math.round((performance.now() - started) / 1000)]);
}

const sections = chosen
  .map((name) => path.join(out, `${name}.md`))
  .filter((file) => existsSync(file))
  .map((file) => readFileSync(file, 'utf8'));
const summary = [
  `## ${smoke ? 'Smoke run' : 'Run'} of ${new Date().toISOString()}${full ? ' (--full)' : ''}`,
  '',
  `Machine: ${host.nproc} cores (${host.cpu}), ${host.memoryGiB} GiB, Node ${host.node}; pinning: ${host.pinning}; ` +
    `open files limit ${host.nofile}; load average at start ${host.loadavg.join(' ')}.`,
  '',
  table(['benchmark', 'result', 'seconds'], durations),
  '',
  ...sections,
].join('\n');
writeFileSync(path.join(out, 'summary.md'), `${summary}\n`);
if (keepOut) process.stderr.write(`\nsummary: ${path.join(out, 'summary.md')}\n`);
else {
  process.stderr.write(`\n${table(['benchmark', 'result', 'seconds'], durations)}\n`);
  rmSync(out, { recursive: true, force: true });
}
if (stopping) process.exit(128 + signalNumbers[stopping]);
process.exit(durations.length === chosen.length && durations.every(([, r]) => r === 'ok') ? 0 : 1);
