/**
 * B1: a plain `ws` broadcast server. A POST's JSON body is serialised once and sent to every
 * socket subscribed to one of its topics (or to everything).
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

let seq = 0;
/** socket → its topics (an empty set: everything) */
const subscribers = new Map();
const http = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const update = { id: String(++seq), ...JSON.parse(body) };
    const data = Buffer.from(JSON.stringify(update));
    for (const [ws, topics] of subscribers) {
      if (topics.size === 0 || update.topics?.some((t) => topics.has(t))) ws.send(data, { binary: false });
    }
    res.writeHead(201, { 'content-type': 'application/json' }).end(data);
  });
});
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const request = JSON.parse(data).subscribe;
    if (!request) return;
    subscribers.set(ws, new Set(request.topics ?? []));
    ws.send(JSON.stringify({ ok: true, cursor: seq }));
  });
  ws.on('close', () => subscribers.delete(ws));
});
http.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${http.address().port}` }));
});
