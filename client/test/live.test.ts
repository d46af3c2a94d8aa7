import type { ChangeKind, SubscribeAck, SubscribeRequest, Update } from '@dayline/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Live } from '../src/lib/live.svelte.js';
import { update } from './fixtures.js';

type Handler = (...args: never[]) => void;

/** Just enough of a socket.io client socket to drive Live from a test. */
class FakeSocket {
  connected = false;
  active = true;
  sent: { request: SubscribeRequest; answer: (ack: SubscribeAck) => void }[] = [];
  #handlers = new Map<string, Handler[]>();
  io = { on: (name: string, handler: Handler) => this.on(name, handler) };

  on(name: string, handler: Handler) {
    this.#handlers.set(name, [...(this.#handlers.get(name) ?? []), handler]);
    return this;
  }
  timeout() {
    return {
      emit: (_name: string, request: SubscribeRequest, callback: (e: null, a: SubscribeAck) => void) =>
        this.sent.push({ request, answer: (ack) => callback(null, ack) }),
    };
  }
  connect() {
    return this;
  }
  disconnect() {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }
  fire(name: string, ...args: unknown[]) {
    for (const handler of this.#handlers.get(name) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }
  /** The server accepted the connection. */
  open() {
    this.connected = true;
    this.fire('connect');
  }
  /** The network dropped; socket.io keeps trying. */
  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  lastRequest() {
    return this.sent.at(-1)?.request;
  }
  answer(ack: SubscribeAck) {
    this.sent.at(-1)?.answer(ack);
  }
}

let socket: FakeSocket;
let ioArgs: unknown[] = [];
vi.mock('socket.io-client', () => ({
  io: (...args: unknown[]) => {
    ioArgs = args;
    return socket;
  },
}));

function startLive(token?: string) {
  /** What the listener was handed, in order: pushes (`early` marked) and replays. */
  const changes: [ChangeKind, string, number, ...('early' | 'replay')[]][] = [];
  const catchUps: boolean[] = [];
  const reset = vi.fn();
  const live = new Live({ token });
  live.listen({
    change: (kind, u: Update, early) =>
      changes.push(early ? [kind, u.id, u.version, 'early'] : [kind, u.id, u.version]),
    subscribed: (missed, reconnected) => {
      catchUps.push(reconnected);
      for (const { kind, update: u } of missed) changes.push([kind, u.id, u.version, 'replay']);
    },
    reset,
  });
  const stop = live.start();
  return { live, changes, catchUps, reset, stop };
}

beforeEach(() => {
  socket = new FakeSocket();
});

describe('Live', () => {
  it('subscribes once connected and is Live only after the server confirmed', async () => {
    const { live } = startLive();
    expect(live.status).toBe('connecting');
    const subscribed = live.subscribe('ukraine-war', 0);
    socket.open();
    // The whole event: filters are applied by the timeline, and the key events need every topic.
    expect(socket.lastRequest()).toEqual({ event: 'ukraine-war', since: 0 });
    expect(live.status).toBe('connecting');
    socket.answer({ ok: true, cursor: 10, missed: [] });
    await expect(subscribed).resolves.toBe(true);
    expect(live.status).toBe('live');
    expect(live.cursor).toBe(10);
  });

  it('catches up after a reconnect from the last cursor applied, in cursor order', async () => {
    const { live, changes, catchUps } = startLive();
    socket.open();
    void live.subscribe('ukraine-war', 0);
    socket.answer({ ok: true, cursor: 10, missed: [] });
    socket.fire('update:new', update({ id: 'a', cursor: 11 }));
    expect(live.cursor).toBe(11);

    socket.drop();
    expect(live.status).toBe('reconnecting');
    socket.open();
    expect(socket.lastRequest()).toEqual({ event: 'ukraine-war', since: 11 });
    // A push racing the answer: at or below the answer's cursor it is part of `missed`.
    socket.fire('update:changed', update({ id: 'b', version: 2, cursor: 13 }));
    socket.fire('update:new', update({ id: 'c', cursor: 15 }));
    socket.answer({
      ok: true,
      cursor: 14,
      missed: [
        { kind: 'changed', cursor: 13, update: update({ id: 'b', version: 2, cursor: 13 }) },
        { kind: 'new', cursor: 12, update: update({ id: 'b', cursor: 12 }) },
        { kind: 'retracted', cursor: 14, update: update({ id: 'a', version: 2, cursor: 14 }) },
      ],
    });
    // Pushes racing the answer are marked early (the listener applies them after the replay); the
    // cursor moves past them only with the answer.
    expect(changes).toEqual([
      ['new', 'a', 1],
      ['changed', 'b', 2, 'early'],
      ['new', 'c', 1, 'early'],
      ['new', 'b', 1, 'replay'],
      ['changed', 'b', 2, 'replay'],
      ['retracted', 'a', 2, 'replay'],
    ]);
    expect(live.cursor).toBe(15);
    expect(live.status).toBe('live');
    expect(catchUps).toEqual([false, true]);
  });

  it('closes the socket when the browser goes offline, and catches up when it is back', () => {
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    try {
      const { live, catchUps } = startLive();
      socket.open();
      void live.subscribe('ukraine-war', 0);
      socket.answer({ ok: true, cursor: 10, missed: [] });
      const connect = vi.spyOn(socket, 'connect');

      target.dispatchEvent(new Event('offline'));
      expect(socket.connected).toBe(false);
      expect(live.status).toBe('offline');

      target.dispatchEvent(new Event('online'));
      expect(connect).toHaveBeenCalledOnce();
      expect(live.status).toBe('reconnecting');
      socket.open();
      expect(socket.lastRequest()).toEqual({ event: 'ukraine-war', since: 10 });
      socket.answer({
        ok: true,
        cursor: 11,
        missed: [{ kind: 'new', cursor: 11, update: update({ id: 'n', cursor: 11 }) }],
      });
      expect(catchUps).toEqual([false, true]);
      expect(live.status).toBe('live');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('asks for a reload when the server cannot replay the gap', () => {
    const { live, reset } = startLive();
    socket.open();
    void live.subscribe('ukraine-war', 0);
    socket.answer({ ok: true, cursor: 10, missed: [] });
    socket.drop();
    socket.open();
    socket.answer({ ok: false, error: { code: 'gap_too_large', message: 'Too much was missed' } });
    expect(reset).toHaveBeenCalledOnce();
    expect(live.cursor).toBeNull();
  });

  it('ignores pushes for another event, and answers to a replaced subscription', async () => {
    const { live, changes } = startLive();
    socket.open();
    void live.subscribe('ukraine-war', 0);
    const first = socket.sent.at(-1);
    const second = live.subscribe('ukraine-war', 3);
    first?.answer({ ok: true, cursor: 5, missed: [] });
    expect(live.cursor).toBe(3);
    socket.answer({ ok: true, cursor: 6, missed: [] });
    await expect(second).resolves.toBe(true);

    socket.fire('update:new', update({ id: 'x', event: 'other-event', cursor: 7 }));
    expect(changes).toEqual([]);
  });

  it('asks for what came after the first view once the socket connects, however late', () => {
    const { live } = startLive();
    void live.subscribe('ukraine-war', 42);
    socket.open();
    expect(socket.lastRequest()).toEqual({ event: 'ukraine-war', since: 42 });
  });

  it('keeps the cursor before early pushes when the connection drops before the answer', () => {
    const { live } = startLive();
    socket.open();
    void live.subscribe('ukraine-war', 10);
    socket.fire('update:new', update({ id: 'a', cursor: 12 }));
    socket.drop();
    socket.open();
    expect(socket.lastRequest()).toEqual({ event: 'ukraine-war', since: 10 });
    expect(live.cursor).toBe(10);
  });

  it('hands every change to every listener', () => {
    const { live, changes } = startLive();
    const other: string[] = [];
    const unlisten = live.listen({
      change: (_kind, u) => other.push(u.id),
      subscribed: () => undefined,
      reset: () => undefined,
    });
    socket.open();
    void live.subscribe('ukraine-war', 10);
    socket.answer({ ok: true, cursor: 10, missed: [] });
    socket.fire('update:new', update({ id: 'a', cursor: 11 }));
    unlisten();
    socket.fire('update:new', update({ id: 'b', cursor: 12 }));
    expect(other).toEqual(['a']);
    expect(changes.map((c) => c[1])).toEqual(['a', 'b']);
  });

  it('catches up when the server says live messages may have been missed, without calling it a reconnect', () => {
    const { live, changes, catchUps } = startLive();
    socket.open();
    void live.subscribe('ukraine-war', 0);
    socket.answer({ ok: true, cursor: 10, missed: [] });
    socket.fire('update:new', update({ id: 'a', cursor: 11 }));

    socket.fire('live:resync');
    expect(socket.lastRequest()).toEqual({ event: 'ukraine-war', since: 11 });
    socket.answer({
      ok: true,
      cursor: 13,
      missed: [
        { kind: 'new', cursor: 12, update: update({ id: 'b', cursor: 12 }) },
        { kind: 'changed', cursor: 13, update: update({ id: 'a', version: 2, cursor: 13 }) },
      ],
    });
    expect(changes).toEqual([
      ['new', 'a', 1],
      ['new', 'b', 1, 'replay'],
      ['changed', 'a', 2, 'replay'],
    ]);
    expect(catchUps).toEqual([false, false]);
    expect(live.cursor).toBe(13);
    expect(live.status).toBe('live');
  });

  it('asks again after an answer already on its way when a resync comes meanwhile', () => {
    const { live } = startLive();
    socket.open();
    void live.subscribe('ukraine-war', 0);
    socket.fire('live:resync');
    expect(socket.sent).toHaveLength(1);
    socket.answer({ ok: true, cursor: 10, missed: [] });
    expect(socket.sent).toHaveLength(2);
    expect(socket.lastRequest()).toEqual({ event: 'ukraine-war', since: 10 });
  });

  it('ignores a resync before any subscription', () => {
    startLive();
    socket.open();
    socket.fire('live:resync');
    expect(socket.sent).toHaveLength(0);
  });

  it('sends a viewer token in the handshake, and no auth at all without one', () => {
    startLive('dl_viewer');
    expect(ioArgs).toEqual([{ auth: { token: 'dl_viewer' } }]);
    startLive();
    expect(ioArgs).toEqual([{}]);
  });

  it('is Offline once closed', () => {
    const { live, stop } = startLive();
    socket.open();
    stop();
    expect(live.status).toBe('offline');
  });
});
