import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Update } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  anUpdate,
  runCli,
  startServer,
  testEvent,
  testEventYaml,
  type TestServer,
  type TestSocket,
} from './helpers.js';

// What `npm run import` and `npm run retag` commit, in processes of their own, reaches open pages
// live: every server follows the change log for what other processes committed.

let server: TestServer;
let dir: string;
beforeEach(async () => {
  server = await startServer();
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-tools-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every push a socket gets, with when it came. */
function record(socket: TestSocket) {
  const got: { kind: string; update: Update; at: number }[] = [];
  for (const kind of ['update:new', 'update:changed', 'update:retracted'] as const) {
    socket.on(kind, (update) => got.push({ kind, update, at: Date.now() }));
  }
  return got;
}

describe('changes committed by another process', () => {
  it('npm run import and npm run retag reach an open page live within 2 s, once each', async () => {
    const drone = (await (
      await server.post(anUpdate({ title: 'Drone seen over the river' }))
    ).json()) as Update;
    expect(drone.topics).toEqual([]);
    const socket = await server.socket();
    const ack = await socket.emitWithAck('subscribe', { event: testEvent.slug });
    if (!ack.ok) throw new Error(ack.error.message);
    const got = record(socket);
    // A reader's first page, read (and kept by the server) before the tools run.
    const firstPage = async () =>
      (await (await fetch(`${server.url}/api/events/${testEvent.slug}/updates?limit=50`)).json()) as {
        items: Update[];
      };
    expect((await firstPage()).items.map((u) => u.title)).toEqual([drone.title]);

    const file = path.join(dir, 'updates.ndjson');
    const titles = [
      'Grain ship leaves the port',
      'Talks resume in the capital',
      'Power grid repaired in the east',
    ];
    writeFileSync(
      file,
      titles
        .map((title, i) =>
          JSON.stringify({ title, publishedAt: `2022-03-16T1${i}:00:00Z`, source: { name: 'Import Wire' } }),
        )
        .join('\n'),
    );
    const imported = await runCli(
      server,
      'import',
      ['--event', testEvent.slug, file],
      testEventYaml('drone'),
    );
    const done = Date.now();
    expect(imported.stdout).toContain('3 created');
    await expect.poll(() => got.length, { timeout: 2000 }).toBe(3);
    expect(got.map((g) => [g.kind, g.update.title]).sort()).toEqual(
      titles.map((t) => ['update:new', t]).sort(),
    );
    for (const g of got) expect(g.at - done).toBeLessThan(2000);
    // The page kept from before is not what a reader gets now: the import moved the event on.
    expect((await firstPage()).items.map((u) => u.title).sort()).toEqual([drone.title, ...titles].sort());

    // The rules in the tool's config know that drones are military: the retag goes out live too.
    const retagged = await runCli(server, 'retag', ['--event', testEvent.slug], testEventYaml('drone'));
    const retagDone = Date.now();
    expect(retagged.stdout).toContain('1 changed');
    await expect.poll(() => got.length, { timeout: 2000 }).toBe(4);
    expect(got[3]).toMatchObject({ kind: 'update:changed', update: { id: drone.id, topics: ['military'] } });
    expect((got[3]?.at ?? Infinity) - retagDone).toBeLessThan(2000);
    expect((await firstPage()).items.find((u) => u.id === drone.id)?.topics).toEqual(['military']);

    // Nothing twice, and a reconnect from the last cursor has nothing left to replay.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(got).toHaveLength(4);
    const cursor = Math.max(ack.cursor, ...got.map((g) => g.update.cursor));
    const again = await socket.emitWithAck('subscribe', { event: testEvent.slug, since: cursor });
    expect(again).toMatchObject({ ok: true, missed: [] });
  }, 60_000);

  it('delivers a change of another node on the same store without Redis, once', async () => {
    const other = await startServer({}, { databaseUrl: server.databaseUrl });
    try {
      const socket = await server.socket();
      await socket.emitWithAck('subscribe', { event: testEvent.slug });
      const got = record(socket);
      const posted = (await (
        await other.post(anUpdate({ title: 'Grain ship leaves the southern port' }))
      ).json()) as Update;
      await expect.poll(() => got.length, { timeout: 2000 }).toBe(1);
      expect(got[0]).toMatchObject({ kind: 'update:new', update: { id: posted.id } });
      // Its own writes go out from the commit, not again from the log.
      const own = (await (
        await server.post(anUpdate({ title: 'Parliament debates the winter budget' }))
      ).json()) as Update;
      await expect.poll(() => got.length, { timeout: 2000 }).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(got.map((g) => g.update.id)).toEqual([posted.id, own.id]);
    } finally {
      await other.close();
    }
  });
});
