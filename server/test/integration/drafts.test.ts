import type {
  AuditEntry,
  Draft,
  DraftList,
  FirstView,
  Role,
  SubscribeAck,
  Update,
  UpdatePage,
} from '@dayline/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './databases.js';
import { anUpdate, signedInPerson, startServer, token, type TestServer, type TestSocket } from './helpers.js';

/** Someone at the API: a signed-in person (cookie and CSRF token), a machine's token, or a reader. */
type Caller = { cookie: string; csrf: string } | { bearer: string } | 'reader';

async function addPeople(server: TestServer, people: Record<string, Role>): Promise<Record<string, Caller>> {
  const callers: Record<string, Caller> = {};
  for (const [name, role] of Object.entries(people)) {
    const { cookie, csrf } = await signedInPerson(server, role, name);
    callers[name] = { cookie, csrf };
  }
  return callers;
}

function call(server: TestServer, who: Caller, method: string, path: string, body?: unknown) {
  const auth: Record<string, string> =
    who === 'reader'
      ? {}
      : 'bearer' in who
        ? { authorization: `Bearer ${who.bearer}` }
        : { cookie: who.cookie, 'x-csrf-token': who.csrf };
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function json<T>(response: Response | Promise<Response>, status?: number): Promise<T> {
  const answer = await response;
  const body = (await answer.json()) as T;
  if (status !== undefined) expect({ status: answer.status, body }).toMatchObject({ status });
  return body;
}

const machine: Caller = { bearer: token };
const drafts = '/api/events/test-war/drafts';
const updates = '/api/events/test-war/updates';
/** The test servers' clocks start at 2022-03-20T12:00Z. */
const inAnHour = '2022-03-20T13:00:00.000Z';

async function timeline(server: TestServer, query = ''): Promise<Update[]> {
  return (await json<UpdatePage>(fetch(`${server.url}${updates}${query}`), 200)).items;
}

async function waitFor<T>(what: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function auditActions(server: TestServer): Promise<AuditEntry[]> {
  const { items } = await json<{ items: AuditEntry[] }>(
    call(server, machine, 'GET', '/api/audit?limit=200'),
    200,
  );
  return items.reverse();
}

describe('who may do what with drafts', () => {
  let server: TestServer;
  let people: Record<string, Caller>;
  beforeAll(async () => {
    server = await startServer();
    people = await addPeople(server, {
      cleo: 'contributor',
      carl: 'contributor',
      eden: 'editor',
      ada: 'admin',
    });
  });
  afterAll(() => server.close());

  /** A draft of carl's, the other contributor. */
  const carlsDraft = () =>
    json<Draft>(
      call(server, people.carl as Caller, 'POST', updates, { ...anUpdate(), status: 'draft' }),
      201,
    );

  const actions: Record<string, () => Promise<Response>> = {
    'writes a draft': async () =>
      call(server, caller(), 'POST', updates, { title: 'Half a thought', status: 'draft' }),
    'schedules a post': async () =>
      call(server, caller(), 'POST', updates, { ...anUpdate(), publishAt: inAnHour }),
    'publishes at once': async () => call(server, caller(), 'POST', updates, anUpdate()),
    'lists drafts': async () => call(server, caller(), 'GET', drafts),
    'reads another writer’s draft': async () =>
      call(server, caller(), 'GET', `/api/drafts/${(await carlsDraft()).id}`),
    'saves another writer’s draft': async () =>
      call(server, caller(), 'PUT', `/api/drafts/${(await carlsDraft()).id}`, { title: 'Rewritten' }),
    'schedules a saved draft': async () =>
      call(server, caller(), 'PUT', `/api/drafts/${(await ownDraft()).id}`, {
        ...anUpdate(),
        publishAt: inAnHour,
      }),
    'submits their draft for review': async () =>
      call(server, caller(), 'POST', `/api/drafts/${(await ownDraft()).id}/submit`),
    'deletes another writer’s draft': async () =>
      call(server, caller(), 'DELETE', `/api/drafts/${(await carlsDraft()).id}`),
    'publishes a draft': async () =>
      call(server, caller(), 'POST', `/api/updates/${(await carlsDraft()).id}/publish`),
  };
  const allowed: Record<string, number> = {
    'writes a draft': 201,
    'schedules a post': 201,
    'publishes at once': 201,
    'lists drafts': 200,
    'reads another writer’s draft': 200,
    'saves another writer’s draft': 200,
    'schedules a saved draft': 200,
    'submits their draft for review': 200,
    'deletes another writer’s draft': 200,
    'publishes a draft': 201,
  };
  const contributorMay = new Set(['writes a draft', 'lists drafts', 'submits their draft for review']);

  let who = 'reader';
  const caller = (): Caller =>
    who === 'reader' ? 'reader' : who === 'token' ? machine : (people[who] as Caller);
  const ownDraft = async () =>
    who === 'reader'
      ? carlsDraft()
      : json<Draft>(call(server, caller(), 'POST', updates, { ...anUpdate(), status: 'draft' }), 201);

  const cases = Object.keys(actions).flatMap((action) =>
    [
      ['reader', 401],
      ['cleo', contributorMay.has(action) ? (allowed[action] as number) : 403],
      ['eden', allowed[action] as number],
      ['ada', allowed[action] as number],
      ['token', allowed[action] as number],
    ].map(([person, status]) => ({ person: person as string, action, status: status as number })),
  );
  it.each(cases)('$person $action: $status', async ({ person, action, status }) => {
    who = person;
    const response = await (actions[action] as () => Promise<Response>)();
    const body = (await response.json()) as { error?: { code: string } };
    expect({ status: response.status, code: body.error?.code }).toEqual({
      status,
      code: status === 403 ? 'forbidden' : status === 401 ? 'unauthorized' : undefined,
    });
  });

  it('shows contributors their own drafts, editors every draft; a contributor edits and deletes their own', async () => {
    const cleo = people.cleo as Caller;
    const mine = await json<Draft>(
      call(server, cleo, 'POST', updates, { title: 'Cleo’s note', status: 'draft' }),
      201,
    );
    expect(mine).toMatchObject({ state: 'draft', createdBy: 'cleo', title: 'Cleo’s note', publishAt: null });
    const carls = await carlsDraft();
    const cleoSees = (await json<DraftList>(call(server, cleo, 'GET', drafts), 200)).items.map((d) => d.id);
    expect(cleoSees).toContain(mine.id);
    expect(cleoSees).not.toContain(carls.id);
    expect(cleoSees.every((id) => id !== carls.id)).toBe(true);
    const edenSees = (await json<DraftList>(call(server, people.eden as Caller, 'GET', drafts), 200)).items;
    expect(edenSees.map((d) => d.id)).toEqual(expect.arrayContaining([mine.id, carls.id]));

    const saved = await json<Draft>(
      call(server, cleo, 'PUT', `/api/drafts/${mine.id}`, { title: 'Cleo’s note, longer', summary: 'More.' }),
      200,
    );
    expect(saved).toMatchObject({ title: 'Cleo’s note, longer', summary: 'More.', state: 'draft' });
    const submitted = await json<Draft>(call(server, cleo, 'POST', `/api/drafts/${mine.id}/submit`), 200);
    expect(submitted.state).toBe('review');
    // Still theirs to correct while in review; it stays in review.
    expect(
      (await json<Draft>(call(server, cleo, 'PUT', `/api/drafts/${mine.id}`, { title: 'Fixed typo' }), 200))
        .state,
    ).toBe('review');
    // An editor schedules it: from then on it is the editors'.
    await json<Draft>(
      call(server, people.eden as Caller, 'PUT', `/api/drafts/${mine.id}`, {
        title: 'Fixed typo',
        publishAt: inAnHour,
      }),
      200,
    );
    expect((await call(server, cleo, 'DELETE', `/api/drafts/${mine.id}`)).status).toBe(403);
    expect((await call(server, cleo, 'PUT', `/api/drafts/${mine.id}`, { title: 'Sneaky' })).status).toBe(403);
    expect((await call(server, people.eden as Caller, 'DELETE', `/api/drafts/${mine.id}`)).status).toBe(200);
    expect((await call(server, people.eden as Caller, 'GET', `/api/drafts/${mine.id}`)).status).toBe(404);
  });

  it('checks what it saves: fields, topics, a future publishAt, and text that can be published when scheduled', async () => {
    const eden = people.eden as Caller;
    const bad = async (body: unknown, path: string) => {
      const error = await json<{ error: { code: string; details: { issues: { path: string }[] } } }>(
        call(server, eden, 'POST', updates, body),
        400,
      );
      expect(error.error.code).toBe('invalid_input');
      expect(error.error.details.issues.map((i) => i.path)).toContain(path);
    };
    await bad({ title: 'x', status: 'draft', colour: 'red' }, '(root)');
    await bad({ title: 'x', status: 'draft', topics: ['sports'] }, 'topics.0');
    await bad({ ...anUpdate(), publishAt: '2022-03-20T11:00:00Z' }, 'publishAt');
    await bad({ title: '', status: 'draft', publishAt: inAnHour }, 'title');
    // A draft may be unfinished: an empty title is saved as it is being typed.
    const empty = await json<Draft>(call(server, eden, 'POST', updates, { status: 'draft' }), 201);
    expect(empty.title).toBe('');
    // ... and cannot be published so.
    const refused = await json<{ error: { code: string } }>(
      call(server, eden, 'POST', `/api/updates/${empty.id}/publish`),
      400,
    );
    expect(refused.error.code).toBe('invalid_input');
    expect((await json<Draft>(call(server, eden, 'GET', `/api/drafts/${empty.id}`), 200)).state).toBe(
      'draft',
    );
  });
});

describe('drafts and scheduled posts stay off every reader’s path until published', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('are absent from the timeline, one update, search, day counts, first view, feeds out, catch-up and the socket', async () => {
    server = await startServer();
    const { cleo } = await addPeople(server, { cleo: 'contributor' });
    const socket = await server.socket();
    const heard: Update[] = [];
    socket.on('update:new', (update) => heard.push(update));
    socket.on('update:changed', (update) => heard.push(update));
    const first = (await socket.emitWithAck('subscribe', { event: 'test-war' })) as SubscribeAck;
    expect(first.ok).toBe(true);

    const draft = await json<Draft>(
      call(server, cleo as Caller, 'POST', updates, {
        ...anUpdate({ title: 'Zanzibarquux draft about talks' }),
        status: 'draft',
      }),
      201,
    );
    await json<Draft>(call(server, cleo as Caller, 'POST', `/api/drafts/${draft.id}/submit`), 200);
    const scheduled = await json<Draft>(
      call(server, machine, 'POST', updates, {
        ...anUpdate({ title: 'Zanzibarquux scheduled about talks' }),
        publishAt: inAnHour,
      }),
      201,
    );
    expect(scheduled).toMatchObject({ state: 'scheduled', publishAt: inAnHour, createdBy: 'token' });

    const readerSees = async () => {
      const firstView = await json<FirstView>(
        fetch(`${server.url}/api/first-view?event=test-war&update=${draft.id}`),
        200,
      );
      const atom = await (await fetch(`${server.url}/e/test-war/feed.atom`)).text();
      const feed = (await (await fetch(`${server.url}/e/test-war/feed.json`)).json()) as {
        items?: unknown[];
      };
      const catchUp = (await (
        await server.socket()
      ).emitWithAck('subscribe', { event: 'test-war', since: 0 })) as SubscribeAck;
      return {
        timeline: (await timeline(server)).length,
        search: (await timeline(server, '?q=zanzibarquux')).length,
        topic: (await timeline(server, '?topics=diplomacy')).length,
        draftById: (await fetch(`${server.url}/api/updates/${draft.id}`)).status,
        scheduledById: (await fetch(`${server.url}/api/updates/${scheduled.id}`)).status,
        days: ((await (await fetch(`${server.url}/api/events/test-war/days`)).json()) as unknown[]).length,
        firstView: firstView.view?.page.items.length,
        target: firstView.view?.target ?? null,
        atom: atom.includes('Zanzibarquux'),
        jsonFeed: feed.items?.length ?? 0,
        catchUp: catchUp.ok ? catchUp.missed.length : -1,
        socket: heard.length,
      };
    };
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readerSees()).toEqual({
      timeline: 0,
      search: 0,
      topic: 0,
      draftById: 404,
      scheduledById: 404,
      days: 0,
      firstView: 0,
      target: null,
      atom: false,
      jsonFeed: 0,
      catchUp: 0,
      socket: 0,
    });

    // The same look, once the draft is published: the checks above would have seen it.
    const published = await json<Update>(
      call(server, machine, 'POST', `/api/updates/${draft.id}/publish`),
      201,
    );
    expect(published).toMatchObject({
      id: draft.id,
      title: 'Zanzibarquux draft about talks',
      status: 'published',
    });
    await waitFor(async () => (heard.length > 0 ? true : undefined));
    expect(await readerSees()).toMatchObject({
      timeline: 1,
      search: 1,
      topic: 1,
      draftById: 200,
      scheduledById: 404,
      days: 1,
      firstView: 1,
      atom: true,
      jsonFeed: 1,
      catchUp: 1,
    });
    expect(heard.map((u) => u.id)).toEqual([draft.id]);
  });
});

describe('the review flow', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('a contributor’s draft, submitted and approved by an editor, goes live once; the audit log tells the story', async () => {
    server = await startServer();
    const { cleo, eden } = await addPeople(server, { cleo: 'contributor', eden: 'editor' });
    const socket: TestSocket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const heard: Update[] = [];
    socket.on('update:new', (update) => heard.push(update));

    const draft = await json<Draft>(
      call(server, cleo as Caller, 'POST', updates, { title: 'Bridge reopened', status: 'draft' }),
      201,
    );
    await json<Draft>(
      call(server, cleo as Caller, 'PUT', `/api/drafts/${draft.id}`, {
        title: 'Bridge reopened to traffic',
        summary: 'Cars are crossing.',
      }),
      200,
    );
    await json<Draft>(call(server, cleo as Caller, 'POST', `/api/drafts/${draft.id}/submit`), 200);
    const review = (await json<DraftList>(call(server, eden as Caller, 'GET', drafts), 200)).items;
    expect(review).toMatchObject([{ id: draft.id, state: 'review', createdBy: 'cleo' }]);

    const update = await json<Update>(
      call(server, eden as Caller, 'POST', `/api/updates/${draft.id}/publish`),
      201,
    );
    // Without a publishedAt of its own, a draft is published at the moment it goes out.
    expect(update).toMatchObject({
      id: draft.id,
      title: 'Bridge reopened to traffic',
      publishedAt: '2022-03-20T12:00:00.000Z',
      version: 1,
    });
    await waitFor(async () => (heard.length ? true : undefined));
    // Publishing again is the same answer, committed once.
    const again = await call(server, eden as Caller, 'POST', `/api/updates/${draft.id}/publish`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Update).id).toBe(draft.id);
    expect((await call(server, eden as Caller, 'GET', `/api/drafts/${draft.id}`)).status).toBe(404);
    expect((await json<DraftList>(call(server, eden as Caller, 'GET', drafts), 200)).items).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.map((u) => u.id)).toEqual([draft.id]);
    expect(await timeline(server)).toHaveLength(1);

    const later = await json<Draft>(
      call(server, eden as Caller, 'POST', updates, { ...anUpdate(), publishAt: inAnHour }),
      201,
    );
    // The audit log is written once each answer has gone out: the last entry may come a moment later.
    const entries = async () =>
      (await auditActions(server))
        .filter((e) => e.action !== 'sign-in')
        .map(({ actor, action, target }) => ({ actor, action, target }));
    await expect.poll(entries).toEqual([
      { actor: 'cleo', action: 'draft.save', target: draft.id },
      { actor: 'cleo', action: 'draft.save', target: draft.id },
      { actor: 'cleo', action: 'draft.submit', target: draft.id },
      { actor: 'eden', action: 'publish', target: draft.id },
      { actor: 'eden', action: 'schedule', target: later.id },
    ]);

    // Once the change log has moved on, the published draft's row is forgotten; the update stays.
    await server.store.drafts.prunePublished('2022-03-27T12:00:00.000Z');
    expect((await call(server, eden as Caller, 'POST', `/api/updates/${draft.id}/publish`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/updates/${draft.id}`)).status).toBe(200);
    expect((await json<DraftList>(call(server, eden as Caller, 'GET', drafts), 200)).items).toMatchObject([
      { id: later.id },
    ]);
  });
});

describe('scheduled posts', () => {
  it('publish on time after a restart, on the same database, at the time they were scheduled for', async () => {
    const database = await createTestDatabase();
    try {
      const before = await startServer({}, { databaseUrl: database.url, schedulerPollMs: 50 });
      const post = await json<Draft>(
        call(before, machine, 'POST', updates, {
          ...anUpdate({ title: 'Curfew lifted at dawn' }),
          publishedAt: undefined,
          publishAt: inAnHour,
        }),
        201,
      );
      before.clock.set('2022-03-20T12:59:59Z');
      expect(await before.app.scheduler.runDue()).toBe(0);
      await before.close();

      const after = await startServer(
        {},
        { databaseUrl: database.url, schedulerPollMs: 50, now: '2022-03-20T13:00:30Z' },
      );
      try {
        const [update] = await waitFor(async () => {
          const items = await timeline(after);
          return items.length ? items : undefined;
        });
        // No publishedAt of its own: it is published as of the time it was scheduled for.
        expect(update).toMatchObject({ id: post.id, title: 'Curfew lifted at dawn', publishedAt: inAnHour });
        expect((await json<DraftList>(call(after, machine, 'GET', drafts), 200)).items).toEqual([]);
        expect(await after.app.scheduler.runDue()).toBe(0);
        const publishes = async () => (await auditActions(after)).filter((e) => e.action === 'publish');
        await expect.poll(publishes).toMatchObject([{ actor: 'scheduler', target: post.id }]);
      } finally {
        await after.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('publish once when the scheduler and an editor race for the same post', async () => {
    const server = await startServer({}, { schedulerPollMs: 60_000 });
    try {
      const socket = await server.socket();
      await socket.emitWithAck('subscribe', { event: 'test-war' });
      const heard: string[] = [];
      socket.on('update:new', (update) => heard.push(update.id));
      const post = await json<Draft>(
        call(server, machine, 'POST', updates, { ...anUpdate(), publishAt: inAnHour }),
        201,
      );
      server.clock.set('2022-03-20T13:00:01Z');
      // Committed once: one of them claims the post; the others never reach the store's insert.
      let inserts = 0;
      const insert = server.store.insertUpdates.bind(server.store);
      server.store.insertUpdates = (batch) => {
        inserts += 1;
        return insert(batch);
      };
      const answers = await Promise.all([
        server.app.scheduler.runDue(),
        server.app.scheduler.runDue(),
        call(server, machine, 'POST', `/api/updates/${post.id}/publish`).then((r) => r.status),
        server.app.scheduler.runDue(),
      ]);
      expect(answers.filter((a) => a === 1 || a === 201)).toHaveLength(1);
      expect(inserts).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toEqual([post.id]);
      expect((await timeline(server)).map((u) => u.id)).toEqual([post.id]);
    } finally {
      await server.close();
    }
  });

  it('are taken over from a node that stopped mid-publish once its claim is a minute old', async () => {
    const server = await startServer({}, { schedulerPollMs: 60_000 });
    try {
      const post = await json<Draft>(
        call(server, machine, 'POST', updates, { ...anUpdate(), publishAt: inAnHour }),
        201,
      );
      // Another node claimed it at 13:00 and was killed before it committed anything.
      const claimed = await server.store.drafts.claim(post.id, 'scheduled', {
        node: 'node:gone',
        at: '2022-03-20T13:00:00.000Z',
        staleBefore: '2022-03-20T12:59:00.000Z',
      });
      expect(claimed?.phase).toBe('publishing');
      server.clock.set('2022-03-20T13:00:30Z');
      expect(await server.app.scheduler.runDue()).toBe(0);
      expect((await call(server, machine, 'POST', `/api/updates/${post.id}/publish`)).status).toBe(409);
      server.clock.set('2022-03-20T13:01:01Z');
      expect(await server.app.scheduler.runDue()).toBe(1);
      expect((await timeline(server)).map((u) => u.id)).toEqual([post.id]);
    } finally {
      await server.close();
    }
  });

  it('are not published twice when a node stopped after committing but before marking the draft', async () => {
    const server = await startServer({}, { schedulerPollMs: 60_000 });
    try {
      const post = await json<Draft>(
        call(server, machine, 'POST', updates, { ...anUpdate(), publishAt: inAnHour }),
        201,
      );
      const marked = server.store.drafts.published.bind(server.store.drafts);
      server.store.drafts.published = () => Promise.reject(new Error('the node went away'));
      server.clock.set('2022-03-20T13:00:01Z');
      expect(await server.app.scheduler.runDue()).toBe(0);
      expect((await timeline(server)).map((u) => u.id)).toEqual([post.id]);

      server.store.drafts.published = marked;
      let inserts = 0;
      const insert = server.store.insertUpdates.bind(server.store);
      server.store.insertUpdates = (batch) => {
        inserts += 1;
        return insert(batch);
      };
      await server.app.scheduler.runDue();
      expect(inserts).toBe(0);
      expect((await timeline(server)).map((u) => u.id)).toEqual([post.id]);
      expect((await json<DraftList>(call(server, machine, 'GET', drafts), 200)).items).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('go back to being a draft when an editor takes the time away, and are then not published', async () => {
    const server = await startServer({}, { schedulerPollMs: 60_000 });
    try {
      const post = await json<Draft>(
        call(server, machine, 'POST', updates, { ...anUpdate(), publishAt: inAnHour }),
        201,
      );
      const {
        publishAt: _at,
        id: _id,
        event: _event,
        state: _state,
        createdBy: _by,
        createdAt: _c,
        updatedAt: _u,
        ...fields
      } = post;
      const unscheduled = await json<Draft>(
        call(server, machine, 'PUT', `/api/drafts/${post.id}`, fields),
        200,
      );
      expect(unscheduled).toMatchObject({ state: 'draft', publishAt: null });
      server.clock.set('2022-03-20T14:00:00Z');
      expect(await server.app.scheduler.runDue()).toBe(0);
      expect(await timeline(server)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
