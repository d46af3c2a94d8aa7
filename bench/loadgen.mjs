/**
 * The load generator: one process holding N WebSocket clients of one server and the publisher that
 * POSTs updates to it. Driven over IPC by a benchmark script (bench/lib.mjs `startLoad`).
 *
 * The same client code talks to Dayline and B0 (socket.io's protocol over a WebSocket, as
 * socket.io-client does with `transports: ['websocket']`) and to B1 (plain JSON messages).
 * Every client subscribes to one topic: every tenth to `military`, the others to one of the other
 * six. An update tagged with all seven topics reaches 100% of the clients; one tagged `military`
 * reaches 10%.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { Deliveries } from './deliveries.mjs';
import { serveCommands } from './ipc.mjs';
import { summary } from './stats.mjs';

const topics = ['military', 'diplomacy', 'humanitarian', 'economy', 'international', 'energy', 'cyber'];
const topicOf = (i) => (i % 10 === 0 ? 'military' : topics[1 + (i % 6)]);
/** Updates carry the title `bench <phase> <seq> <words>`. */
const needle = Buffer.from('"title":"bench ');
const newEvent = Buffer.from('42["update:new"');
const syllables = 'ka lo mi nu re sa ti vo ze ra ne po lu di ma fe go hi ju be ko'.split(' ');
const pick = (list) => list[Math.floor(Math.random() * list.length)];
/** Made-up words, so that no two updates read as the same story to Dayline's clustering. */
const words = (n) =>
  Array.from({ length: n }, () => pick(syllables) + pick(syllables) + pick(syllables)).join(' ');

let clients = [];
/** The phase being measured; messages of another phase are late and ignored. */
let phase;
let phaseCount = 0;
let closedDuringPhase = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** Records one delivery; reads the phase and sequence number straight from the frame's bytes. */
function onUpdate(client, buf, start, end) {
  if (phase) phase.frames += 1;
  let i = buf.indexOf(needle, start);
  if (i < 0 || i >= end || !phase) return;
  const now = performance.now();
  let id = 0;
  for (i += needle.length; buf[i] >= 48 && buf[i] <= 57; i++) id = id * 10 + buf[i] - 48;
  let seq = 0;
  for (i += 1; buf[i] >= 48 && buf[i] <= 57; i++) seq = seq * 10 + buf[i] - 48;
  if (id !== phase.id) return;
  phase.deliveries.record(client.slot, seq, now, phase.sentAt[seq], phase.targets.has(client.topic));
}

/** A client frame: masked as the protocol requires, with a zero key (the payload stays as it is). */
function frame(opcode, payload) {
  const header =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, 0x80 | payload.length, 0, 0, 0, 0])
      : Buffer.from([0x80 | opcode, 0x80 | 126, payload.length >> 8, payload.length & 0xff, 0, 0, 0, 0]);
  return Buffer.concat([header, payload]);
}

/**
 * The least WebSocket client that does the job (RFC 6455 without extensions or fragments), so the
 * load generator costs less per message than the servers it measures: frames are parsed in place
 * and only the few that are not updates become strings.
 */
function openSocket(url, path, localAddress, onMessage) {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port), localAddress });
  socket.setNoDelay(true);
  socket.sendText = (text) => socket.write(frame(1, Buffer.from(text)));
  let buffer = null;
  let upgraded = false;
  socket.on('connect', () =>
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    ),
  );
  socket.on('data', (chunk) => {
    buffer = buffer ? Buffer.concat([buffer, chunk]) : chunk;
    let offset = 0;
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      if (!buffer.toString('latin1', 0, 12).startsWith('HTTP/1.1 101')) {
        socket.destroy(new Error(`upgrade refused: ${buffer.toString('latin1', 0, 40)}`));
        return;
      }
      upgraded = true;
      offset = end + 4;
    }
    while (buffer.length - offset >= 2) {
      let length = buffer[offset + 1] & 0x7f;
      let start = offset + 2;
      if (length === 126) {
        if (buffer.length - offset < 4) break;
        length = buffer.readUInt16BE(offset + 2);
        start += 2;
      } else if (length === 127) {
        if (buffer.length - offset < 10) break;
        length = Number(buffer.readBigUInt64BE(offset + 2));
        start += 8;
      }
      if (buffer.length < start + length) break;
      const opcode = buffer[offset] & 0x0f;
      if (opcode === 9) socket.write(frame(10, buffer.subarray(start, start + length)));
      else if (opcode === 8) socket.end();
      else onMessage(buffer, start, start + length);
      offset = start + length;
    }
    buffer = offset < buffer.length ? buffer.subarray(offset) : null;
  });
  return socket;
}

/** Opens one client and resolves once its subscription is acknowledged. */
function connect(url, protocol, index, localAddress, timeoutMs) {
  return new Promise((resolve, reject) => {
    const client = { topic: topicOf(index), slot: -1, socket: undefined };
    const subscribe = { event: 'ukraine-war', topics: [client.topic] };
    const timer = setTimeout(() => {
      client.socket.destroy();
      reject(new Error('connect timeout'));
    }, timeoutMs);
    const subscribed = () => {
      clearTimeout(timer);
      resolve(client);
    };
    const socketIo = protocol === 'socket.io';
    const socket = openSocket(
      url,
      socketIo ? '/socket.io/?EIO=4&transport=websocket' : '/',
      localAddress,
      (buf, start, end) => {
        // Engine.io packets: 0 open, 2 ping, 4 message; socket.io: 40 connect, 42 event, 43 ack.
        if (socketIo ? buf[start] === 0x34 && buf[start + 1] === 0x32 : buf[start + 2] !== 0x6f) {
          // Only `update:new` counts; `update:changed` (a story's card gaining a report) is other traffic.
          if (!socketIo || buf.compare(newEvent, 0, newEvent.length, start, start + newEvent.length) === 0) {
            onUpdate(client, buf, start, end);
          } else if (phase) phase.frames += 1;
          return;
        }
        const text = buf.toString('latin1', start, end);
        if (!socketIo) subscribed();
        else if (text === '2') socket.sendText('3');
        else if (text.startsWith('0')) socket.sendText('40');
        else if (text.startsWith('40')) socket.sendText(`420${JSON.stringify(['subscribe', subscribe])}`);
        else if (text.startsWith('430')) {
          if (text.includes('"ok":true')) subscribed();
          else reject(new Error(`subscribe refused: ${text.slice(0, 200)}`));
        }
      },
    );
    client.socket = socket;
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      if (phase) closedDuringPhase += 1;
    });
    // B1 speaks once the upgrade is through; a message sent early waits in the socket's buffer.
    if (!socketIo) socket.once('connect', () => socket.sendText(JSON.stringify({ subscribe })));
  });
}

const commands = {
  /** Opens `n` clients, `concurrency` at a time, spread over 127.0.0.2… source addresses. */
  async connect({ url, protocol, n, concurrency = 100, addresses = 8, timeoutMs = 20_000 }) {
    const started = performance.now();
    let nextIndex = clients.length;
    const end = clients.length + n;
    let failed = 0;
    let firstError;
    const worker = async () => {
      while (nextIndex < end) {
        const index = nextIndex++;
        try {
          const client = await connect(url, protocol, index, `127.0.0.${2 + (index % addresses)}`, timeoutMs);
          client.slot = clients.length;
          clients.push(client);
        } catch (error) {
          failed += 1;
          firstError ??= String(error.message ?? error);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { connected: clients.length, failed, firstError, ms: performance.now() - started };
  },

  /**
   * POSTs `count` updates at `rate` per second (open loop) tagged for `share` (1 or 0.1) of the
   * clients, then waits up to `drainMs` for every delivery. Latency = receipt − the POST's start.
   */
  async publish({ postUrl, rate, count, share, drainMs = 10_000 }) {
    const targets = new Set(share === 1 ? topics : ['military']);
    const recipients = clients.filter((c) => targets.has(c.topic)).length;
    phase = {
      id: ++phaseCount,
      targets,
      sentAt: new Float64Array(count),
      deliveries: new Deliveries(clients.length, count, recipients),
      frames: 0,
    };
    closedDuringPhase = 0;
    const current = phase;
    const postTimes = [];
    let postErrors = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const posts = [];
    for (let seq = 0; seq < count; seq++) {
      const due = started + (seq * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const body = JSON.stringify({
        title: `bench ${current.id} ${seq} ${words(6)}`,
        summary: JSON.stringify({ sentAt: performance.timeOrigin + performance.now() }),
        source: { name: 'bench' },
        publishedAt: new Date().toISOString(),
        topics: [...targets],
      });
      current.sentAt[seq] = performance.now();
      posts.push(
        post(postUrl, body).then(
          (ms) => postTimes.push(ms),
          () => (postErrors += 1),
        ),
      );
    }
    const lastPost = performance.now();
    await Promise.all(posts);
    const answered = performance.now();
    const tally = current.deliveries;
    while (tally.received < tally.expected && performance.now() - answered < drainMs) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    phase = undefined;
    const toLast = [];
    for (let seq = 0; seq < count; seq++) {
      if (tally.delivered[seq] > 0) toLast.push(tally.last[seq] - current.sentAt[seq]);
    }
    return {
      clients: clients.length,
      recipients,
      count,
      rate,
      achievedRate: (count - 1) / ((lastPost - started) / 1000 || 1),
      expected: tally.expected,
      delivered: tally.received,
      lost: tally.lost,
      misdelivered: tally.misdelivered,
      duplicates: tally.duplicates,
      unknown: tally.unknown,
      /** Messages that were not this phase's updates (other pushes, late ones of an earlier phase). */
      otherMessages: current.frames - tally.received - tally.duplicates - tally.misdelivered - tally.unknown,
      closed: closedDuringPhase,
      postErrors,
      latency: summary(tally.latencies.subarray(0, Math.min(tally.received, tally.latencies.length))),
      toLast: summary(toLast),
      post: summary(postTimes),
      wallMs: wall,
      loadCpu: (cpu.user + cpu.system) / 1000 / wall,
    };
  },

  async disconnect() {
    for (const { socket } of clients) socket.destroy();
    clients = [];
    return {};
  },
};

function post(url, body) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: 'Bearer bench-ingest-token-0123456789',
        },
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode < 300
            ? resolve(performance.now() - started)
            : reject(new Error(`${res.statusCode}`)),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

serveCommands(commands);
