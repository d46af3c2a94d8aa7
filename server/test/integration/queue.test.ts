import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  FirstView,
  QueueItem,
  QueuePage,
  SourceTestResult,
  SourceView,
  SubscribeAck,
  Update,
  UpdatePage,
} from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, signedInPerson, startServer, token, type SignedIn, type TestServer } from './helpers.js';

// The incoming queue: items of feeds in review mode wait for an editor, off every reader's path;
// of two editors acting on one item one wins; a discarded item never comes back.

/** A publisher on loopback, serving whatever RSS the test sets. */
class Publisher {
  readonly server: Server;
  body = '';
  url = '';
  constructor() {
    this.server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(this.body);
    });
  }
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/feed.xml`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
  serve(items: { guid: string; title: string; description?: string }[]): void {
    this.body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link>
${items
  .map(
    (i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title>
<link>https://wire.example.org/live/${i.guid}</link><description>${i.description ?? ''}</description>
<pubDate>Wed, 16 Mar 2022 21:30:00 +0200</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
  }
}

type Caller = SignedIn | 'machine' | 'reader';

function call(server: TestServer, who: Caller, method: string, path: string, body?: unknown) {
  const auth: Record<string, string> =
    who === 'reader'
      ? {}
      : who === 'machine'
        ? { authorization: `Bearer ${token}` }
        : { cookie: who.cookie, 'x-csrf-token': who.csrf };
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function json<T>(response: Response | Promise<Response>, status: number): Promise<T> {
  const answer = await response;
  const body = (await answer.json()) as T;
  expect({ status: answer.status, body }).toMatchObject({ status });
  return body;
}

let publisher: Publisher;
let server: TestServer;
let ana: SignedIn;
let ben: SignedIn;

beforeEach(async () => {
  publisher = new Publisher();
  await publisher.start();
  server = await startServer({}, { poller: { tickMs: 3_600_000, random: () => 0.5 } });
  ana = await signedInPerson(server, 'editor', 'ana');
  ben = await signedInPerson(server, 'editor', 'ben');
});
afterEach(async () => {
  await server.close();
  await publisher.close();
});

const poll = async () => {
  // Every feed is due again: move the clock past the next poll.
  server.clock.set(new Date(server.clock.now().getTime() + 10 * 60_000).toISOString());
  await server.app.poller?.drain();
};

async function reviewFeed(): Promise<SourceView> {
  return json<SourceView>(
    call(server, ana, 'POST', '/api/events/test-war/sources', {
      name: 'Review Wire',
      url: publisher.url,
      mode: 'review',
    }),
    201,
  );
}

const queue = async (who: Caller = ana) =>
  json<QueuePage>(call(server, who, 'GET', '/api/events/test-war/queue'), 200);

const waiting = async (title: string): Promise<QueueItem> => {
  const item = (await queue()).items.find((i) => i.title === title);
  if (!item) throw new Error(`"${title}" is not waiting`);
  return item;
};

async function timeline(query = ''): Promise<Update[]> {
  return ((await (await fetch(`${server.url}/api/events/test-war/updates${query}`)).json()) as UpdatePage)
    .items;
}

describe('feeds in review mode', () => {
  it('queue their items, off every public path until an editor approves one', async () => {
    const socket = await server.socket();
    const heard: string[] = [];
    socket.on('update:new', (u) => heard.push(u.id));
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    // A published report the queued item matches: the queue says which story it would join.
    const published = await json<Update>(
      server.post(
        anUpdate({
          title: 'Zorblat ceasefire talks collapse in Geneva',
          publishedAt: '2022-03-16T19:00:00Z',
        }),
      ),
      201,
    );
    heard.length = 0;

    const feed = await reviewFeed();
    expect(feed.mode).toBe('review');
    publisher.serve([
      {
        guid: 'a',
        title: 'Zorblat ceasefire talks collapse in Geneva again',
        description: 'Shelling resumed.',
      },
      { guid: 'b', title: 'Quxville water supply restored' },
    ]);
    await poll();

    const page = await queue();
    expect(page.waiting).toBe(2);
    expect(page.oldestSince).toBe(server.clock.now().toISOString());
    const talks = page.items.find((i) => i.title.startsWith('Zorblat')) as QueueItem;
    expect(talks).toMatchObject({
      kind: 'feed',
      feed: { id: feed.id, name: 'Review Wire' },
      source: { name: 'Review Wire' },
      day: 21,
      story: { id: published.id, size: 1, title: published.title },
    });
    expect(talks.topics).toContain('military');
    expect(talks.topicReasons.military?.[0]).toMatchObject({ rule: 'keyword' });

    const readerSees = async () => {
      const firstView = (await (
        await fetch(`${server.url}/api/first-view?event=test-war`)
      ).json()) as FirstView;
      const catchUp = (await (
        await server.socket()
      ).emitWithAck('subscribe', {
        event: 'test-war',
        since: 0,
      })) as SubscribeAck;
      return {
        timeline: (await timeline()).length,
        search: (await timeline('?q=quxville')).length,
        byId: (await fetch(`${server.url}/api/updates/${talks.id}`)).status,
        days: ((await (await fetch(`${server.url}/api/events/test-war/days`)).json()) as unknown[]).length,
        firstView: firstView.view?.page.items.length,
        atom: (await (await fetch(`${server.url}/e/test-war/feed.atom`)).text()).includes('Quxville'),
        jsonFeed: ((await (await fetch(`${server.url}/e/test-war/feed.json`)).json()) as { items: unknown[] })
          .items.length,
        catchUp: catchUp.ok ? catchUp.missed.length : -1,
        socket: heard.length,
      };
    };
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readerSees()).toEqual({
      timeline: 1,
      search: 0,
      byId: 404,
      days: 1,
      firstView: 1,
      atom: false,
      jsonFeed: 1,
      catchUp: 1,
      socket: 0,
    });
    // Readers cannot see the queue; contributors may not either.
    expect((await call(server, 'reader', 'GET', '/api/events/test-war/queue')).status).toBe(401);
    const cleo = await signedInPerson(server, 'contributor');
    expect((await call(server, cleo, 'GET', '/api/events/test-war/queue')).status).toBe(403);

    // Approved with an edited headline: it goes live, once, under the item's id.
    const water = await waiting('Quxville water supply restored');
    const update = await json<Update>(
      call(server, ana, 'POST', `/api/queue/${water.id}/approve`, { title: 'Water is back in Quxville' }),
      201,
    );
    expect(update).toMatchObject({
      id: water.id,
      title: 'Water is back in Quxville',
      source: { name: 'Review Wire' },
    });
    await expect.poll(() => heard).toEqual([water.id]);
    expect((await timeline('?q=quxville')).map((u) => u.id)).toEqual([water.id]);
    expect((await queue()).waiting).toBe(1);

    // The feed sends it again: nothing new, and the editor's headline stays.
    await poll();
    expect((await queue()).waiting).toBe(1);
    expect((await timeline('?q=quxville')).map((u) => u.title)).toEqual(['Water is back in Quxville']);
  });

  it('let an editor merge an item into a story, and discard one for good', async () => {
    const story = await json<Update>(server.post(anUpdate({ title: 'Bridge hit near the port' })), 201);
    await reviewFeed();
    publisher.serve([
      { guid: 'm', title: 'Grain ship leaves harbour' },
      { guid: 'd', title: 'Unverified rumour about a minister' },
    ]);
    await poll();
    const grain = await waiting('Grain ship leaves harbour');
    expect(grain.story).toBeNull();

    const merged = await json<Update>(
      call(server, ana, 'POST', `/api/queue/${grain.id}/merge`, { story: story.id }),
      200,
    );
    expect(merged.story).toMatchObject({ id: story.id, size: 2 });
    const head = await json<Update>(call(server, 'reader', 'GET', `/api/updates/${story.id}`), 200);
    expect(head.story?.size).toBe(2);
    // A story that does not exist is refused before anything is published.
    const rumour = await waiting('Unverified rumour about a minister');
    expect((await call(server, ana, 'POST', `/api/queue/${rumour.id}/merge`, { story: 'nope' })).status).toBe(
      404,
    );

    const discarded = await json<{ discarded: boolean; reason: string }>(
      call(server, ben, 'POST', `/api/queue/${rumour.id}/discard`, { reason: 'Unsourced' }),
      200,
    );
    expect(discarded).toMatchObject({ discarded: true, reason: 'Unsourced' });
    expect((await queue()).waiting).toBe(0);

    // Polled again, and again after the feed is switched to publish: it never comes back.
    await poll();
    expect((await queue()).waiting).toBe(0);
    const [feed] = await json<SourceView[]>(call(server, ana, 'GET', '/api/events/test-war/sources'), 200);
    await json<SourceView>(call(server, ana, 'PATCH', `/api/sources/${feed?.id}`, { mode: 'publish' }), 200);
    await poll();
    expect((await timeline()).map((u) => u.title).sort()).toEqual([
      'Bridge hit near the port',
      'Grain ship leaves harbour',
    ]);
    const log = (
      await json<{ items: { action: string; actor: string; target: string }[] }>(
        call(server, 'machine', 'GET', '/api/audit?limit=50'),
        200,
      )
    ).items;
    expect(log.map((e) => `${e.actor} ${e.action}`)).toEqual(
      expect.arrayContaining(['ben queue.discard', 'ana story.merge', 'ana publish', 'ana feed.add']),
    );
  });
});

describe('items carrying a topic removed since they arrived', () => {
  it('are approvable: the queue names the topic that approving drops, and the update goes live without it', async () => {
    const admin = await signedInPerson(server, 'admin', 'ada');
    const cleo = await signedInPerson(server, 'contributor', 'cleo');
    const rescue = { id: 'rescue', label: 'Rescue', color: '#0e7490', keywords: ['evacuat*'] };
    const weather = { id: 'weather', label: 'Weather', color: '#4d7c0f', keywords: ['rain'] };
    await json(
      call(server, admin, 'POST', '/api/events', {
        slug: 'flood-relief',
        title: 'River flood relief',
        startDate: '2024-09-14',
        timeZone: 'Europe/Warsaw',
        topics: [rescue, weather],
      }),
      201,
    );
    const drafts = await Promise.all(
      ['Boats reach the cut-off villages', 'Army engineers join the boats'].map(async (title) => {
        const draft = await json<{ id: string }>(
          call(server, cleo, 'POST', '/api/events/flood-relief/updates', {
            title,
            topics: ['rescue', 'weather'],
            status: 'draft',
          }),
          201,
        );
        await json(call(server, cleo, 'POST', `/api/drafts/${draft.id}/submit`), 200);
        return draft.id;
      }),
    );
    // While they wait, the desk removes the topic.
    await json(call(server, admin, 'PATCH', '/api/events/flood-relief', { topics: [weather] }), 200);

    const page = await json<QueuePage>(call(server, ana, 'GET', '/api/events/flood-relief/queue'), 200);
    expect(page.items).toHaveLength(2);
    for (const item of page.items) {
      expect(item.problem).toBeUndefined();
      expect(item.droppedTopics).toEqual(['rescue']);
      expect(item.topics).toEqual(['weather']);
    }

    // As it stands: published without the removed topic.
    const [first, second] = drafts as [string, string];
    const approved = await json<Update>(call(server, ana, 'POST', `/api/queue/${first}/approve`), 201);
    expect(approved.topics).toEqual(['weather']);
    // An editor who names the removed topic themselves is still told it is not the event's.
    const refused = await call(server, ana, 'POST', `/api/queue/${second}/approve`, { topics: ['rescue'] });
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as { error: { details: { issues: { message: string }[] } } }).error;
    expect(error.details.issues[0]?.message).toBe('Unknown topic "rescue" for event "flood-relief"');
    // Edited to the event's topics: goes live with those.
    const edited = await json<Update>(
      call(server, ana, 'POST', `/api/queue/${second}/approve`, { topics: ['weather'] }),
      201,
    );
    expect(edited.topics).toEqual(['weather']);
    expect(
      (await json<QueuePage>(call(server, ana, 'GET', '/api/events/flood-relief/queue'), 200)).waiting,
    ).toBe(0);
  });
});

describe('the queue across nodes and restarts', () => {
  it('is the same queue on a second node on the store, and the first decision wins there too', async () => {
    await reviewFeed();
    publisher.serve([{ guid: 'n', title: 'Night curfew extended by a week' }]);
    await poll();
    // Another server on the same store (a second node, or this one after a restart).
    const other = await startServer({}, { databaseUrl: server.databaseUrl });
    try {
      const there = await json<QueuePage>(call(other, ben, 'GET', '/api/events/test-war/queue'), 200);
      expect(there.items.map((i) => i.title)).toEqual(['Night curfew extended by a week']);
      const id = there.items[0]?.id as string;
      const [here, onOther] = await Promise.all([
        call(server, ana, 'POST', `/api/queue/${id}/approve`),
        call(other, ben, 'POST', `/api/queue/${id}/approve`),
      ]);
      expect([here.status, onOther.status].sort()).toEqual([201, 409]);
      expect(
        (await json<QueuePage>(call(other, ben, 'GET', '/api/events/test-war/queue'), 200)).waiting,
      ).toBe(0);
      expect((await timeline()).filter((u) => u.title.startsWith('Night curfew'))).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('two editors on one item', () => {
  it('one wins and the other gets 409; nothing is published twice', async () => {
    await reviewFeed();
    publisher.serve([
      { guid: '1', title: 'First report of a blast' },
      { guid: '2', title: 'Second report of a fire' },
      { guid: '3', title: 'Third report of a flood' },
    ]);
    await poll();
    const story = await json<Update>(server.post(anUpdate()), 201);
    const [one, two, three] = await Promise.all([
      waiting('First report of a blast'),
      waiting('Second report of a fire'),
      waiting('Third report of a flood'),
    ]);
    const race = async (a: () => Promise<Response>, b: () => Promise<Response>) =>
      (await Promise.all([a(), b()])).map((r) => r.status).sort();

    // Approve against approve.
    expect(
      await race(
        () => call(server, ana, 'POST', `/api/queue/${one.id}/approve`),
        () => call(server, ben, 'POST', `/api/queue/${one.id}/approve`, { title: 'Blast: first report' }),
      ),
    ).toEqual([201, 409]);
    // Approve against discard.
    const [approved, discarded] = await Promise.all([
      call(server, ana, 'POST', `/api/queue/${two.id}/approve`),
      call(server, 'machine', 'POST', `/api/queue/${two.id}/discard`, {}),
    ]);
    expect([approved.status, discarded.status].filter((s) => s !== 409)).toHaveLength(1);
    expect([approved.status, discarded.status]).toContain(409);
    // Merge against discard.
    expect(
      await race(
        () => call(server, ben, 'POST', `/api/queue/${three.id}/merge`, { story: story.id }),
        () => call(server, ana, 'POST', `/api/queue/${three.id}/discard`, { reason: 'dup' }),
      ),
    ).toEqual([200, 409]);
    // And after the fact, each is taken: 409 whatever is tried.
    for (const item of [one, two, three]) {
      for (const action of ['approve', 'discard']) {
        const response = await call(server, ana, 'POST', `/api/queue/${item.id}/${action}`, {});
        expect(response.status).toBe(409);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('conflict');
      }
    }
    const titles = (await timeline()).map((u) => u.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.filter((t) => /blast/i.test(t))).toHaveLength(1);
    expect((await queue()).waiting).toBe(0);
    expect((await call(server, ana, 'POST', '/api/queue/no-such-item/approve')).status).toBe(404);
  });
});

describe('feeds in the console', () => {
  it('editors add and test feeds; a refused address is explained, with the switch that allows it', async () => {
    publisher.serve([{ guid: 'x', title: 'A report' }]);
    const ok = await json<SourceTestResult>(
      call(server, ana, 'POST', '/api/events/test-war/sources/test', { url: publisher.url }),
      200,
    );
    expect(ok).toMatchObject({ ok: true, title: 'Wire', items: 1, sample: [{ title: 'A report' }] });

    const guarded = await startServer({ allowPrivateNetworks: false });
    try {
      const editor = await signedInPerson(guarded, 'editor');
      const refused = await json<SourceTestResult>(
        call(guarded, editor, 'POST', '/api/events/test-war/sources/test', { url: publisher.url }),
        200,
      );
      expect(refused).toMatchObject({ ok: false, errorKind: 'refused' });
      expect(refused.ok || refused.hint).toContain('DAYLINE_ALLOW_PRIVATE_FEEDS=on');
    } finally {
      await guarded.close();
    }
    const cleo = await signedInPerson(server, 'contributor');
    expect(
      (await call(server, cleo, 'POST', '/api/events/test-war/sources/test', { url: publisher.url })).status,
    ).toBe(403);
  });
});
