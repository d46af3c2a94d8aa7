import type {
  Change,
  ChangeKind,
  ClientToServerEvents,
  ServerToClientEvents,
  SubscribeAck,
  SubscribeRequest,
  Update,
} from '@dayline/shared';
import { io, type Socket } from 'socket.io-client';
import { online } from 'svelte/reactivity/window';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** One of the connection's listeners (an event's data; several may listen at once). */
export interface LiveListener {
  /**
   * One change pushed live. `early`: it came before the server confirmed the subscription, so the
   * replay that confirmation brings may hold older changes of the same update: apply it after that.
   */
  change(kind: ChangeKind, update: Update, early: boolean): void;
  /**
   * The server confirmed the subscription, with what it replayed (maybe nothing), in cursor order;
   * `reconnected` says the connection had been lost, so the reader may be told what happened meanwhile.
   */
  subscribed(changes: Change[], reconnected: boolean): void;
  /** The server cannot replay what was missed: the view must start again from a fresh first view. */
  reset(): void;
}

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a first load waits for the socket before loading without it (and catching up later). */
const connectWaitMs = 3000;
const ackTimeoutMs = 10_000;
/** Pause before reconnecting after the server closed the connection itself (no built-in backoff then). */
const serverCloseRetryMs = 2000;

const pushKinds: [keyof ServerToClientEvents, ChangeKind][] = [
  ['update:new', 'new'],
  ['update:changed', 'changed'],
  ['update:retracted', 'retracted'],
];

/**
 * The socket.io connection: its status for the header, the subscription, and the cursor of the last
 * change applied, so a reconnect asks only for what it missed.
 */
export class Live {
  #status = $state<ConnectionStatus>('connecting');
  #socket: LiveSocket | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- who to call, never rendered
  #listeners = new Set<LiveListener>();
  #subscription: { event: string } | null = null;
  /** Cursor of the last change applied; null until a subscription gives one. */
  #cursor: number | null = null;
  /** Bumped per subscribe sent, so the answer to a superseded one is ignored. */
  #generation = 0;
  #awaitingAck = false;
  /** The highest cursor pushed while a subscribe answer was on its way; the cursor moves there once it is in. */
  #earlyCursor: number | null = null;
  #waiters: ((subscribed: boolean) => void)[] = [];
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set when a working subscription was lost; the next answer is a catch-up after a disconnection. */
  #lost = false;
  /** The socket was closed because the browser went offline, and reopens when it is back. */
  #closedOffline = false;
  /** The server asked for a resync while a subscribe was on its way: ask again once it is answered. */
  #resyncAfterAck = false;
  readonly #token: string | null;

  /** `token`: a viewer token for private events, sent in the handshake; none sends no `auth` at all. */
  constructor(options: { token?: string | null } = {}) {
    this.#token = options.token ?? null;
  }

  /** The browser knowing it is offline beats whatever the socket believes. */
  get status(): ConnectionStatus {
    return online.current === false ? 'offline' : this.#status;
  }

  get cursor(): number | null {
    return this.#cursor;
  }

  /** The socket while the connection is started (for features of their own, like the desk's presence). */
  get socket(): LiveSocket | null {
    return this.#socket;
  }

  /** Adds a listener; returns the function that removes it. */
  listen(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Opens the connection; returns the function that closes it. */
  start(url?: string): () => void {
    const options = this.#token ? { auth: { token: this.#token } } : {};
    const socket: LiveSocket = url ? io(url, options) : io(options);
    this.#socket = socket;

    socket.on('connect', () => {
      if (this.#subscription) this.#send();
      else this.#status = 'live';
    });
    socket.on('disconnect', (reason) => {
      if (this.#status === 'live' && this.#subscription) this.#lost = true;
      this.#generation++;
      this.#awaitingAck = false;
      this.#earlyCursor = null;
      if (reason === 'io client disconnect') {
        this.#status = 'offline';
      } else if (reason === 'io server disconnect') {
        // socket.io does not come back by itself after the server closed the socket (restart, deploy).
        this.#status = 'reconnecting';
        clearTimeout(this.#retryTimer);
        this.#retryTimer = setTimeout(() => socket.connect(), serverCloseRetryMs);
      } else {
        this.#status = 'reconnecting';
      }
    });
    socket.on('connect_error', () => {
      this.#status = socket.active ? 'reconnecting' : 'offline';
      if (!socket.active) this.#settle(false);
    });
    socket.io.on('reconnect_failed', () => {
      this.#status = 'offline';
    });
    for (const [name, kind] of pushKinds) {
      socket.on(name, (update: Update) => this.#push(kind, update));
    }
    socket.on('live:resync', () => this.#resync());

    // When the browser knows the network is gone, the socket is dead even if nothing has said so yet
    // (a WebSocket can linger for the whole heartbeat timeout, and some browsers keep it open under
    // their own offline mode). Closing it now and reopening on `online` gives the reader an honest
    // status at once, and the reconnect asks for exactly what was missed.
    const onOffline = () => {
      if (!socket.active) return;
      if (this.#status === 'live' && this.#subscription) this.#lost = true;
      this.#closedOffline = true;
      socket.disconnect();
    };
    const onOnline = () => {
      if (!this.#closedOffline) return;
      this.#closedOffline = false;
      this.#status = 'reconnecting';
      socket.connect();
    };
    const hasWindow = typeof window !== 'undefined';
    if (hasWindow) {
      window.addEventListener('offline', onOffline);
      window.addEventListener('online', onOnline);
    }

    return () => {
      if (hasWindow) {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      clearTimeout(this.#retryTimer);
      socket.disconnect();
      this.#socket = null;
      this.#settle(false);
    };
  }

  /**
   * Replaces the subscription: the server replays what came after `since` (the cursor a first view
   * was read at), then pushes every change. Resolves true once the server confirmed, false if it
   * could not be reached in time (it is sent as soon as the socket connects).
   */
  subscribe(event: string, since: number): Promise<boolean> {
    this.#subscription = { event };
    this.#cursor = since;
    this.#lost = false;
    const socket = this.#socket;
    if (!socket) return Promise.resolve(false);

    const answered = new Promise<boolean>((resolve) => this.#waiters.push(resolve));
    if (socket.connected) this.#send();
    else if (!socket.active) this.#settle(false);
    // Not connected yet: the connect handler sends the subscription; do not hold the view for long.
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), connectWaitMs));
    return socket.connected ? answered : Promise.race([answered, timeout]);
  }

  /**
   * The server may have dropped live messages (a node lost Redis for a while): subscribing again
   * from the last cursor replays them from the store, exactly like a reconnect, but the reader was
   * never offline, so it is not reported as a reconnection.
   */
  #resync(): void {
    if (!this.#subscription || !this.#socket?.connected) return;
    if (this.#awaitingAck) {
      // The answer on its way may have been read before the messages went missing.
      this.#resyncAfterAck = true;
      return;
    }
    this.#send();
  }

  #send(): void {
    const socket = this.#socket;
    const subscription = this.#subscription;
    if (!socket || !subscription) return;
    const generation = ++this.#generation;
    // The whole event, whatever the reader filters by: the key events strip needs every topic, and
    // a filter change then costs no new subscription.
    const request: SubscribeRequest = { event: subscription.event };
    if (this.#cursor !== null) request.since = this.#cursor;
    this.#awaitingAck = true;
    this.#resyncAfterAck = false;
    this.#earlyCursor = null;

    socket.timeout(ackTimeoutMs).emit('subscribe', request, (error: Error | null, ack: SubscribeAck) => {
      if (generation !== this.#generation) return;
      this.#awaitingAck = false;
      if (error) {
        // The server never answered; start the connection over rather than trust it.
        socket.disconnect().connect();
        this.#status = 'reconnecting';
        this.#settle(false);
        return;
      }
      this.#acknowledged(ack);
    });
  }

  #acknowledged(ack: SubscribeAck): void {
    const early = this.#earlyCursor;
    this.#earlyCursor = null;
    if (!ack.ok) {
      if (ack.error.code === 'gap_too_large') {
        this.#lost = false;
        this.#status = 'live';
        this.#cursor = null;
        this.#settle(false);
        for (const listener of this.#listeners) listener.reset();
      } else {
        this.#status = 'offline';
        this.#settle(false);
      }
      return;
    }
    const missed = [...ack.missed].sort((a, b) => a.cursor - b.cursor);
    const reconnected = this.#lost;
    this.#lost = false;
    this.#cursor = Math.max(this.#cursor ?? 0, ack.cursor, early ?? 0, ...missed.map((c) => c.cursor));
    this.#status = 'live';
    for (const listener of this.#listeners) listener.subscribed(missed, reconnected);
    this.#settle(true);
    if (this.#resyncAfterAck) this.#resync();
  }

  #push(kind: ChangeKind, update: Update): void {
    if (!this.#subscription || update.event !== this.#subscription.event) return;
    const early = this.#awaitingAck;
    // An early push moves the cursor only with the answer: if the connection drops before it, the
    // next subscribe must still ask for the changes before it.
    if (early) this.#earlyCursor = Math.max(this.#earlyCursor ?? 0, update.cursor);
    else if (this.#cursor === null || update.cursor > this.#cursor) this.#cursor = update.cursor;
    for (const listener of this.#listeners) listener.change(kind, update, early);
  }

  #settle(subscribed: boolean): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve(subscribed);
  }
}
