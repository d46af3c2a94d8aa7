import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BatchResult, ErrorBody, Update } from '@dayline/shared';
import SqliteDatabase from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { ManualClock } from '../integration/helpers.js';
import { ukraineWarFile } from '../support/ukraine-war.js';

// A real SQLITE_FULL, portably: the connection's max_page_count is lowered to the file's size, so
// SQLite refuses to grow it exactly as it does when the disk has no room left.
const token = 'disk-full-token-0123456789';
const event = 'ukraine-war';

let dir: string;
let file: string;
let sqlite: SqliteDatabase.Database | undefined;
let store: Store;
let app: App;
let url = '';
let closed = false;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-full-'));
  file = path.join(dir, 'dayline.db');
  store = await openStore(`sqlite:${file}`, { cwd: dir, onSqliteOpen: (db) => (sqlite = db) });
  const config = loadConfig({
    DATABASE_URL: `sqlite:${file}`,
    DAYLINE_INGEST_TOKEN: token,
    DAYLINE_DEMO: 'off',
    DAYLINE_CONFIG: ukraineWarFile,
    DAYLINE_WRITE_RATE: '1000000',
    DAYLINE_CLIENT_DIR: '/nonexistent/dayline-client',
  });
  app = await createApp(
    { ...config, ingestToken: token },
    { store, clock: new ManualClock(), logger: pino({ level: 'silent' }), poller: false },
  );
  url = `http://127.0.0.1:${(await app.listen(0)).port}`;
});
afterAll(async () => {
  if (!closed) {
    await app.close();
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

const anItem = (n: number) => ({
  title: `Disk full test update ${n} ${randomBytes(4).toString('hex')}`,
  summary: randomBytes(1500).toString('hex'),
  publishedAt: '2022-03-16T10:00:00Z',
  externalId: `full-${n}`,
});

const post = (body: unknown) =>
  fetch(`${url}/api/events/${event}/updates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('SQLite out of space', () => {
  it('refuses writes with 507 storage_full, keeps reads and the file intact, and recovers', async () => {
    if (!sqlite) throw new Error('the store did not open a SQLite connection');
    const acknowledged = new Set<string>();
    let n = 0;
    for (; n < 20; n++) {
      const response = await post(anItem(n));
      expect(response.status).toBe(201);
      acknowledged.add(`full-${n}`);
    }

    // No room to grow: the pages already in the file are all there is.
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    const refused: ReturnType<typeof anItem>[] = [];
    for (; refused.length === 0 && n < 500; n++) {
      const item = anItem(n);
      const response = await post(item);
      if (response.status === 201) {
        acknowledged.add(item.externalId);
        continue;
      }
      expect(response.status).toBe(507);
      expect(response.headers.get('retry-after')).not.toBeNull();
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe('storage_full');
      expect(body.error.message).toMatch(/out of space/);
      refused.push(item);
    }
    expect(refused).toHaveLength(1);

    // A batch is refused whole: none of it is acknowledged.
    const batch = [anItem(n++), anItem(n++), anItem(n++)];
    const batchResponse = await post({ items: batch });
    expect(batchResponse.status).toBe(507);
    expect(((await batchResponse.json()) as ErrorBody).error.code).toBe('storage_full');
    refused.push(...batch);

    // A story of its own, refused: it must not stay in story clustering as if stored.
    const story = {
      title: 'Reservoir dam breach floods the riverside suburbs of Kherson',
      // Long enough to need pages the file does not have.
      summary: 'Water from the breached reservoir dam covered the riverside suburbs by morning. '.repeat(40),
      publishedAt: '2022-03-16T10:05:00Z',
      externalId: 'full-story',
    };
    expect((await post(story)).status).toBe(507);
    refused.push(story);

    // Reads go on while the disk is full, and the file is sound.
    const list = await fetch(`${url}/api/events/${event}/updates?limit=100`);
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: Update[] };
    expect(new Set(items.map((u) => u.externalId))).toEqual(acknowledged);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // Space is freed: what was refused goes in as new (nothing of it was half-written), and more.
    sqlite.pragma('max_page_count = 1073741823');
    const sameStory = {
      ...story,
      title: 'Dam breach floods riverside suburbs of Kherson after reservoir gives way',
      externalId: 'full-same-story',
    };
    expect((await post(sameStory)).status).toBe(201);
    acknowledged.add(sameStory.externalId);
    for (const item of refused) {
      const response = await post(item);
      expect(response.status).toBe(201);
      acknowledged.add(item.externalId);
    }
    const more = (await (await post({ items: [anItem(n++), anItem(n++)] })).json()) as {
      results: BatchResult[];
    };
    expect(more.results.map((r) => r.status)).toEqual(['created', 'created']);
    acknowledged.add(`full-${n - 2}`).add(`full-${n - 1}`);

    // After a clean close, the file checks out and holds every acknowledged update exactly once,
    // each with its change-log entry.
    closed = true;
    await app.close();
    await store.close();
    const check = new SqliteDatabase(file, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.pragma('foreign_key_check')).toEqual([]);
      const rows = check.prepare('select external_id, cursor from updates').all() as {
        external_id: string;
        cursor: number;
      }[];
      expect(rows).toHaveLength(acknowledged.size);
      expect(new Set(rows.map((r) => r.external_id))).toEqual(acknowledged);
      const logged = check
        .prepare(
          "select count(*) as n from changes join updates on updates.id = update_id where kind = 'new'",
        )
        .get() as { n: number };
      expect(logged.n).toBe(acknowledged.size);
      // A refused write leaves no trace in story clustering either: the refused items, sent again,
      // did not join stories of updates that were never stored.
      const orphans = check
        .prepare(
          'select count(*) as n from updates u where not exists (select 1 from updates h where h.id = u.story_id)',
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      check.close();
    }
  }, 60_000);
});
