import { updateSchema, type Update, type UpdatePage } from '@dayline/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anUpdate, startServer, type TestServer } from './helpers.js';

// Random and mutated input must never crash the server, never get a 5xx, and never store an invalid update.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

/** Any JSON value, biased towards the shapes of real inputs. */
const anyJson = fc.jsonValue({ maxDepth: 3 });
const field = fc.constantFrom(
  'title',
  'summary',
  'url',
  'source',
  'author',
  'publishedAt',
  'topics',
  'externalId',
  'pinned',
  'extra',
);
const mutatedUpdate = fc
  .record({
    base: fc.constant(null).map(() => anUpdate()),
    changes: fc.array(
      fc.tuple(
        field,
        fc.oneof(
          anyJson,
          fc.string(),
          fc.webUrl(),
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
        ),
      ),
      {
        maxLength: 4,
      },
    ),
    drop: fc.array(field, { maxLength: 2 }),
  })
  .map(({ base, changes, drop }) => {
    const value: Record<string, unknown> = { ...base };
    for (const [key, v] of changes) value[key] = v;
    for (const key of drop) delete value[key];
    return value;
  });

describe('property: bad input never hurts', () => {
  it('POSTs of random and mutated bodies answer 2xx or 4xx with a JSON error, and stored updates stay valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutatedUpdate,
          anyJson,
          fc.record({ items: fc.array(fc.oneof(mutatedUpdate, anyJson), { maxLength: 5 }) }),
        ),
        async (body) => {
          const response = await server.post(body);
          expect(response.status).toBeLessThan(500);
          const json = (await response.json()) as unknown;
          if (response.status >= 400)
            expect(json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        },
      ),
      { numRuns: 300 },
    );
    const page = (await (
      await fetch(`${server.url}/api/events/test-war/updates?limit=200`)
    ).json()) as UpdatePage;
    for (const update of page.items)
      expect(updateSchema.safeParse(update).success, JSON.stringify(update)).toBe(true);
  }, 120_000);

  it('random query strings never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('topics', 'q', 'source', 'day', 'before', 'limit', 'from', 'pinned', 'x'),
          fc.string(),
        ),
        async (query) => {
          const response = await fetch(
            `${server.url}/api/events/test-war/updates?${new URLSearchParams(query)}`,
          );
          expect(response.status).toBeLessThan(500);
          const days = await fetch(`${server.url}/api/events/test-war/days?${new URLSearchParams(query)}`);
          expect(days.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('random socket payloads get an error acknowledgement, and the socket keeps working', async () => {
    const socket = await server.socket();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyJson,
          fc.record({
            event: fc.oneof(fc.constant('test-war'), fc.string()),
            topics: anyJson,
            since: anyJson,
          }),
        ),
        async (payload) => {
          const ack = (await socket.emitWithAck('subscribe', payload as never)) as {
            ok: boolean;
            error?: { code: string };
          };
          if (!ack.ok) expect(ack.error?.code).toMatch(/^(invalid_input|not_found|gap_too_large)$/);
        },
      ),
      { numRuns: 200 },
    );
    // Messages without an acknowledgement, and events the server does not know, are ignored.
    const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    raw.emit('subscribe', 'no ack');
    raw.emit('unknown-event', { a: 1 });
    const ok = await socket.emitWithAck('subscribe', { event: 'test-war' });
    expect(ok.ok).toBe(true);
    const posted = (await (await server.post(anUpdate({ title: 'After the fuzz' }))).json()) as Update;
    expect(posted.title).toBe('After the fuzz');
  }, 60_000);
});
