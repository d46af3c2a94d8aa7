/**
 * B0: the least a socket.io server can do for Dayline's job. A POST's JSON body is broadcast as
 * `update:new` to the rooms of its topics; `subscribe` joins those rooms (or `all`).
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

let seq = 0;
const http = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const update = { id: String(++seq), ...JSON.parse(body) };
    io.to(['all', ...(update.topics ?? []).map((t) => `topic:${t}`)]).emit('update:new', update);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(update));
  });
});
const io = new Server(http, { serveClient: false, perMessageDeflate: false });
io.on('connection', (socket) => {
  socket.on('subscribe', (request, ack) => {
    socket.join(request?.topics?.length ? request.topics.map((t) => `topic:${t}`) : ['all']);
    ack({ ok: true, cursor: seq, missed: [] });
  });
});
http.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${http.address().port}` }));
});
