import { firstViewSchema, updatePageSchema, type Update } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, startServer, testEvent, type TestServer } from './helpers.js';

// From a permalink a reader scrolls newer too: `after` pages walk up to the newest update.
let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function get(path: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.json();
}

/** Seven updates an hour apart, two sharing one instant (ties are broken by id); newest first. */
async function seed(): Promise<Update[]> {
  const made: Update[] = [];
  const times = ['10', '11', '12', '12', '13', '14', '15'].map((h) => `2022-03-16T${h}:00:00Z`);
  for (const [i, publishedAt] of times.entries()) {
    const response = await server.post(anUpdate({ publishedAt, summary: `Convoy report ${i}.` }));
    made.push((await response.json()) as Update);
  }
  return made.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id.localeCompare(a.id));
}

describe('newer pages', () => {
  it('walk from a permalink up to the newest update, each once, in timeline order', async () => {
    const timeline = await seed();
    const start = timeline[5]!;
    const first = firstViewSchema.parse(
      await get(`/api/first-view?event=${testEvent.slug}&update=${start.id}&limit=2`),
    );
    expect(first.view?.page.items.map((u) => u.id)).toEqual([timeline[5]!.id, timeline[6]!.id]);
    let newer = first.view?.page.newer ?? null;
    expect(newer).not.toBeNull();

    const seen: string[] = [];
    while (newer !== null) {
      const page = updatePageSchema.parse(
        await get(`/api/events/${testEvent.slug}/updates?after=${newer}&limit=2`),
      );
      expect(page.next).toBeNull();
      seen.unshift(...page.items.map((u) => u.id));
      newer = page.newer ?? null;
    }
    expect(seen).toEqual(timeline.slice(0, 5).map((u) => u.id));
  });

  it('keep to the filters, and the latest page has no newer token', async () => {
    const timeline = await seed();
    const latest = updatePageSchema.parse(await get(`/api/events/${testEvent.slug}/updates?limit=3`));
    expect(latest.newer).toBeUndefined();

    const oldest = timeline.at(-1)!;
    const from = firstViewSchema.parse(
      await get(`/api/first-view?event=${testEvent.slug}&update=${oldest.id}&q=convoy&limit=1`),
    );
    const page = updatePageSchema.parse(
      await get(`/api/events/${testEvent.slug}/updates?after=${from.view?.page.newer}&q=convoy&limit=50`),
    );
    expect(page.items.map((u) => u.id)).toEqual(timeline.slice(0, 6).map((u) => u.id));
    expect(page.newer).toBeNull();
  });

  it('refuses an unreadable token', async () => {
    const response = await fetch(`${server.url}/api/events/${testEvent.slug}/updates?after=nonsense`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
  });
});
