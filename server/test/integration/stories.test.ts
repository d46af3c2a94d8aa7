import type { DayCount, Update, UpdatePage } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextEvent, startServer, type TestServer } from './helpers.js';

// Stories never hide news (issue 14): every report keeps its own card, at its own time.
let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function post(title: string, outlet: string, publishedAt: string, summary = ''): Promise<Update> {
  const response = await server.post({ title, summary, source: { name: outlet }, publishedAt });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Update;
}

async function list(query = ''): Promise<Update[]> {
  const response = await fetch(`${server.url}/api/events/test-war/updates?${query}`);
  return ((await response.json()) as UpdatePage).items;
}

async function dayTotal(query = ''): Promise<number> {
  const response = await fetch(`${server.url}/api/events/test-war/days?${query}`);
  return ((await response.json()) as DayCount[]).reduce((sum, d) => sum + d.count, 0);
}

const now = '2022-03-20T12:00:00.000Z';
const hoursAgo = (h: number) => new Date(Date.parse(now) - h * 3600_000).toISOString();

describe('stories', () => {
  it('a new report of a developing story arrives at the top, live, naming the story it joins', async () => {
    const first = await post(
      'Dam on the Dnipro breached, thousands told to evacuate',
      'River Wire',
      hoursAgo(2),
      'The dam was breached before dawn and villages downstream were told to evacuate.',
    );
    // Other news in between, so the first report is not at the top any more.
    for (let i = 0; i < 3; i++) {
      await post(`Parliament debates budget line ${'abc'[i]}`, 'Desk', hoursAgo(1 - i * 0.2));
    }
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const arrived = nextEvent(socket, 'update:new');
    const latest = await post(
      'Nova Kakhovka dam breach: 16,000 evacuated, governor says',
      'Steppe Courier',
      now,
      'The governor said 16,000 people had been evacuated after the dam breach.',
    );

    // It joined the story, and it is news: its own push, its own card at the top.
    expect(latest.story).toMatchObject({
      id: first.id,
      headId: first.id,
      size: 2,
      firstReport: { title: first.title, source: 'River Wire', publishedAt: first.publishedAt },
    });
    expect((await arrived).id).toBe(latest.id);
    const page = await list();
    expect(page[0]?.id).toBe(latest.id);
    expect(page.map((u) => u.id)).toContain(first.id);
  });

  it('search and the outlet filter find a report inside a story headed by another outlet, and counts agree', async () => {
    const head = await post(
      'Ships leave Odesa under the new grain corridor deal',
      'Harbour Gazette',
      hoursAgo(3),
      'Three ships carrying grain left Odesa along the grain corridor.',
    );
    const inside = await post(
      'Grain corridor: three more ships leave Odesa',
      'Granary Times',
      hoursAgo(2),
      'More ships carrying grain left Odesa through the corridor.',
    );
    expect(inside.story?.headId).toBe(head.id);

    for (const query of ['q=grain%20corridor', 'q=grain%20corridor&collapse=true']) {
      const found = await list(query);
      expect(found.map((u) => u.id).sort(), query).toEqual([head.id, inside.id].sort());
    }
    for (const query of ['source=Granary%20Times', 'source=Granary%20Times&collapse=true']) {
      expect(
        (await list(query)).map((u) => u.id),
        query,
      ).toEqual([inside.id]);
    }
    // The chip and chart counts are counts of reports, as the list is.
    expect(await dayTotal('q=grain%20corridor')).toBe((await list('q=grain%20corridor')).length);
    expect(await dayTotal('source=Granary%20Times')).toBe(1);
  });

  it('a shared number or a stock word joins nothing by itself', async () => {
    const bridge = await post('Bridge in Kherson reopens 17', 'River Wire', hoursAgo(1));
    const parliament = await post('Parliament elects 17 deputies', 'Desk', hoursAgo(0.5));
    expect(bridge.story).toBeUndefined();
    expect(parliament.story).toBeUndefined();

    const older = await post('Convoy 1 reaches the besieged city', 'Aid Desk', hoursAgo(3));
    const ones = [
      'Power restored to district 1',
      'School 1 reopens after repairs',
      'Ferry line 1 resumes service',
      'Hospital ward 1 moves to a shelter',
      'Tram route 1 suspended after shelling',
    ];
    for (const [i, title] of ones.entries()) {
      const update = await post(title, `Outlet ${i}`, hoursAgo(2 - i * 0.2));
      expect(update.story, title).toBeUndefined();
    }
    expect((await list()).find((u) => u.id === older.id)?.story).toBeUndefined();
  });

  it("the story's first report is the earliest published, even when it arrives later", async () => {
    const late = await post(
      'Missile strike hits fuel depot near Lviv',
      'Northern Wire',
      '2022-03-20T07:39:00Z',
      'A fuel depot near Lviv burned after a missile strike.',
    );
    const early = await post(
      'Fuel depot near Lviv hit by missile strike, officials say',
      'Baltic Dispatch',
      '2022-03-20T06:53:00Z',
      'Officials said missiles hit the fuel depot near Lviv.',
    );
    const expected = {
      headId: early.id,
      firstReport: { title: early.title, source: 'Baltic Dispatch', publishedAt: early.publishedAt },
    };
    expect(early.story).toMatchObject(expected);
    const listed = await list();
    for (const id of [late.id, early.id]) {
      expect(listed.find((u) => u.id === id)?.story, id).toMatchObject(expected);
    }
    const story = await (await fetch(`${server.url}/api/stories/${late.id}`)).json();
    expect(story).toMatchObject({ headId: early.id });
  });
});

describe('copies', () => {
  it('a report sent again is a copy before anything else: it joins no story and touches none', async () => {
    const first = await post(
      'Missile strike hits fuel depot near Lviv',
      'Northern Wire',
      '2022-03-20T07:00:00Z',
      'A fuel depot near Lviv burned after a missile strike.',
    );
    const again = {
      title: 'Fuel depot near Lviv hit by missile strike, officials say',
      summary: 'Officials said missiles hit the fuel depot near Lviv.',
      source: { name: 'Baltic Dispatch' },
      publishedAt: '2022-03-20T07:30:00Z',
    };
    const second = (await (await server.post(again)).json()) as Update;
    expect(second.story?.id).toBe(first.id);
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const pushed: string[] = [];
    for (const kind of ['update:new', 'update:changed', 'update:retracted'] as const) {
      socket.on(kind, (u) => pushed.push(`${kind} ${u.id}`));
    }
    // Once alone and twice in a batch: the same update back, nothing pushed, the story unchanged.
    const resent = await server.post(again);
    expect(resent.status).toBe(200);
    expect(((await resent.json()) as Update).id).toBe(second.id);
    const batch = await server.post({ items: [again, again] });
    const { results } = (await batch.json()) as { results: { id: string; status: string }[] };
    expect(results).toEqual([
      { id: second.id, status: 'duplicate' },
      { id: second.id, status: 'duplicate' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pushed).toEqual([]);
    expect((await list()).find((u) => u.id === first.id)?.story?.size).toBe(2);
  });
});
