import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const ingestToken = 'e2e-ingest-token-0123456789';

export interface RunningServer {
  url: string;
  /** Everything the server has logged so far. */
  log(): string;
  stop(): Promise<void>;
}

/** The Russia–Ukraine event of examples/, which the specs post to (`ukraine-war`). */
export const exampleConfig = path.join(root, 'examples/ukraine-war.yaml');

/**
 * Starts the built server (`npm run build` first) as its own process on a free port, in a fresh
 * data folder, and resolves once it logs its URL. It serves examples/ukraine-war.yaml unless `env`
 * names another DAYLINE_CONFIG, or the built-in demo event with `{ builtInEvent: true }`.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { builtInEvent?: boolean } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dayline-e2e-'));
  const { DAYLINE_CONFIG: _ignored, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
    cwd: dataDir,
    env: {
      ...inherited,
      ...(options.builtInEvent ? {} : { DAYLINE_CONFIG: exampleConfig }),
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dataDir, 'e2e.db')}`,
      DAYLINE_INGEST_TOKEN: ingestToken,
      DAYLINE_DEMO: 'off',
      // examples/ukraine-war.yaml has a trained topic model: ~1 s and ~240 MB a server. Specs that
      // are about the model turn it on.
      DAYLINE_TOPIC_MODEL: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${buffered}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${buffered}`));
    });
  });
  return {
    url,
    log: () => buffered,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
