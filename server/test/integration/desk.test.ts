import type { DeskAck, DeskPresence } from '@dayline/shared';
import { io as connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  privateEvent,
  signedInPerson,
  startServer,
  testEvent,
  type TestServer,
  type TestSocket,
} from './helpers.js';

let server: TestServer;
const sockets: TestSocket[] = [];
beforeEach(async () => {
  server = await startServer({ events: [testEvent, privateEvent] });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await server.close();
});

/** Signs `name` in (a new editor) and returns the session cookie. */
const signIn = async (name: string): Promise<string> => (await signedInPerson(server, 'editor', name)).cookie;

/** A signed-in console's socket (the session cookie goes with the handshake). */
async function consoleSocket(name: string | null, signedIn?: string): Promise<TestSocket> {
  const cookie = signedIn ?? (name ? await signIn(name) : '');
  const socket: TestSocket = connect(server.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const nextPresence = (socket: TestSocket, match: (p: DeskPresence) => boolean) =>
  new Promise<DeskPresence>((resolve) => {
    const check = (presence: DeskPresence) => {
      if (!match(presence)) return;
      socket.off('desk:presence', check);
      resolve(presence);
    };
    socket.on('desk:presence', check);
  });

describe("the console's desk", () => {
  it('shows who is at an event desk and what each has open, live, to signed-in people only', async () => {
    const ana = await consoleSocket('ana');
    const bo = await consoleSocket('bo');
    const seenByAna = nextPresence(ana, (p) => p.people.length === 2);
    expect(await ana.emitWithAck('desk:join', { event: 'test-war' })).toEqual({ ok: true });
    expect(await bo.emitWithAck('desk:join', { event: 'test-war' })).toEqual({ ok: true });
    expect((await seenByAna).people).toEqual([
      { name: 'ana', editing: null },
      { name: 'bo', editing: null },
    ]);

    const editing = nextPresence(ana, (p) => p.people.some((x) => x.editing === 'u-1'));
    bo.emit('desk:editing', { update: 'u-1' });
    expect((await editing).people).toContainEqual({ name: 'bo', editing: 'u-1' });

    const left = nextPresence(ana, (p) => p.people.length === 1);
    bo.disconnect();
    expect((await left).people).toEqual([{ name: 'ana', editing: null }]);

    const reader = await consoleSocket(null);
    const refused = (await reader.emitWithAck('desk:join', { event: 'test-war' })) as DeskAck;
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const invalid = (await ana.emitWithAck('desk:join', { event: 42 } as never)) as DeskAck;
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = (await ana.emitWithAck('desk:join', { event: 'no-such-event' })) as DeskAck;
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("tells the consoles at an event's desk that its drafts changed, naming no draft", async () => {
    const editor = await consoleSocket('eli');
    expect(await editor.emitWithAck('desk:join', { event: 'test-war' })).toEqual({ ok: true });
    const other = await consoleSocket('ola');
    expect(await other.emitWithAck('desk:join', { event: privateEvent.slug })).toEqual({ ok: true });
    const signals: { event: string }[] = [];
    other.on('desk:drafts', (change) => signals.push(change));
    const changed = new Promise<{ event: string }>((resolve) => editor.once('desk:drafts', resolve));

    const cora = await signedInPerson(server, 'contributor', 'cora');
    const saved = await fetch(`${server.url}/api/events/test-war/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cora.cookie, 'x-csrf-token': cora.csrf },
      body: JSON.stringify({ title: 'School reopens in the north', status: 'draft' }),
    });
    expect(saved.status).toBe(201);
    expect(await changed).toEqual({ event: 'test-war' });
    // Another event's desk hears nothing of it.
    expect(signals).toEqual([]);
  });

  it('lets the newsroom read private events through its session, as a viewer token would', async () => {
    const cookie = await signIn('ana');
    const read = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { headers });
    expect((await read('/api/events/secret-war/updates')).status).toBe(404);
    expect((await read('/api/events/secret-war/updates', { cookie })).status).toBe(200);
    const listed = (await (await read('/api/events', { cookie })).json()) as { slug: string }[];
    expect(listed.map((e) => e.slug)).toContain('secret-war');
    const anonymous = (await (await read('/api/events')).json()) as { slug: string }[];
    expect(anonymous.map((e) => e.slug)).not.toContain('secret-war');

    const socket = await consoleSocket('ana', cookie);
    expect((await socket.emitWithAck('subscribe', { event: 'secret-war' })).ok).toBe(true);
    const reader = await consoleSocket(null);
    expect((await reader.emitWithAck('subscribe', { event: 'secret-war' })).ok).toBe(false);
  });
});
