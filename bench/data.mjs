/**
 * Synthetic updates for the ingest, reads and page benchmarks, and the raw better-sqlite3 writer
 * that stores them exactly as the store would (the baseline of the ingest benchmark, and the fast
 * way to fill a database with a million rows).
 */
import { createHash, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eventDay } from '@dayline/shared';
import Database from 'better-sqlite3';
import { eventSlug, exampleConfig, serverDist, token } from './lib.mjs';

const event = { slug: eventSlug, startDate: '2022-02-24', timeZone: 'Europe/Kyiv' };
/** Share of updates per topic: a few common, one rare. */
const topicWeights = [
  ['military', 0.4],
  ['diplomacy', 0.2],
  ['humanitarian', 0.12],
  ['economy', 0.1],
  ['international', 0.08],
  ['energy', 0.06],
  ['cyber', 0.04],
];
const outlets = Array.from({ length: 20 }, (_, i) => `Outlet ${i + 1}`);

/** mulberry32: a small seeded generator, so every run measures the same text. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = 'ka lo mi nu re sa ti vo ze ra ne po lu di ma fe go hi ju be ko'.split(' ');
const vocabularyRandom = random(7);
/** 5,000 made-up words (no topic keyword matches them); word 0 is the most frequent. */
export const vocabulary = Array.from({ length: 5000 }, () =>
  Array.from(
    { length: 2 + Math.floor(vocabularyRandom() * 3) },
    () => syllables[Math.floor(vocabularyRandom() * 21)],
  ).join(''),
);

/** `count` UpdateInputs, one every few minutes from the event's start, oldest first. */
export function* updateInputs(count, seed = 1, spanDays = 1000) {
  const rnd = random(seed);
  // Skewed towards the first words, roughly like real text.
  const word = () => vocabulary[Math.floor(vocabulary.length * rnd() ** 3)];
  const words = (n) => Array.from({ length: n }, word).join(' ');
  const pickTopic = () => {
    let r = rnd();
    for (const [topic, weight] of topicWeights) if ((r -= weight) < 0) return topic;
    return 'military';
  };
  const start = Date.parse('2022-02-23T22:00:00Z');
  const step = (spanDays * 86_400_000) / count;
  for (let i = 0; i < count; i++) {
    const title = words(6 + Math.floor(rnd() * 7));
    yield {
      title: title.charAt(0).toUpperCase() + title.slice(1),
      summary: `${words(20 + Math.floor(rnd() * 20))}.`,
      source: { name: outlets[Math.floor(rnd() * outlets.length)] },
      publishedAt: new Date(start + Math.floor(i * step + rnd() * step)).toISOString(),
      topics: [...new Set([pickTopic(), ...(rnd() < 0.3 ? [pickTopic()] : [])])],
    };
  }
}

export function openSqlite(file, synchronous = 'FULL') {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Writes updates the way the store does (the update row, its topics, its change, its first version
 * and the per-day counts; the full-text index follows by trigger), `batch` per transaction.
 */
export function insertRaw(db, inputs, batch = 500) {
  const now = new Date().toISOString();
  const change = db.prepare(
    'insert into changes (event, update_id, kind, at, cursor) values (?, ?, ?, ?, ?)',
  );
  // Each event counts its own cursors (migration 009): one bump per transaction, as the store does.
  const takeCursors = db.prepare(
    'update events set head_cursor = head_cursor + ? where slug = ? returning head_cursor',
  );
  const update =
    db.prepare(`insert into updates (id, event, title, summary, source_name, published_at, day, topics,
    content_key, pinned, status, version, ingested_at, updated_at, cursor, created_cursor, first_cursor,
    date_estimated)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'published', 1, ?, ?, ?, ?, ?, 0)`);
  const topic = db.prepare('insert into update_topics (update_id, event, topic) values (?, ?, ?)');
  const version = db.prepare(
    "insert into update_versions (update_id, version, kind, at, content, note) values (?, 1, 'created', ?, ?, null)",
  );
  // Kept per-day counts exist from migration 007 on; a prototype's older schema has none.
  const countDays = db.prepare("select 1 from sqlite_master where name = 'day_counts'").get()
    ? db.prepare(
        'insert into day_counts (event, day, topic, count) values (?, ?, ?, ?) on conflict (event, day, topic) do update set count = count + excluded.count',
      )
    : undefined;
  const write = db.transaction((items) => {
    const counts = new Map();
    const count = (day, topic) => {
      const key = `${day}\0${topic}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    };
    let cursor = takeCursors.get(items.length, eventSlug).head_cursor - items.length;
    for (const input of items) {
      const id = randomUUID();
      cursor += 1;
      const seq = Number(change.run(eventSlug, id, 'new', now, cursor).lastInsertRowid);
      const key = createHash('sha256')
        .update(
          JSON.stringify([input.source.name.toLowerCase(), input.title.toLowerCase(), input.publishedAt]),
        )
        .digest('base64url');
      const day = eventDay(input.publishedAt, event);
      update.run(
        id,
        eventSlug,
        input.title,
        input.summary,
        input.source.name,
        input.publishedAt,
        day,
        JSON.stringify(input.topics),
        key,
        now,
        now,
        cursor,
        seq,
        cursor,
      );
      for (const t of input.topics) topic.run(id, eventSlug, t);
      count(day, '');
      for (const t of new Set(input.topics)) count(day, t);
      const { title, summary, source, publishedAt, topics } = input;
      version.run(
        id,
        now,
        JSON.stringify({ title, summary, source, publishedAt, topics, pinned: false, status: 'published' }),
      );
    }
    if (countDays) {
      for (const [key, n] of counts) {
        const [day, topicId] = key.split('\0');
        countDays.run(eventSlug, Number(day), topicId, n);
      }
    }
  });
  let count = 0;
  let items = [];
  for (const input of inputs) {
    items.push(input);
    if (items.length === batch) {
      write(items);
      count += items.length;
      items = [];
    }
  }
  if (items.length) write(items);
  return count + items.length;
}

/** An empty database with Dayline's current schema: the importer migrates it and imports nothing. */
export function migratedDatabase(file) {
  const empty = path.join(path.dirname(file), 'empty.ndjson');
  writeFileSync(empty, '');
  const run = spawnSync(
    process.execPath,
    [path.join(serverDist, 'cli/import.js'), '--event', eventSlug, empty],
    {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${file}`,
        DAYLINE_CONFIG: exampleConfig,
        DAYLINE_INGEST_TOKEN: token,
      },
      cwd: path.dirname(file),
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (run.status !== 0) throw new Error(`migrating ${file} failed: ${run.stderr}`);
  // The server records the event's clock on start and, when it is new, re-checks every stored day.
  const db = new Database(file);
  db.prepare('insert or ignore into events (slug, start_date, time_zone) values (?, ?, ?)').run(
    event.slug,
    event.startDate,
    event.timeZone,
  );
  db.close();
}
