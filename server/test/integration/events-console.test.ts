import {
  topicsById,
  type Event,
  type EventDefinition,
  type EventInput,
  type RetagJob,
  type Role,
  type SubscribeAck,
  type Update,
} from '@dayline/shared';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/access/access.js';
import { readConfigFile } from '../../src/config.js';
import { createTestDatabase } from './databases.js';
import { anUpdate, nextEvent, signedInPerson, startServer, token, type TestServer } from './helpers.js';

// Events created and edited in the console: live at once, no restart (docs/console.md, "Events").

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server?.close();
});

/** A signed-in browser of a new user with `role`: its cookie and CSRF token. */
const signedIn = (role: Role, on: TestServer = server) => signedInPerson(on, role);

type Who = { cookie: string; csrf: string } | { bearer: string };

function call(method: string, path: string, who: Who, body?: unknown, on: TestServer = server) {
  const auth: Record<string, string> =
    'bearer' in who
      ? { authorization: `Bearer ${who.bearer}` }
      : { cookie: who.cookie, 'x-csrf-token': who.csrf };
  return fetch(`${on.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...auth },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const relief: EventInput = {
  slug: 'flood-relief',
  title: 'River flood relief',
  standfirst: 'The river burst its banks after a week of rain; towns downstream are being evacuated.',
  startDate: '2024-09-14',
  timeZone: 'Europe/Warsaw',
  topics: [
    { id: 'rescue', label: 'Rescue', color: '#0e7490', keywords: ['evacuat*', 'rescue'] },
    { id: 'weather', label: 'Weather', color: '#4d7c0f', keywords: ['rain', 'forecast'] },
  ],
};

async function create(who: Who, input: unknown = relief, on: TestServer = server): Promise<EventDefinition> {
  const response = await call('POST', '/api/events', who, input, on);
  expect(response.status).toBe(201);
  return (await response.json()) as EventDefinition;
}

const publicEvents = async (on: TestServer = server, headers: Record<string, string> = {}) =>
  (await (await fetch(`${on.url}/api/events`, { headers })).json()) as Event[];

async function postUpdate(slug: string, fields = {}, on: TestServer = server): Promise<Response> {
  return on.post(anUpdate(fields), { event: slug });
}

/** Waits until `check` passes (audit entries are written once the answer has gone out). */
async function eventually(check: () => Promise<void>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function auditActions(slug: string): Promise<string[]> {
  const { items } = await server.store.audit.list({ event: slug, limit: 50 });
  return items.map((e) => e.action).reverse();
}

describe('events from the console', () => {
  it('an admin creates an event and it is live at once: listed, writable, tagged by its rules, subscribable', async () => {
    const admin = await signedIn('admin');
    const created = await create(admin);
    expect(created).toMatchObject({
      slug: 'flood-relief',
      origin: 'console',
      readOnlyReason: null,
      revision: 1,
      visibility: 'public',
      closed: false,
      updatedBy: expect.stringMatching(/^admin-/) as unknown,
    });
    expect(created.topics[0]).toMatchObject({ id: 'rescue', keywords: ['evacuat*', 'rescue'], regexes: [] });

    const listed = (await publicEvents()).find((e) => e.slug === 'flood-relief');
    expect(listed).toMatchObject({
      title: 'River flood relief',
      standfirst: relief.standfirst,
      timeZone: 'Europe/Warsaw',
      topics: [
        { id: 'rescue', label: 'Rescue', color: '#0e7490' },
        { id: 'weather', label: 'Weather', color: '#4d7c0f' },
      ],
    });
    expect(listed).not.toHaveProperty('topics.0.keywords');

    const socket = await server.socket();
    const ack = (await socket.emitWithAck('subscribe', { event: 'flood-relief' })) as SubscribeAck;
    expect(ack.ok).toBe(true);
    const pushed = nextEvent(socket, 'update:new');
    const response = await postUpdate('flood-relief', {
      title: 'Villages evacuated as the river rises',
      publishedAt: '2024-09-15T10:00:00Z',
    });
    expect(response.status).toBe(201);
    const update = (await response.json()) as Update;
    // Day 2 in the event's own zone, tagged by the event's own keyword rule.
    expect(update).toMatchObject({ event: 'flood-relief', day: 2, topics: ['rescue'] });
    expect((await pushed).id).toBe(update.id);

    await eventually(async () => expect(await auditActions('flood-relief')).toContain('event.create'));
    const entry = (await server.store.audit.list({ action: 'event.create', limit: 1 })).items[0];
    expect(entry).toMatchObject({ target: 'flood-relief', event: 'flood-relief' });
  });

  it('only admins manage events: 403 forbidden for editors, contributors and ingest tokens; 401 signed out', async () => {
    const editor = await signedIn('editor');
    const contributor = await signedIn('contributor');
    const { token: ingest } = await issueToken(server.store.tokens, {
      name: 'wire',
      scopes: ['ingest'],
      at: new Date().toISOString(),
    });
    for (const who of [editor, contributor, { bearer: ingest }]) {
      for (const [method, path, body] of [
        ['POST', '/api/events', relief],
        ['PATCH', '/api/events/test-war', { title: 'Renamed' }],
        ['POST', '/api/events/test-war/retag', undefined],
        ['GET', '/api/event-definitions', undefined],
      ] as const) {
        const response = await call(method, path, who, body);
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      }
    }
    const signedOut = await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(relief),
    });
    expect(signedOut.status).toBe(401);
    expect((await publicEvents()).map((e) => e.slug)).toEqual(['test-war']);
  });

  it('refuses invalid input field by field, and a slug that is taken', async () => {
    const admin = await signedIn('admin');
    const bad = await call('POST', '/api/events', admin, {
      ...relief,
      slug: 'Flood Relief',
      timeZone: 'Europe/Atlantis',
      standfirst: 'One.\n\nTwo paragraphs.',
      topics: [
        { id: 'rescue', label: 'Rescue', color: 'teal' },
        { id: 'rescue', label: 'Again', color: '#000000', regexes: ['(unclosed'] },
      ],
    });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as {
      error: { code: string; details: { issues: { path: string }[] } };
    };
    expect(error.code).toBe('invalid_input');
    expect(error.details.issues.map((i) => i.path).sort()).toEqual(
      ['slug', 'standfirst', 'timeZone', 'topics.0.color', 'topics.1.id', 'topics.1.regexes.0'].sort(),
    );

    const taken = await call('POST', '/api/events', admin, { ...relief, slug: 'test-war' });
    expect(taken.status).toBe(409);
    await create(admin);
    expect((await call('POST', '/api/events', admin, relief)).status).toBe(409);
  });

  it('shows file events as the file defines them and says why they cannot be edited here', async () => {
    const admin = await signedIn('admin');
    const response = await call('GET', '/api/event-definitions', admin);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: EventDefinition[] };
    const file = items.find((e) => e.slug === 'test-war');
    expect(file).toMatchObject({ origin: 'file', revision: 0 });
    expect(file?.readOnlyReason).toMatch(/demo|dayline\.yaml/);
    expect(file?.topics[0]).toMatchObject({
      id: 'military',
      keywords: ['shelling', 'missile', 'front line'],
    });

    const refused = await call('PATCH', '/api/events/test-war', admin, { title: 'Renamed' });
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.message).toBe(file?.readOnlyReason);
    expect((await publicEvents())[0]?.title).toBe('Test war');
  });

  it('a closed event refuses every write with 409 event_closed and stays readable; reopened, it takes writes again', async () => {
    const admin = await signedIn('admin');
    await create(admin);
    const update = (await (await postUpdate('flood-relief')).json()) as Update;

    const closed = await call('PATCH', '/api/events/flood-relief', admin, { closed: true });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ closed: true, revision: 2 });

    const refusals = [
      await postUpdate('flood-relief'),
      await call('PATCH', `/api/updates/${update.id}`, { bearer: token }, { title: 'Changed' }),
      await call('DELETE', `/api/updates/${update.id}`, { bearer: token }, {}),
      await call('POST', '/api/events/flood-relief/retag', admin),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('event_closed');
    }
    // Still public and readable.
    expect((await publicEvents()).find((e) => e.slug === 'flood-relief')?.closed).toBe(true);
    const page = (await (await fetch(`${server.url}/api/events/flood-relief/updates`)).json()) as {
      items: Update[];
    };
    expect(page.items.map((u) => u.id)).toEqual([update.id]);

    expect((await call('PATCH', '/api/events/flood-relief', admin, { closed: false })).status).toBe(200);
    expect((await postUpdate('flood-relief')).status).toBe(201);
    await eventually(async () =>
      expect(await auditActions('flood-relief')).toEqual([
        'event.create',
        'publish',
        'event.close',
        'event.reopen',
        'publish',
      ]),
    );
  });

  it('a private event is left out for readers, open pages included, and shown to the newsroom, like a private event of the file', async () => {
    const admin = await signedIn('admin');
    await create(admin);
    const reader = await server.socket();
    expect(((await reader.emitWithAck('subscribe', { event: 'flood-relief' })) as SubscribeAck).ok).toBe(
      true,
    );
    const resync = nextEvent(reader, 'live:resync');
    const made = await call('PATCH', '/api/events/flood-relief', admin, { visibility: 'private' });
    expect(made.status).toBe(200);
    // A reader already on the page stops getting it at once, and subscribing again is "not found".
    await resync;
    const heard: string[] = [];
    reader.on('update:new', (u) => heard.push(u.id));
    const again = (await reader.emitWithAck('subscribe', { event: 'flood-relief' })) as SubscribeAck;
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await postUpdate('flood-relief')).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual([]);
    expect((await publicEvents()).map((e) => e.slug)).toEqual(['test-war']);
    expect((await fetch(`${server.url}/api/events/flood-relief/updates`)).status).toBe(404);
    expect((await publicEvents(server, { cookie: admin.cookie })).map((e) => e.slug)).toContain(
      'flood-relief',
    );
    expect((await publicEvents(server, { authorization: `Bearer ${token}` })).map((e) => e.slug)).toContain(
      'flood-relief',
    );
  });

  it('refuses a change based on an old revision, with the event as it is now', async () => {
    const admin = await signedIn('admin');
    await create(admin);
    expect(
      (await call('PATCH', '/api/events/flood-relief', admin, { title: 'First', revision: 1 })).status,
    ).toBe(200);
    const stale = await call('PATCH', '/api/events/flood-relief', admin, { title: 'Second', revision: 1 });
    expect(stale.status).toBe(409);
    const { error } = (await stale.json()) as {
      error: { code: string; details: { current: EventDefinition } };
    };
    expect(error.code).toBe('conflict');
    expect(error.details.current).toMatchObject({ title: 'First', revision: 2 });
  });

  it('changed topic rules retag stored updates as a job with progress, and open pages get them live', async () => {
    const admin = await signedIn('admin');
    await create(admin);
    const drone = (await (
      await postUpdate('flood-relief', { title: 'Drone films the flooded bridge' })
    ).json()) as Update;
    for (let i = 0; i < 3; i++) await postUpdate('flood-relief');
    expect(drone.topics).toEqual([]);

    const topics = [...(relief.topics ?? [])];
    topics[0] = {
      id: 'rescue',
      label: 'Rescue',
      color: '#0e7490',
      keywords: ['evacuat*', 'rescue', 'drone'],
    };
    expect((await call('PATCH', '/api/events/flood-relief', admin, { topics })).status).toBe(200);

    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'flood-relief' });
    const pushed = nextEvent(socket, 'update:changed', 3000);
    const started = await call('POST', '/api/events/flood-relief/retag', admin);
    expect(started.status).toBe(202);
    const job = (await started.json()) as RetagJob;
    expect(job).toMatchObject({ event: 'flood-relief', status: 'running', total: 4 });

    let finished: RetagJob | undefined;
    await eventually(async () => {
      finished = (await (await call('GET', `/api/retag-jobs/${job.id}`, admin)).json()) as RetagJob;
      expect(finished.status).toBe('done');
    });
    expect(finished).toMatchObject({ checked: 4, total: 4, changed: 1 });
    expect(await pushed).toMatchObject({ id: drone.id, topics: ['rescue'], version: 2 });
    await eventually(async () =>
      expect(await auditActions('flood-relief')).toEqual(
        expect.arrayContaining(['event.change', 'event.retag']),
      ),
    );
  });

  it('changing the start date or zone moves stored updates to their new days', async () => {
    const admin = await signedIn('admin');
    await create(admin);
    const update = (await (
      await postUpdate('flood-relief', { publishedAt: '2024-09-16T23:30:00Z' })
    ).json()) as Update;
    // 01:30 on the 17th in Warsaw: day 4.
    expect(update.day).toBe(4);
    expect(
      (await call('PATCH', '/api/events/flood-relief', admin, { timeZone: 'America/New_York' })).status,
    ).toBe(200);
    const moved = (await (await fetch(`${server.url}/api/updates/${update.id}`)).json()) as Update;
    // 19:30 on the 16th in New York: day 3.
    expect(moved.day).toBe(3);
  });
});

describe('console events and the server lifetime', () => {
  it('an event created in the console survives a restart', async () => {
    const database = await createTestDatabase();
    const first = await startServer({}, { databaseUrl: database.url });
    try {
      await create(await signedIn('admin', first), relief, first);
    } finally {
      await first.close();
    }
    const second = await startServer({}, { databaseUrl: database.url });
    try {
      expect((await publicEvents(second)).map((e) => e.slug)).toEqual(['test-war', 'flood-relief']);
      expect((await postUpdate('flood-relief', { title: 'Rescue boats out again' }, second)).status).toBe(
        201,
      );
    } finally {
      await second.close();
      await database.drop();
    }
  });

  it('a removed topic keeps its last label on the server: fresh reads, other nodes and feeds show it; added again, it is not retired', async () => {
    const database = await createTestDatabase();
    const nodeA = await startServer({}, { databaseUrl: database.url });
    let nodeB: TestServer | undefined;
    try {
      const admin = await signedIn('admin', nodeA);
      const created = await create(admin, relief, nodeA);
      expect(created.retiredTopics).toEqual([]);
      const update = (await (
        await postUpdate('flood-relief', { title: 'Villages evacuated as the river rises' }, nodeA)
      ).json()) as Update;
      expect(update.topics).toEqual(['rescue']);

      // Renamed, then removed: the label it had last is the one kept.
      const [rescue, weather] = relief.topics ?? [];
      if (!rescue || !weather) throw new Error('relief has two topics');
      const renamed = await call(
        'PATCH',
        '/api/events/flood-relief',
        admin,
        {
          topics: [{ ...rescue, label: 'Rescue work', color: '#155e75' }, weather],
        },
        nodeA,
      );
      expect(renamed.status).toBe(200);
      const removed = await call('PATCH', '/api/events/flood-relief', admin, { topics: [weather] }, nodeA);
      expect(removed.status).toBe(200);
      const retired = [{ id: 'rescue', label: 'Rescue work', color: '#155e75' }];
      expect(((await removed.json()) as EventDefinition).retiredTopics).toEqual(retired);

      // A server that starts now reads it from the store, like a fresh browser reads it from a server.
      nodeB = await startServer({}, { databaseUrl: database.url });
      const onB = (await publicEvents(nodeB)).find((e) => e.slug === 'flood-relief');
      expect(onB?.topics.map((t) => t.id)).toEqual(['weather']);
      expect(onB?.retiredTopics).toEqual(retired);
      const definitions = (await (
        await call('GET', '/api/event-definitions', await signedIn('admin', nodeB), undefined, nodeB)
      ).json()) as { items: EventDefinition[] };
      expect(definitions.items.find((e) => e.slug === 'flood-relief')?.retiredTopics).toEqual(retired);

      // The update still carries the topic; its label is the kept one, in the API's event and in feeds.
      const stored = (await (await fetch(`${nodeB.url}/api/updates/${update.id}`)).json()) as Update;
      expect(stored.topics).toEqual(['rescue']);
      expect(onB && topicsById(onB).get('rescue')?.label).toBe('Rescue work');
      const feed = (await (await fetch(`${nodeB.url}/e/flood-relief/feed.json`)).json()) as {
        items: { id: string; tags?: string[] }[];
      };
      expect(feed.items.find((i) => i.id === update.id)?.tags).toEqual(['Rescue work']);
      // Not a filter any more: readers choose among the event's topics only.
      expect((await fetch(`${nodeB.url}/api/events/flood-relief/updates?topics=rescue`)).status).toBe(400);

      // Added again (on the other node): not retired, on both nodes.
      const back = await call(
        'PATCH',
        '/api/events/flood-relief',
        admin,
        { topics: [weather, rescue] },
        nodeA,
      );
      expect(back.status).toBe(200);
      expect(((await back.json()) as EventDefinition).retiredTopics).toEqual([]);
      const b = nodeB;
      await eventually(async () => {
        const again = (await publicEvents(b)).find((e) => e.slug === 'flood-relief');
        expect(again?.retiredTopics).toEqual([]);
        expect(again?.topics.map((t) => t.label)).toEqual(['Weather', 'Rescue']);
      });
      const fed = (await (await fetch(`${b.url}/e/flood-relief/feed.json`)).json()) as {
        items: { id: string; tags?: string[] }[];
      };
      expect(fed.items.find((i) => i.id === update.id)?.tags).toEqual(['Rescue']);
    } finally {
      await nodeA.close();
      await nodeB?.close();
      await database.drop();
    }
  });

  it('a topic removed from the config file is retired with its last label at the next start; back in the file, it is not', async () => {
    const database = await createTestDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), 'dayline-config-'));
    const file = path.join(dir, 'dayline.yaml');
    const harbour = (topics: string) => `events:
  - slug: harbour
    title: Harbour storm
    startDate: "2022-03-18"
    timeZone: Europe/Lisbon
    topics:
${topics}`;
    const rescue = `      - { id: rescue, label: Rescue work, color: "#155e75", keywords: [lifeboat] }\n`;
    const weather = `      - { id: weather, label: Weather, color: "#0369a1", keywords: [wind] }\n`;
    /** A server started on this database with the file as it is now (as DAYLINE_CONFIG is read at start). */
    const start = (topics: string) => {
      writeFileSync(file, harbour(topics));
      return startServer(
        { events: readConfigFile(file).events, configPath: file },
        { databaseUrl: database.url },
      );
    };
    const harbourOf = async (on: TestServer) => (await publicEvents(on)).find((e) => e.slug === 'harbour');
    const tagsOf = async (on: TestServer, id: string) => {
      const feed = (await (await fetch(`${on.url}/e/harbour/feed.json`)).json()) as {
        items: { id: string; tags?: string[] }[];
      };
      return feed.items.find((i) => i.id === id)?.tags;
    };
    try {
      const first = await start(rescue + weather);
      let update: Update;
      try {
        expect((await harbourOf(first))?.retiredTopics).toEqual([]);
        const posted = await postUpdate('harbour', { title: 'Lifeboat crews out all night' }, first);
        expect(posted.status).toBe(201);
        update = (await posted.json()) as Update;
        expect(update.topics).toEqual(['rescue']);
      } finally {
        await first.close();
      }

      // Removed from the file: the update keeps the topic, and everyone sees its last label.
      const second = await start(weather);
      try {
        const event = await harbourOf(second);
        expect(event?.topics.map((t) => t.id)).toEqual(['weather']);
        expect(event?.retiredTopics).toEqual([{ id: 'rescue', label: 'Rescue work', color: '#155e75' }]);
        const stored = (await (await fetch(`${second.url}/api/updates/${update.id}`)).json()) as Update;
        expect(stored.topics).toEqual(['rescue']);
        expect(event && topicsById(event).get('rescue')?.label).toBe('Rescue work');
        expect(await tagsOf(second, update.id)).toEqual(['Rescue work']);
        const definitions = (await (
          await call('GET', '/api/event-definitions', await signedIn('admin', second), undefined, second)
        ).json()) as { items: EventDefinition[] };
        const definition = definitions.items.find((e) => e.slug === 'harbour');
        expect(definition?.origin).toBe('file');
        expect(definition?.retiredTopics.map((t) => t.label)).toEqual(['Rescue work']);
        // Not a filter: readers choose among the file's topics only.
        expect((await fetch(`${second.url}/api/events/harbour/updates?topics=rescue`)).status).toBe(400);
      } finally {
        await second.close();
      }

      // A start with the same file changes nothing; the label is still known.
      const third = await start(weather);
      try {
        expect((await harbourOf(third))?.retiredTopics?.map((t) => t.id)).toEqual(['rescue']);
      } finally {
        await third.close();
      }

      // Back in the file, relabelled: not retired, and the file's label is the one shown.
      const fourth = await start(weather + rescue.replace('Rescue work', 'Lifeboats'));
      try {
        const event = await harbourOf(fourth);
        expect(event?.retiredTopics).toEqual([]);
        expect(event?.topics.map((t) => t.label)).toEqual(['Weather', 'Lifeboats']);
        expect(await tagsOf(fourth, update.id)).toEqual(['Lifeboats']);
      } finally {
        await fourth.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  });

  it('another node on the same store learns of a new or changed event within a second or so', async () => {
    const database = await createTestDatabase();
    const nodeA = await startServer({}, { databaseUrl: database.url });
    const nodeB = await startServer({}, { databaseUrl: database.url });
    try {
      const admin = await signedIn('admin', nodeA);
      await create(admin, relief, nodeA);
      await eventually(async () =>
        expect((await publicEvents(nodeB)).map((e) => e.slug)).toContain('flood-relief'),
      );
      const onB = (await (
        await postUpdate('flood-relief', { title: 'Evacuation of the old town' }, nodeB)
      ).json()) as Update;
      expect(onB.topics).toEqual(['rescue']);

      expect((await call('PATCH', '/api/events/flood-relief', admin, { closed: true }, nodeA)).status).toBe(
        200,
      );
      await eventually(async () => expect((await postUpdate('flood-relief', {}, nodeB)).status).toBe(409));
    } finally {
      await nodeA.close();
      await nodeB.close();
      await database.drop();
    }
  });
});
