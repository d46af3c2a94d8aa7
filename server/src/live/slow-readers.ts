import type { Socket } from 'socket.io';
import type { Logger } from '../logger.js';

/** What engine.io keeps per connection that we read: its queue and, on WebSocket, the ws object. */
interface EngineConnection {
  writeBuffer?: readonly { data?: unknown }[];
  transport?: { name?: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
}

/**
 * Bytes the server holds for one socket and has not handed to the kernel: ws's send buffer plus
 * engine.io's queue of packets waiting for the transport (all of it on long polling). Counting
 * stops once `limit` is passed, so a backed-up socket costs no more than a healthy one to check.
 * String lengths stand in for bytes: close enough for a bound.
 */
export function bufferedBytes(socket: Pick<Socket, 'conn'>, limit = Infinity): number {
  const conn = socket.conn as unknown as EngineConnection;
  let total = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) {
    if (total > limit) break;
    const { data } = packet;
    total += typeof data === 'string' ? data.length : ArrayBuffer.isView(data) ? data.byteLength : 0;
  }
  return total;
}

/** The parts of a socket.io socket this module uses, whatever its event maps. */
type ReaderSocket = Pick<Socket, 'id' | 'handshake' | 'conn'> & { disconnect(close?: boolean): unknown };

export interface SlowReaderOptions {
  /** Above this many buffered bytes a socket is disconnected. */
  maxBufferedBytes: number;
  /** How often every socket is checked. */
  intervalMs?: number;
  logger: Logger;
}

/**
 * Disconnects readers that stopped reading (a stalled phone, a tab whose network went away
 * without closing the TCP connection): without this, every broadcast would queue for them and the
 * server's memory would grow until the heartbeat gives up, ~45 s later. A sweep on a timer keeps
 * the broadcast path free of per-socket work. The client reconnects and catches up from its
 * cursor, so a dropped reader loses nothing.
 */
export function dropSlowReaders(
  io: { sockets: { sockets: ReadonlyMap<string, ReaderSocket> } },
  options: SlowReaderOptions,
): { stop(): void } {
  const { maxBufferedBytes, intervalMs = 1000, logger } = options;
  const sweep = () => {
    for (const socket of io.sockets.sockets.values()) {
      const buffered = bufferedBytes(socket, maxBufferedBytes);
      if (buffered <= maxBufferedBytes) continue;
      logger.warn(
        {
          socket: socket.id,
          address: socket.handshake.address,
          bufferedBytes: buffered,
          maxBufferedBytes,
          reason: 'slow reader',
        },
        'disconnecting a socket that is not reading',
      );
      drop(socket);
    }
  };
  const timer = setInterval(sweep, intervalMs).unref();
  return { stop: () => clearInterval(timer) };
}

function drop(socket: ReaderSocket): void {
  const conn = socket.conn as unknown as EngineConnection;
  // Tells the client (should it ever read again) that the server closed it, and leaves the rooms
  // now, so no further broadcast is queued for it.
  socket.disconnect(true);
  // A polite close would wait for the queue to drain, which never happens; drop it and the TCP
  // connection at once so the memory is freed now, not at the heartbeat timeout.
  conn.transport?.socket?.terminate?.();
  socket.conn.close(true);
}
