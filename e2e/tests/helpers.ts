import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Update, UpdateInput, UpdatePatch } from '@dayline/shared';
import { expect, type Locator, type Page } from '@playwright/test';
import { ingestToken, startServer, type RunningServer } from '../server.js';

const execFileAsync = promisify(execFile);

/** A write through the public API, as an editor's tool would make it. */
async function write<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function postOne(baseUrl: string, event: string, input: UpdateInput): Promise<Update> {
  return write(baseUrl, 'POST', `/api/events/${event}/updates`, input);
}

/** Posts a batch and returns the ids in the order given. */
export async function postMany(baseUrl: string, event: string, items: UpdateInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < items.length; i += 500) {
    const { results } = await write<{ results: { id?: string; status: string }[] }>(
      baseUrl,
      'POST',
      `/api/events/${event}/updates`,
      { items: items.slice(i, i + 500) },
    );
    for (const result of results) {
      if (!result.id) throw new Error(`an item was rejected: ${JSON.stringify(result)}`);
      ids.push(result.id);
    }
  }
  return ids;
}

export function patchUpdate(baseUrl: string, id: string, patch: UpdatePatch): Promise<Update> {
  return write(baseUrl, 'PATCH', `/api/updates/${encodeURIComponent(id)}`, patch);
}

export function retractUpdate(baseUrl: string, id: string, reason?: string): Promise<Update> {
  return write(baseUrl, 'DELETE', `/api/updates/${encodeURIComponent(id)}`, reason ? { reason } : {});
}

const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'zi', 'be', 'du', 'fe', 'gu'];
/** Made-up words handed out so far in this worker: no two generated items share one. */
let madeUpWords = 0;

/** A made-up word no other generated item uses (5 syllables: about 250,000 of them). */
function madeUpWord(): string {
  let n = madeUpWords++;
  let word = '';
  for (let d = 0; d < 5; d++) {
    word += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return word;
}

/** Made-up words of its own for a summary, so the item is never taken for another story. */
export function ownWords(count = 24): string {
  return Array.from({ length: count }, madeUpWord).join(' ');
}

/**
 * `count` updates, one an hour backwards from `newest`, titled `${prefix} N` (N = 1 is the newest).
 * Each summary ends in words of its own: the server groups similar reports into one story, and
 * "Report 1" and "Report 2" alone would read as one story told twice.
 */
export function hourly(
  count: number,
  newest: string,
  prefix: string,
  extra: Partial<UpdateInput> = {},
): UpdateInput[] {
  const start = Date.parse(newest);
  return Array.from({ length: count }, (_, i) => ({
    title: `${prefix} ${i + 1}`,
    summary: `Body of ${prefix.toLowerCase()} ${i + 1}. ${ownWords()}.`,
    publishedAt: new Date(start - i * 3600_000).toISOString(),
    source: { name: 'E2E Wire' },
    ...extra,
  }));
}

export interface CardInfo {
  id: string;
  title: string;
  status: string;
}

/** The cards on the page in order: id, visible title and status. */
export function cardsOf(page: Page): Promise<CardInfo[]> {
  return page.getByTestId('update-card').evaluateAll((cards) =>
    cards.map((card) => ({
      id: card.getAttribute('data-id') ?? '',
      title: card.querySelector('h3')?.textContent?.trim() ?? '',
      status: card.getAttribute('data-status') ?? '',
    })),
  );
}

/** Waits until the page is subscribed and showing cards. */
export async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await expect(page.getByTestId('update-card').first()).toBeVisible();
}

export interface ConfiguredServer extends RunningServer {
  /** The store the server uses, for the CLI (`npm run token`). */
  databaseUrl: string;
  /** The config file it was started with. */
  configPath: string;
}

/**
 * A server started with a config file (YAML text) and a store in a folder of our own, so tools such
 * as the token CLI can open the same store. The folder goes when the server stops.
 */
export async function startConfigured(
  config: string,
  env: Record<string, string> = {},
): Promise<ConfiguredServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dayline-e2e-config-'));
  const configPath = path.join(dir, 'dayline.yaml');
  writeFileSync(configPath, config);
  const databaseUrl = `sqlite:${path.join(dir, 'store.db')}`;
  let server: RunningServer;
  try {
    server = await startServer({ DAYLINE_CONFIG: configPath, DATABASE_URL: databaseUrl, ...env });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    log: () => server.log(),
    databaseUrl,
    configPath,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Creates a named token with the CLI operators use (`npm run token -- create`); returns the token. */
export async function createToken(
  server: ConfiguredServer,
  name: string,
  scope: 'viewer' | 'ingest' | 'admin',
): Promise<string> {
  const { stdout } = await execFileAsync(
    process.execPath,
    [path.join(repoRoot, 'server/dist/cli/token.js'), 'create', '--name', name, '--scope', scope],
    {
      cwd: path.dirname(server.configPath),
      env: {
        ...process.env,
        DATABASE_URL: server.databaseUrl,
        DAYLINE_CONFIG: server.configPath,
        DAYLINE_INGEST_TOKEN: ingestToken,
      },
    },
  );
  const token = stdout.trim().split('\n').at(-1)?.trim();
  if (!token?.startsWith('dl_')) throw new Error(`the token CLI printed no token:\n${stdout}`);
  return token;
}

export interface FixtureServer {
  url: string;
  /** How many times each path was asked for. */
  hits: Map<string, number>;
  stop(): Promise<void>;
}

/** A small HTTP server on 127.0.0.1 (port 0) answering fixed bodies by path: feeds for the poller. */
export async function serveFixtures(
  routes: Record<string, { body: string; type?: string; status?: number }>,
): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://fixture').pathname;
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    const route = routes[pathname];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    res
      .writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/rss+xml; charset=utf-8' })
      .end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL nothing answers: a port that was free a moment ago and is closed again. */
export async function deadUrl(pathname = '/feed.xml'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${pathname}`;
}

/** XML text content: `<`, `>`, `&` and quotes escaped. */
export function xmlText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

export interface FeedItem {
  title: string;
  link: string;
  guid?: string;
  description?: string;
  pubDate: string;
  categories?: string[];
}

/** An RSS 2.0 document; titles, descriptions and categories are escaped as XML text. */
export function rssFeed(title: string, link: string, items: FeedItem[]): string {
  const entries = items
    .map(
      (item) => `    <item>
      <title>${xmlText(item.title)}</title>
      <link>${xmlText(item.link)}</link>
      <guid isPermaLink="false">${xmlText(item.guid ?? item.link)}</guid>
      <pubDate>${new Date(item.pubDate).toUTCString()}</pubDate>
${(item.categories ?? []).map((c) => `      <category>${xmlText(c)}</category>`).join('\n')}
      ${item.description === undefined ? '' : `<description>${xmlText(item.description)}</description>`}
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${xmlText(title)}</title>
    <link>${xmlText(link)}</link>
    <description>Fixture feed for the end-to-end tests</description>
${entries}
  </channel>
</rss>
`;
}

/**
 * Opens the reader's filters sheet (source, time zone, theme, jump to day) as a reader would, with
 * its button in the controls' row, and returns the open dialog.
 */
export async function openFilters(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Filters/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Filters and settings' });
  await expect(sheet).toBeVisible();
  return sheet;
}
