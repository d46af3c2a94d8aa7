import type { FirstView, Update, UpdatePage, UpdateVersion } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, startServer, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const patch = (id: string, body: unknown, bearer: string | null = token) =>
  fetch(`${server.url}/api/updates/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });

async function created(title: string, publishedAt: string): Promise<Update> {
  return (await (await server.post(anUpdate({ title, publishedAt }))).json()) as Update;
}

async function firstViewSticky(): Promise<Update | null> {
  const body = (await (await fetch(`${server.url}/api/first-view?event=test-war`)).json()) as FirstView;
  return body.view?.sticky ?? null;
}

describe('the sticky post', () => {
  it('is one per event: making another sticky un-sticks the first in the same commit, live', async () => {
    const a = await created('What we know so far about the dam', '2022-03-10T08:00:00Z');
    const b = await created('Ceasefire talks: what we know', '2022-03-16T09:00:00Z');
    await created('Shelling reported near the station', '2022-03-16T10:00:00Z');

    expect((await patch(a.id, { sticky: true })).status).toBe(200);
    expect((await firstViewSticky())?.id).toBe(a.id);

    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'test-war' });
    const seen: Update[] = [];
    socket.on('update:changed', (u) => seen.push(u));
    const answer = await patch(b.id, { sticky: true, version: 1 });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as Update).sticky).toBe(true);
    await expect
      .poll(() => seen.map((u) => [u.id, u.sticky]))
      .toEqual([
        [b.id, true],
        [a.id, false],
      ]);
    // The first stays where it was, unchanged but for the flag (no new version).
    const aNow = (await (await fetch(`${server.url}/api/updates/${a.id}`)).json()) as Update;
    expect(aNow).toMatchObject({ sticky: false, version: 2, status: 'published' });
    expect((await firstViewSticky())?.id).toBe(b.id);
    const only = (await (
      await fetch(`${server.url}/api/events/test-war/updates?sticky=true`)
    ).json()) as UpdatePage;
    expect(only.items.map((u) => u.id)).toEqual([b.id]);

    const versions = (await (await fetch(`${server.url}/api/updates/${b.id}/versions`)).json()) as {
      items: UpdateVersion[];
    };
    expect(versions.items.map((v) => v.kind)).toEqual(['created', 'sticky']);
    socket.disconnect();
  });

  it('stops with a retraction, and readers cannot set it', async () => {
    const a = await created('What we know so far', '2022-03-16T08:00:00Z');
    expect((await patch(a.id, { sticky: true }, null)).status).toBe(401);
    expect((await patch(a.id, { sticky: true })).status).toBe(200);
    const gone = await fetch(`${server.url}/api/updates/${a.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(gone.status).toBe(200);
    expect(((await gone.json()) as Update).sticky).toBe(false);
    expect(await firstViewSticky()).toBeNull();
  });

  it('stays one when two editors pin different posts at the same moment', async () => {
    const ids = await Promise.all(
      ['one', 'two', 'three', 'four'].map((n, i) => created(`Summary ${n}`, `2022-03-16T0${i}:00:00Z`)),
    );
    const answers = await Promise.all(ids.map((u) => patch(u.id, { sticky: true })));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const page = (await (
      await fetch(`${server.url}/api/events/test-war/updates?sticky=true`)
    ).json()) as UpdatePage;
    expect(page.items).toHaveLength(1);
  });
});
