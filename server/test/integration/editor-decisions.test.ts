import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RetagJob, StorySummary, StoryView, Update } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusteringLabels, TaggingLabels } from '../../src/decisions/labels.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import {
  nextEvent,
  requestAs,
  runCli,
  signedInPerson,
  startServer,
  testEventYaml,
  type SignedIn,
  type TestServer,
} from './helpers.js';

// Editors' decisions on topics and stories (issue 17): recorded with who and when, outranking the
// rules and kept through retag, live for readers, surviving re-polls and restarts, exported as labels.
let server: TestServer;
let database: TestDatabase;
let dir: string;
let editor: SignedIn;
beforeEach(async () => {
  database = await createTestDatabase();
  server = await startServer({}, { databaseUrl: database.url });
  editor = await signedInPerson(server, 'editor', 'ana');
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-decisions-'));
});
afterEach(async () => {
  await server.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const as = (person: SignedIn, method: string, url: string, body?: unknown) =>
  requestAs(server, person, method, url, body);

const read = async (id: string) => (await (await fetch(`${server.url}/api/updates/${id}`)).json()) as Update;

async function post(title: string, summary: string, outlet: string, minutes: number): Promise<Update> {
  const response = await server.post({
    title,
    summary,
    source: { name: outlet },
    url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example.org/${minutes}`,
    publishedAt: new Date(Date.UTC(2022, 2, 26, 8, minutes)).toISOString(),
  });
  return (await response.json()) as Update;
}

const lviv = async () => [
  await post(
    'Missile strike hits fuel depot near Lviv',
    'A fuel depot near Lviv burned after a missile strike.',
    'Northern Wire',
    0,
  ),
  await post(
    'Fuel depot near Lviv hit by missile strike, officials say',
    'Officials said missiles hit the depot.',
    'Baltic Dispatch',
    10,
  ),
  await post(
    'Lviv fuel depot struck by missiles overnight',
    'The depot near Lviv was struck overnight.',
    'Danube Post',
    20,
  ),
];

describe('topics confirmed by editors', () => {
  it('records each decision with who and when, shows it as the editor’s reason, and publishes it live, not as a correction', async () => {
    const update = await post(
      'Missile strike cuts gas supply to the city',
      'Shelling overnight.',
      'River Wire',
      0,
    );
    expect(update.topics).toEqual(['military', 'energy']);
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const live = nextEvent(socket, 'update:changed');

    const response = await as(editor, 'PATCH', `/api/updates/${update.id}`, {
      topics: ['military', 'diplomacy'],
    });
    expect(response.status).toBe(200);
    const changed = (await response.json()) as Update;
    expect(changed).toMatchObject({ topics: ['military', 'diplomacy'], status: 'published', version: 2 });
    // The editor's word first, the rules' after it, for the record.
    expect(changed.topicReasons?.military?.[0]).toEqual({
      rule: 'editor',
      match: 'military',
      by: 'ana',
      at: expect.any(String) as string,
    });
    expect(changed.topicReasons?.military?.[1]).toMatchObject({ rule: 'keyword' });
    expect(changed.topicReasons?.diplomacy).toEqual([expect.objectContaining({ rule: 'editor', by: 'ana' })]);
    expect(changed.topicReasons?.energy).toBeUndefined();
    expect(await live).toMatchObject({ id: update.id, topics: ['military', 'diplomacy'] });

    const decided = await server.store.decisions.topicDecisions([update.id]);
    expect(
      Object.fromEntries((decided.get(update.id) ?? []).map((d) => [d.topic, [d.verdict, d.actor]])),
    ).toEqual({ military: ['confirmed', 'ana'], diplomacy: ['added', 'ana'], energy: ['removed', 'ana'] });

    // The same choice again decides nothing new: no version, no decision.
    const again = (await (
      await as(editor, 'PATCH', `/api/updates/${update.id}`, { topics: ['military', 'diplomacy'] })
    ).json()) as Update;
    expect(again.version).toBe(2);
    expect((await server.store.decisions.list('test-war')).length).toBe(3);
  });

  it('outrank the rules and are kept through retag, by the API and the command, when the rules change', async () => {
    const decided = await post(
      'Missile strike cuts gas supply',
      'Drone debris fell on the plant.',
      'River Wire',
      0,
    );
    const ruled = await post('Drone seen over the power grid', 'No damage was reported.', 'Lake Post', 30);
    expect(decided.topics).toEqual(['military', 'energy']);
    expect(ruled.topics).toEqual(['energy']);
    // The editor: not military (the rules said so), but diplomacy; energy stays, confirmed.
    await as(editor, 'PATCH', `/api/updates/${decided.id}`, { topics: ['energy', 'diplomacy'] });

    // The rules as they are: a retag puts back nothing the editor took off.
    const admin = await signedInPerson(server, 'admin');
    const started = (await (await as(admin, 'POST', '/api/events/test-war/retag')).json()) as RetagJob;
    await expect
      .poll(
        async () =>
          ((await (await as(admin, 'GET', `/api/retag-jobs/${started.id}`)).json()) as RetagJob).status,
      )
      .toBe('done');
    expect(await read(decided.id)).toMatchObject({ topics: ['energy', 'diplomacy'], version: 2 });

    // The rules change (drones are military now): the other update follows them, the decided one not.
    const { stdout } = await runCli(server, 'retag', ['--event', 'test-war'], testEventYaml('drone'));
    expect(stdout).toContain('2 updates checked, 1 changed');
    expect((await read(ruled.id)).topics).toEqual(['military', 'energy']);
    const kept = await read(decided.id);
    expect(kept).toMatchObject({ topics: ['energy', 'diplomacy'], version: 2 });
    expect(kept.topicReasons?.diplomacy?.[0]).toMatchObject({ rule: 'editor', by: 'ana' });
  }, 60_000);
});

describe('stories edited by editors', () => {
  it('finds stories to join by their words, for readers of the event only', async () => {
    const [first, second] = await lviv();
    const grain = await post(
      'Grain ships wait outside Odesa',
      'Talks on the corridor stalled.',
      'Danube Post',
      50,
    );
    const found = async (q: string) =>
      (
        (await (await fetch(`${server.url}/api/events/test-war/stories?q=${q}`)).json()) as {
          items: StorySummary[];
        }
      ).items;
    const lvivStories = await found('lviv');
    expect(lvivStories).toEqual([
      {
        id: first?.id,
        headId: first?.id,
        size: 3,
        sources: ['Northern Wire', 'Baltic Dispatch', 'Danube Post'],
        firstReport: { title: first?.title, source: 'Northern Wire', publishedAt: first?.publishedAt },
      },
    ]);
    expect(second?.story?.id).toBe(first?.id);
    expect(await found('grain')).toEqual([
      expect.objectContaining({ id: grain.id, headId: grain.id, size: 1, sources: ['Danube Post'] }),
    ]);
    // Without words: the latest stories, each once.
    expect((await found('')).map((s) => s.id)).toEqual([grain.id, first?.id]);
    expect((await fetch(`${server.url}/api/events/nope/stories?q=x`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/events/test-war/stories?limit=500`)).status).toBe(400);
  });

  it('records splits and merges as decisions, and the result survives re-polling and a restart', async () => {
    const [first, second, third] = (await lviv()) as [Update, Update, Update];
    const split = await as(editor, 'POST', `/api/stories/${first.id}/split`, { members: [third.id] });
    expect(split.status).toBe(200);
    expect(((await split.json()) as StoryView).members.map((m) => m.id)).toEqual([third.id]);

    // A feed re-sends the item: a duplicate, it does not rejoin.
    await post(
      'Lviv fuel depot struck by missiles overnight',
      'The depot near Lviv was struck overnight.',
      'Danube Post',
      20,
    );
    expect((await read(third.id)).story).toBeUndefined();
    expect((await read(first.id)).story?.size).toBe(2);

    // After a restart on the same database, the story index is rebuilt as the editor left it.
    await server.close();
    server = await startServer({}, { databaseUrl: database.url });
    editor = await signedInPerson(server, 'editor', 'ana-2');
    expect((await read(third.id)).story).toBeUndefined();
    const again = await post(
      'Lviv fuel depot struck by missiles overnight',
      'The depot near Lviv was struck overnight.',
      'Danube Post',
      20,
    );
    expect(again.id).toBe(third.id);
    expect((await read(third.id)).story).toBeUndefined();

    const merged = await as(editor, 'POST', `/api/stories/${first.id}/merge`, { story: third.id });
    expect(((await merged.json()) as StoryView).size).toBe(3);
    const decisions = await server.store.decisions.list('test-war');
    expect(decisions.map((d) => [d.updateId, 'otherId' in d ? d.otherId : '', d.verdict, d.actor])).toEqual([
      [third.id, first.id, 'different', 'ana'],
      [third.id, second.id, 'different', 'ana'],
      [third.id, first.id, 'same', 'ana-2'],
      [third.id, second.id, 'same', 'ana-2'],
    ]);
  });
});

describe('npm run export-labels', () => {
  it('writes editors’ decisions in the format of the evaluation sets', async () => {
    const [first, , third] = (await lviv()) as [Update, Update, Update];
    await as(editor, 'PATCH', `/api/updates/${first.id}`, { topics: ['energy'] });
    await as(editor, 'POST', `/api/stories/${first.id}/split`, { members: [third.id] });

    const { stdout } = await runCli(server, 'export-labels', ['--event', 'test-war']);
    const { tagging, clustering } = JSON.parse(stdout) as {
      tagging: TaggingLabels;
      clustering: ClusteringLabels;
    };
    expect(tagging.items).toEqual([
      {
        id: first.id,
        split: 'editor',
        source: 'Northern Wire',
        title: first.title,
        summary: first.summary,
        topics: ['energy'],
        removed: ['military'],
      },
    ]);
    expect(clustering.pairs).toHaveLength(2);
    expect(clustering.pairs).toContainEqual({
      ...(first.id < third.id ? { a: first.id, b: third.id } : { a: third.id, b: first.id }),
      same: false,
      kind: 'editor-split',
      split: 'editor',
    });
    expect(clustering.updates.map((u) => u.id).sort()).toEqual(
      [...new Set(clustering.pairs.flatMap((p) => [p.a, p.b]))].sort(),
    );
    expect(clustering.updates.find((u) => u.id === third.id)).toMatchObject({
      story: third.id,
      source: 'Danube Post',
      title: third.title,
      publishedAt: third.publishedAt,
    });

    // --out writes the two files under the fixtures' names.
    await runCli(server, 'export-labels', ['--event', 'test-war', '--out', path.join(dir, 'labels')]);
    const file = JSON.parse(
      readFileSync(path.join(dir, 'labels', 'clustering-pairs.json'), 'utf8'),
    ) as ClusteringLabels;
    expect(file.pairs).toEqual(clustering.pairs);
    expect(
      (JSON.parse(readFileSync(path.join(dir, 'labels', 'tagging.json'), 'utf8')) as TaggingLabels).items,
    ).toEqual(tagging.items);

    // An unknown event: one plain line, and a failing exit.
    const failed = await runCli(server, 'export-labels', ['--event', 'nope']).catch(
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ code: 1, stderr: 'Event "nope" not found\n' });
  }, 60_000);
});
