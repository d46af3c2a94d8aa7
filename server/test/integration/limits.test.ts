import type { ErrorBody } from '@dayline/shared';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { anUpdate, startServer, type TestServer } from './helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('limits', () => {
  it('answers a flood of writes with 429 and Retry-After, while reads keep working', async () => {
    server = await startServer({
      limits: { writesPerMinute: 5, subscribesPerMinute: 30, socketsPerAddress: 0 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await server.post(anUpdate())).status);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await server.post(anUpdate());
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect(((await limited.json()) as ErrorBody).error.code).toBe('rate_limited');
    expect((await fetch(`${server.url}/api/events/test-war/updates`)).status).toBe(200);
  });

  it('limits subscribe messages per socket', async () => {
    server = await startServer({
      limits: { writesPerMinute: 100, subscribesPerMinute: 30, socketsPerAddress: 0 },
    });
    const socket = await server.socket();
    const acks = [];
    for (let i = 0; i < 10; i++) acks.push(await socket.emitWithAck('subscribe', { event: 'test-war' }));
    expect(acks.filter((a) => a.ok)).toHaveLength(5);
    expect(acks.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('caps sockets per address only when configured', async () => {
    server = await startServer({
      limits: { writesPerMinute: 100, subscribesPerMinute: 30, socketsPerAddress: 2 },
    });
    await server.socket();
    await server.socket();
    const third = connect(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const error = await new Promise<Error>((resolve) => third.once('connect_error', resolve));
    expect(error.message).toMatch(/Too many connections/);
    third.disconnect();
  });

  it('sends security headers with a strict script policy, and no CORS unless configured', async () => {
    server = await startServer();
    const response = await fetch(`${server.url}/api/events`, { headers: { origin: 'https://evil.example' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await server.close();
    server = await startServer({ corsOrigins: ['https://newsroom.example'] });
    const allowed = await fetch(`${server.url}/api/events`, {
      headers: { origin: 'https://newsroom.example' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
  });

  it('reports liveness and readiness', async () => {
    server = await startServer();
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({
      ok: true,
      store: true,
      redis: true,
    });
  });
});
