import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type {
  ClientToServerEvents,
  Role,
  ServerToClientEvents,
  SessionInfo,
  UpdateInput,
} from '@dayline/shared';
import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { hashPassword } from '../../src/accounts/passwords.js';
import { createApp, type App } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';
import { eventConfigSchema, type Config } from '../../src/config.js';
import type { PollerOptions } from '../../src/feeds/poller.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase } from './databases.js';

export const token = 'test-ingest-token-0123456789';

/** A small event of our own, so tests do not depend on the demo's topics. */
export const testEvent = eventConfigSchema.parse({
  slug: 'test-war',
  title: 'Test war',
  startDate: '2022-02-24',
  timeZone: 'Europe/Kyiv',
  topics: [
    { id: 'military', label: 'Military', color: '#b91c1c', keywords: ['shelling', 'missile', 'front line'] },
    { id: 'diplomacy', label: 'Diplomacy', color: '#1d4ed8', keywords: ['talks', 'ceasefire'] },
    { id: 'energy', label: 'Energy', color: '#c2410c', keywords: ['gas', 'power grid'] },
  ],
});

/**
 * `testEvent` as an operator's config file (YAML) for the CLIs; `extraMilitaryKeyword` is one more
 * rule for the military topic, as if the rules had changed since the server started.
 */
export function testEventYaml(extraMilitaryKeyword?: string): string {
  const topics = testEvent.topics.map((t) => ({
    id: t.id,
    label: t.label,
    color: t.color,
    keywords: [
      ...(t.keywords ?? []),
      ...(t.id === 'military' && extraMilitaryKeyword ? [extraMilitaryKeyword] : []),
    ],
  }));
  return `events:\n  - slug: test-war\n    title: Test war\n    startDate: '2022-02-24'\n    timeZone: Europe/Kyiv\n    topics: ${JSON.stringify(topics)}\n`;
}

/** A private event beside `testEvent`: readable only with a viewer token or a newsroom session. */
export const privateEvent = eventConfigSchema.parse({
  ...testEvent,
  slug: 'secret-war',
  title: 'Secret war',
  visibility: 'private',
});

/** A clock a test moves by hand; one per server, never shared between tests. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2022-03-20T12:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  app: App;
  store: Store;
  clock: ManualClock;
  /** DATABASE_URL of this server's own database. */
  databaseUrl: string;
  /** Restarts nothing; just a fresh real socket.io client connected to this server. */
  socket(): Promise<TestSocket>;
  post(body: unknown, options?: { token?: string | null; event?: string }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the real server on port 0 with a fresh database (temp SQLite file, or PostgreSQL). */
export async function startServer(
  overrides: Partial<Config> = {},
  options: {
    poller?: Partial<PollerOptions> | false;
    databaseUrl?: string;
    logger?: Logger;
    /** Where the server's clock starts (a restart "later" on the same database). */
    now?: string;
    /** How often the scheduler looks for due posts. */
    schedulerPollMs?: number;
    /** How often the server counts new editor decisions towards an automatic retrain. */
    retrainCheckMs?: number;
  } = {},
): Promise<TestServer> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const store = await openStore(database.url);
  const clock = new ManualClock(options.now ? new Date(options.now) : undefined);
  const config: Config & { ingestToken: string } = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    ingestToken: token,
    demo: false,
    configPath: undefined,
    allowPrivateNetworks: true,
    events: [testEvent],
    clientDir: '/nonexistent/dayline-client',
    redisUrl: undefined,
    redisStream: 'dayline-test',
    changeLogHours: 168,
    corsOrigins: [],
    embedAncestors: ['*'],
    trustProxy: 'loopback',
    feedLeaseSeconds: 120,
    // No automatic retraining unless a test asks for it (training-runs.test.ts).
    training: { retrainAfter: 0, labels: undefined, splits: ['dev'] },
    // The model costs a second and ~240 MB per server: only the tests about it turn it on.
    topicModel: false,
    // Generous, so suites that subscribe in loops are not limited; limits.test.ts sets its own.
    limits: { writesPerMinute: 100_000, subscribesPerMinute: 100_000, socketsPerAddress: 0 },
    ...overrides,
  };
  const app = await createApp(config, {
    store,
    clock,
    logger: options.logger ?? pino({ level: process.env.DAYLINE_TEST_LOG ?? 'silent' }),
    // Tests that poll feeds drive the scheduler themselves with `app.poller.drain()`.
    poller: options.poller ?? false,
    ...(options.schedulerPollMs ? { schedulerPollMs: options.schedulerPollMs } : {}),
    ...(options.retrainCheckMs ? { retrainCheckMs: options.retrainCheckMs } : {}),
  });
  const { port } = await app.listen(0);
  const url = `http://127.0.0.1:${port}`;
  const sockets: TestSocket[] = [];

  return {
    url,
    app,
    store,
    clock,
    databaseUrl: database.url,
    async socket() {
      const socket: TestSocket = connect(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    },
    post(body, { token: bearer = token, event = testEvent.slug } = {}) {
      return fetch(`${url}/api/events/${event}/updates`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}

let counter = 0;
/** A valid update; every call gives a different one unless fields say otherwise. */
export function anUpdate(fields: Partial<UpdateInput> = {}): UpdateInput {
  counter += 1;
  return {
    // Words of their own, so that updates made here do not look like one story to the clustering.
    title: `Update ${randomBytes(4).toString('hex')} number ${counter}`,
    summary: `Details ${randomBytes(4).toString('hex')}.`,
    publishedAt: '2022-03-16T10:00:00Z',
    source: { name: 'Test Wire' },
    ...fields,
  };
}

/** Resolves with the next `name` event the socket receives, or rejects after `ms`. */
export function nextEvent<K extends keyof ServerToClientEvents>(
  socket: TestSocket,
  name: K,
  ms = 1000,
): Promise<Parameters<ServerToClientEvents[K]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${ms} ms`)), ms);
    socket.once(name, ((payload: Parameters<ServerToClientEvents[K]>[0]) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

/** The password every person in these tests signs in with. */
export const testPassword = 'correct horse battery';
let testPasswordHash: Promise<string> | undefined;

/** A browser signed in to the newsroom: its session cookie and the session's CSRF token. */
export interface SignedIn {
  name: string;
  cookie: string;
  csrf: string;
}

/** Creates a person with `role` on `server` and signs them in, as the console would. */
export async function signedInPerson(server: TestServer, role: Role, name?: string): Promise<SignedIn> {
  const chosen = name ?? `${role}-${randomUUID().slice(0, 8)}`;
  testPasswordHash ??= hashPassword(testPassword);
  await server.store.users.create({
    id: randomUUID(),
    name: chosen,
    role,
    passwordHash: await testPasswordHash,
    at: new Date().toISOString(),
  });
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: chosen, password: testPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${chosen} failed: ${response.status}`);
  const { csrfToken } = (await response.json()) as SessionInfo;
  return {
    name: chosen,
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] as string,
    csrf: csrfToken,
  };
}

/**
 * A request to `server` as `person` makes it from the console (session cookie and CSRF token), or as
 * a reader without one; a `body` goes as JSON.
 */
export function requestAs(
  server: TestServer,
  person: SignedIn | undefined,
  method: string,
  url: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${server.url}${url}`, {
    method,
    headers: {
      ...(person ? { cookie: person.cookie, 'x-csrf-token': person.csrf } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs a command of server/src/cli (import, retag, export-labels…) as an operator would: in a process
 * of its own, against `server`'s database, with `config` (a config file's text) as DAYLINE_CONFIG.
 */
export async function runCli(
  server: TestServer,
  script: string,
  args: string[],
  config = testEventYaml(),
): Promise<{ stdout: string; stderr: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dayline-cli-'));
  try {
    const file = path.join(dir, 'dayline.yaml');
    writeFileSync(file, config);
    const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
    return await promisify(execFile)(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
      cwd: serverDir,
      env: { ...env, DATABASE_URL: server.databaseUrl, DAYLINE_CONFIG: file, DAYLINE_DEMO: 'off' },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
