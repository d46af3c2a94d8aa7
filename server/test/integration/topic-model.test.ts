import type { Role } from '@dayline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukraineWar } from '../support/ukraine-war.js';
import { signedInPerson, startServer, type SignedIn, type TestServer } from './helpers.js';

// GET /api/events/:slug/topic-model: admins see how the event's topic model was trained and its
// metrics (server/models/ukraine-war.json, committed), never its weights; nobody else sees it.
let server: TestServer;
const people = new Map<Role, SignedIn>();

beforeAll(async () => {
  server = await startServer({ events: [ukraineWar] });
  for (const role of ['contributor', 'editor', 'admin'] as const)
    people.set(role, await signedInPerson(server, role));
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string, role?: Role) => {
  const person = role ? people.get(role) : undefined;
  return fetch(`${server.url}${path}`, {
    headers: person ? { cookie: person.cookie, 'x-csrf-token': person.csrf } : {},
  });
};

describe('the topic model in the API', () => {
  it('shows admins the last training run: data, thresholds and cross-validated metrics, no weights', async () => {
    const response = await get('/api/events/ukraine-war/topic-model', 'admin');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      event: string;
      data: { splits: string[]; updates: number };
      crossValidated: { f1: number };
      topics: Record<string, { veto: number; add: number; crossValidated: { f1: number } }>;
    };
    expect(body.event).toBe('ukraine-war');
    expect(body.data.splits).toEqual(['dev', 'test', 'holdout-r2']);
    expect(body.crossValidated.f1).toBeGreaterThan(0.9);
    expect(Object.keys(body.topics)).toEqual(ukraineWar.topics.map((t) => t.id));
    expect(JSON.stringify(body)).not.toContain('weights');
  });

  it.each([
    [undefined, 401, 'unauthorized'],
    ['contributor', 403, 'forbidden'],
    ['editor', 403, 'forbidden'],
  ] as const)('refuses %s', async (role, status, code) => {
    const response = await get('/api/events/ukraine-war/topic-model', role);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('answers 404 for an event with no model or no such event', async () => {
    expect((await get('/api/events/no-such-war/topic-model', 'admin')).status).toBe(404);
  });
});
