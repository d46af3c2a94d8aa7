import { eventDay, type Event, type Update } from '@dayline/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { demoEvent, demoSlug } from '../../src/demo/event.js';
import { demoHistory } from '../../src/demo/history.js';
import { demoItems } from '../../src/demo/seed.js';
import { DemoSimulator } from '../../src/demo/simulator.js';
import { simulatorLines } from '../../src/demo/simulator-lines.js';
import { eventConfigSchema } from '../../src/config.js';
import { TopicTagger } from '../../src/topics/tagger.js';
import { startServer, type TestServer } from './helpers.js';

const servers: TestServer[] = [];
afterEach(async () => {
  // The last started first: a restarted server shares the first one's database.
  for (const server of servers.reverse()) await server.close();
  servers.length = 0;
});

/** The built-in event as loadConfig makes it when the process starts at `now`. */
const builtIn = (now: string) => ({
  demo: true,
  builtInEvent: true,
  events: [eventConfigSchema.parse(demoEvent(new Date(now)))],
});

async function allUpdates(url: string): Promise<Update[]> {
  const page = (await (await fetch(`${url}/api/events/${demoSlug}/updates?limit=200`)).json()) as {
    items: Update[];
  };
  return page.items;
}

async function startDate(url: string): Promise<string | undefined> {
  const events = (await (await fetch(`${url}/api/events`)).json()) as Event[];
  return events.find((e) => e.slug === demoSlug)?.startDate;
}

describe('demo', () => {
  it('is a fictional conflict in its third week: day 1 twenty days back, updates on every day up to today', async () => {
    // 11:00 in the demo's zone (Europe/Bucharest) on 24 Nov 2026.
    const now = '2026-11-24T09:00:00Z';
    const server = await startServer(builtIn(now), { now });
    servers.push(server);
    expect(await startDate(server.url)).toBe('2026-11-04');
    const days = await server.store.countDays(demoSlug, {});
    expect(days.map((d) => d.day).sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const updates = await allUpdates(server.url);
    expect(updates.length).toBe(
      demoItems({ startDate: '2026-11-04', timeZone: 'Europe/Bucharest' }, new Date(now)).length,
    );
    expect(updates.length).toBeGreaterThan(60);
    // Nothing from the future: today's part of the history is squeezed into the hours gone by.
    for (const update of updates) expect(update.publishedAt <= new Date(now).toISOString()).toBe(true);
    expect(days.find((d) => d.day === 21)?.count).toBeGreaterThanOrEqual(3);
    // Every topic of the demo is used, by its own keyword rules.
    const used = new Set(days.flatMap((d) => Object.keys(d.topics)));
    expect([...used].sort()).toEqual(
      builtIn(now)
        .events[0]!.topics.map((t) => t.id)
        .sort(),
    );

    // Several outlets report the same stories, so stories show.
    const stories = new Map<string, number>();
    for (const update of updates) if (update.story) stories.set(update.story.id, update.story.size);
    expect([...stories.values()].filter((size) => size >= 3).length).toBeGreaterThanOrEqual(5);
    expect(stories.size).toBeGreaterThanOrEqual(15);
    // Key events, one sticky post, one correction with its note, written as an editor writes them.
    expect(updates.filter((u) => u.pinned).map((u) => u.day)).toEqual([20, 18, 11, 8, 5, 1]);
    const sticky = updates.filter((u) => u.sticky);
    expect(sticky.map((u) => u.title)).toEqual([
      'About this page: a fictional conflict, written for the Dayline demo',
    ]);
    const corrected = updates.filter((u) => u.status === 'corrected');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toMatchObject({
      day: 21,
      summary: expect.stringContaining('two railway workers were injured'),
      correctionNote: 'An earlier version said two railway workers were killed. They were injured.',
    });
    const versions = (await (
      await fetch(`${server.url}/api/updates/${corrected[0]!.id}/versions`)
    ).json()) as {
      items: { kind: string; note?: string }[];
    };
    expect(versions.items.map((v) => v.kind)).toEqual(['created', 'corrected']);

    // Three days later on the same database: the same day 1, no second copy of the history.
    const later = '2026-11-27T09:00:00Z';
    const restarted = await startServer(builtIn(later), { now: later, databaseUrl: server.databaseUrl });
    servers.push(restarted);
    expect(await startDate(restarted.url)).toBe('2026-11-04');
    expect(await restarted.store.countUpdates(demoSlug)).toBe(updates.length);
    const daysAfter = await restarted.store.countDays(demoSlug, {});
    expect(daysAfter.map((d) => d.day).sort((a, b) => a - b)).toEqual(
      days.map((d) => d.day).sort((a, b) => a - b),
    );
  });

  it('loaded just after midnight, today’s part of the history fits in the minutes gone by, in order', () => {
    // 00:10 in Bucharest on 24 Nov 2026: day 21 of a demo whose day 1 is 4 Nov.
    const now = new Date('2026-11-23T22:10:00Z');
    const clock = { startDate: '2026-11-04', timeZone: 'Europe/Bucharest' };
    const items = demoItems(clock, now);
    const today = items.filter((item) => eventDay(item.input.publishedAt, clock) === 21);
    expect(today.length).toBe(demoHistory.filter((s) => s.day === 21).flatMap((s) => s.reports).length);
    const times = today.map((item) => item.input.publishedAt);
    expect(times).toEqual([...times].sort());
    for (const at of times) expect(at >= '2026-11-23T22:00:00.000Z' && at <= now.toISOString()).toBe(true);
    expect(items.every((item) => item.input.publishedAt <= now.toISOString())).toBe(true);
  });

  it('every report and simulator line gets a topic from the demo’s own rules (the demo note aside)', () => {
    const tagger = new TopicTagger(eventConfigSchema.parse(demoEvent()).topics);
    const texts = [...demoHistory.flatMap((s) => s.reports).filter((r) => !r.sticky), ...simulatorLines];
    for (const text of texts) expect(tagger.explain(text).topics.length, text.title).toBeGreaterThan(0);
  });

  it('the simulator posts new updates now, through the pipeline, so they go live', async () => {
    const now = '2026-11-24T09:00:00Z';
    const server = await startServer({ demo: false, events: builtIn(now).events }, { now });
    servers.push(server);
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: demoSlug });
    const arrived = new Promise((resolve) => socket.once('update:new', resolve));
    const simulator = new DemoSimulator({
      event: demoSlug,
      updates: server.app.updates,
      clock: server.clock,
      logger: pino({ level: 'silent' }),
      minDelayMs: 10,
      maxDelayMs: 20,
    });
    simulator.start();
    await expect(arrived).resolves.toMatchObject({ publishedAt: '2026-11-24T09:00:00.000Z', day: 21 });
    simulator.stop();
    expect(await server.store.countUpdates(demoSlug)).toBeGreaterThanOrEqual(1);
  });
});
