import type { StoryView, Update, UpdatePage } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextEvent, startServer, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const story = [
  [
    'Northern Wire',
    'Missile strike hits fuel depot near Lviv',
    'A fuel depot near Lviv burned after a missile strike.',
  ],
  [
    'Baltic Dispatch',
    'Fuel depot near Lviv hit by missile strike, officials say',
    'Officials said missiles hit the depot.',
  ],
  [
    'Danube Post',
    'Lviv fuel depot struck by missiles overnight',
    'The depot near Lviv was struck overnight.',
  ],
  [
    'Atlas Radio',
    'Fuel depot blaze near Lviv after missile strike',
    'Firefighters fought the depot fire near Lviv.',
  ],
] as const;

async function post(i: number, minutes = i * 10): Promise<Update> {
  const [outlet, title, summary] = story[i] ?? story[0];
  const response = await server.post({
    title,
    summary,
    source: { name: outlet },
    publishedAt: new Date(Date.UTC(2022, 2, 26, 8, minutes)).toISOString(),
  });
  return (await response.json()) as Update;
}

async function list(query = ''): Promise<Update[]> {
  return ((await (await fetch(`${server.url}/api/events/test-war/updates?${query}`)).json()) as UpdatePage)
    .items;
}

/** The stories the timeline shows, by id: every report has its card, and names its story. */
async function stories(): Promise<string[]> {
  return [...new Set((await list()).map((u) => u.story?.id ?? u.id))].sort();
}

const send = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('stories', () => {
  it('groups the same story from several outlets under its first report, live, each report on its own card', async () => {
    const first = await post(0);
    await post(1);
    await post(2);
    await server.post({
      title: 'Grain exports resume from the southern ports',
      publishedAt: '2022-03-26T09:00:00Z',
    });

    const listed = await list();
    expect(listed).toHaveLength(4);
    const story3 = {
      id: first.id,
      headId: first.id,
      size: 3,
      sources: ['Northern Wire', 'Baltic Dispatch', 'Danube Post'],
      firstReport: { title: story[0][1], source: 'Northern Wire', publishedAt: first.publishedAt },
    };
    for (const u of listed.filter((u) => u.source)) expect(u.story, u.title).toEqual(story3);
    // `collapse` is accepted from older clients and changes nothing.
    expect(await list('collapse=true')).toEqual(listed);

    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const member = nextEvent(socket, 'update:new');
    const headChanged = nextEvent(socket, 'update:changed');
    const fourth = await post(3);
    expect(fourth.story).toMatchObject({ id: first.id, size: 4 });
    expect(await member).toMatchObject({ id: fourth.id, story: { headId: first.id } });
    const changed = await headChanged;
    expect(changed).toMatchObject({ id: first.id, version: 1, story: { size: 4 } });
    expect(changed.cursor).toBeGreaterThan(fourth.cursor);

    const view = (await (await fetch(`${server.url}/api/stories/${first.id}`)).json()) as StoryView;
    expect(view).toMatchObject({ id: first.id, headId: first.id, size: 4 });
    expect(view.members.map((m) => m.source?.name)).toEqual([
      'Northern Wire',
      'Baltic Dispatch',
      'Danube Post',
      'Atlas Radio',
    ]);
  });

  it('records why each topic was given', async () => {
    const update = await post(0);
    expect(update.topicReasons?.military).toEqual([
      expect.objectContaining({ rule: 'keyword', match: 'Missile' }),
    ]);
  });

  it('lets editors split and merge, live, and the result survives the same items arriving again', async () => {
    const first = await post(0);
    const second = await post(1);
    const third = await post(2);
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const changes: Update[] = [];
    socket.on('update:changed', (u) => changes.push(u));

    const split = await send(`/api/stories/${first.id}/split`, { members: [third.id] });
    expect(split.status).toBe(200);
    expect(((await split.json()) as StoryView).members.map((m) => m.id)).toEqual([third.id]);
    await expect.poll(() => changes.some((u) => u.id === third.id)).toBe(true);
    expect(await stories()).toEqual([first.id, third.id].sort());

    // Re-sending an item (a feed re-poll) is a duplicate and does not regroup it.
    const [outlet, title, summary] = story[2];
    await server.post({ title, summary, source: { name: outlet }, publishedAt: third.publishedAt });
    expect(await stories()).toEqual([first.id, third.id].sort());

    const merged = await send(`/api/stories/${first.id}/merge`, { story: third.id });
    expect(((await merged.json()) as StoryView).members.map((m) => m.id)).toEqual([
      first.id,
      second.id,
      third.id,
    ]);
    expect(await stories()).toEqual([first.id]);
    // The old path still answers, through a permanent redirect.
    const old = await fetch(`${server.url}/api/clusters/${first.id}`, { redirect: 'manual' });
    expect([old.status, old.headers.get('location')]).toEqual([308, `/api/stories/${first.id}`]);
    expect(((await (await fetch(`${server.url}/api/clusters/${first.id}`)).json()) as StoryView).size).toBe(
      3,
    );

    expect((await send(`/api/stories/${first.id}/split`, { members: ['nope'] })).status).toBe(400);
    expect((await send(`/api/stories/nope/merge`, { story: first.id })).status).toBe(404);
  });

  it('when the first report is retracted, the next one heads the story, in the same commit', async () => {
    const first = await post(0);
    const second = await post(1);
    await post(2);
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const retracted = nextEvent(socket, 'update:retracted');
    const headChanged = nextEvent(socket, 'update:changed');
    await fetch(`${server.url}/api/updates/${first.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await retracted).id).toBe(first.id);
    expect(await headChanged).toMatchObject({ id: second.id, story: { headId: second.id, size: 2 } });
    const left = await list();
    expect(left).toHaveLength(2);
    // The story keeps its id; its first report is now the earliest one left, on every card.
    for (const u of left) expect(u.story).toMatchObject({ id: first.id, headId: second.id, size: 2 });
  });
});
