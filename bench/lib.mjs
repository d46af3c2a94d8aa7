/**
 * Shared helpers of the benchmarks: start Dayline and the baselines as their own processes (pinned
 * to one core), start load generators (pinned to the other), talk to both over IPC, sum up numbers.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const benchDir = path.join(root, 'bench');
/** `--full` (or BENCH_FULL=1): the full sizes (20k clients, 1M rows, 50k updates in the page). */
export const full = process.argv.includes('--full') || process.env.BENCH_FULL === '1';
/** The built server to measure; BENCH_SERVER_DIST points at a prototype's build instead. */
export const serverDist = process.env.BENCH_SERVER_DIST ?? path.join(root, 'server/dist');
// The event's topic model (issue 19) adds an embedding to each live write and a background
// refinement to each bulk one; bench/topic-model.mjs measures those. The other benchmarks measure
// the rest of Dayline, as before it, unless DAYLINE_TOPIC_MODEL is set.
process.env.DAYLINE_TOPIC_MODEL ??= 'off';

export const token = 'bench-ingest-token-0123456789';
export const eventSlug = 'ukraine-war';
/** The event the bench writes to and reads: the example config's (the built-in event is the fictional demo). */
export const exampleConfig = path.join(root, 'examples/ukraine-war.yaml');
export const topics = [
  'military',
  'diplomacy',
  'humanitarian',
  'economy',
  'international',
  'energy',
  'cyber',
];

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
/** Server on core 0, load generators on core 1, when the machine has two cores and taskset. */
export const pinning = hasTaskset && os.availableParallelism() >= 2;
export const cores = { server: '0', load: '1' };

/** Moves this process (every thread) to `core`: bench scripts that load a server run on the load core. */
export function pinSelf(core = cores.load) {
  if (pinning) execFileSync('taskset', ['-a', '-p', '-c', core, String(process.pid)], { stdio: 'ignore' });
}

const children = new Set();
const tempDirs = new Set();
function killAll() {
  for (const child of children) child.kill('SIGKILL');
  // A script stopped by a signal never reaches its own clean-up.
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

/** A temporary folder that goes when the script ends, however it ends. */
export function tempDir(prefix) {
  takeChildrenAlong();
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}
/**
 * Once a script starts children, a signal or its end takes them along. Installed on first use, so
 * that importing this module (as run.mjs does) leaves the importer's own signal handling alone.
 */
let handlingSignals = false;
function takeChildrenAlong() {
  if (handlingSignals) return;
  handlingSignals = true;
  process.on('exit', killAll);
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
  ])
    process.on(signal, () => {
      killAll();
      process.exit(128 + number);
    });
}

/** Every benchmark stops by itself: past `ms` it kills what it started and fails. */
export function watchdog(ms, name) {
  setTimeout(() => {
    process.stderr.write(`${name}: gave up after ${Math.round(ms / 1000)} s\n`);
    process.exit(1);
  }, ms).unref();
}

/** Spawns `node [nodeArgs] script [args]` on one core, with an IPC channel. */
export function spawnNode(core, nodeArgs, script, args = [], options = {}) {
  takeChildrenAlong();
  const argv = [...nodeArgs, script, ...args];
  const child = pinning
    ? spawn('taskset', ['-c', core, process.execPath, ...argv], {
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        ...options,
      })
    : spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], ...options });
  children.add(child);
  child.once('exit', () => children.delete(child));
  // Keep the last lines for error messages; draining the pipes keeps the child from blocking.
  child.tail = [];
  const keep = (chunk) => {
    child.tail.push(...String(chunk).split('\n').filter(Boolean));
    child.tail.splice(0, Math.max(0, child.tail.length - 20));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

/** Request/response over a child's IPC channel, with a time limit. */
export function rpc(child) {
  let next = 0;
  const waiting = new Map();
  child.on('message', (message) => {
    const entry = waiting.get(message?.id);
    if (!entry) return;
    waiting.delete(message.id);
    clearTimeout(entry.timer);
    if (message.error) entry.reject(new Error(message.error));
    else entry.resolve(message.result);
  });
  child.once('exit', (code) => {
    for (const entry of waiting.values()) {
      clearTimeout(entry.timer);
      entry.reject(new Error(`process exited (${code}): ${child.tail.join('\n')}`));
    }
    waiting.clear();
  });
  return (cmd, payload = {}, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`${cmd}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(id, { resolve, reject, timer });
      child.send({ id, cmd, ...payload });
    });
}

function waitForUrl(child, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`no url in ${timeoutMs} ms: ${child.tail.join('\n')}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      buffer += chunk;
      for (const line of buffer.split('\n')) {
        const match = /"url":"http:\/\/[^:]+:(\d+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          resolve(`http://127.0.0.1:${match[1]}`);
          return;
        }
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${child.tail.join('\n')}`)));
  });
}

export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export const serverNames = { dayline: 'Dayline', b0: 'B0 socket.io', b1: 'B1 ws' };

/**
 * Starts Dayline (`dayline`, optionally with `bufferutil`), B0 (`b0`) or B1 (`b1`) on the server
 * core (or on `cores`, a taskset list), with the probe loaded so `memory()` and `cpu()` can ask the
 * process itself.
 */
export async function startServer(kind, options = {}) {
  const probe = pathToFileURL(path.join(benchDir, 'probe.mjs')).href;
  const nodeArgs = ['--expose-gc', '--import', probe];
  // BENCH_CPU_PROF=DIR: Dayline writes a V8 CPU profile there when it stops (`--cpu-prof`).
  if (kind === 'dayline' && process.env.BENCH_CPU_PROF)
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`);
  let child;
  let dir;
  if (kind === 'dayline') {
    dir = options.dir ?? tempDir('dayline-bench-');
    child = spawnNode(options.cores ?? cores.server, nodeArgs, path.join(serverDist, 'main.js'), [], {
      cwd: dir,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
        DAYLINE_DEMO: 'off',
        DAYLINE_CONFIG: exampleConfig,
        DAYLINE_INGEST_TOKEN: token,
        DAYLINE_CLIENT_DIR: path.join(root, 'client/dist'),
        NODE_ENV: 'production',
        // bufferutil is a dev dependency of the bench, not the server's: measured within noise of
        // plain ws here, so the server does without a native module it does not need.
        ...(options.bufferutil ? {} : { WS_NO_BUFFER_UTIL: '1' }),
      },
    });
  } else {
    child = spawnNode(
      cores.server,
      nodeArgs,
      path.join(benchDir, `baseline-${kind === 'b0' ? 'socketio' : 'ws'}.mjs`),
    );
  }
  const call = rpc(child);
  const url = await waitForUrl(child);
  return {
    kind,
    url,
    dir,
    pid: child.pid,
    /** RSS and heap after full garbage collections. */
    memory: () => call('memory'),
    /** CPU time (user + system, ms) and event-loop busy time (ms) the process has used so far. */
    cpu: () => call('cpu'),
    async stop() {
      await stopChild(child);
      if (dir && !options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A load generator process (bench/loadgen.mjs) on the load core. */
export function startLoad() {
  const child = spawnNode(cores.load, [], path.join(benchDir, 'loadgen.mjs'));
  const call = rpc(child);
  return { call, stop: () => stopChild(child) };
}

/** Runs a node script on the load core to completion and returns what it sent over IPC. */
export function runOnLoadCore(script, args, payload, timeoutMs) {
  const child = spawnNode(cores.load, [], script, args);
  const call = rpc(child);
  return call('run', payload, timeoutMs).finally(() => stopChild(child));
}

export { summary } from './stats.mjs';

export const round = (value, digits = 1) =>
  Number.isFinite(value) ? Number(value.toFixed(value >= 100 ? 0 : digits)) : value;
export const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

/** A Markdown table. */
export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function machine() {
  let nofile = 'unknown';
  try {
    nofile = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  } catch {
    // keep unknown
  }
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    pinning: pinning ? `server on core ${cores.server}, load on core ${cores.load} (taskset)` : 'none',
    nofile,
    loadavg: os.loadavg().map((l) => l.toFixed(2)),
  };
}

/** Saves a benchmark's results (JSON and Markdown) under BENCH_OUT (default /tmp/dayline-bench). */
export function save(name, data, markdown) {
  const dir = process.env.BENCH_OUT ?? path.join(os.tmpdir(), 'dayline-bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${name}.json`),
    JSON.stringify({ machine: machine(), full, ...data }, null, 2),
  );
  writeFileSync(path.join(dir, `${name}.md`), `${markdown}\n`);
  process.stdout.write(`${markdown}\n`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
