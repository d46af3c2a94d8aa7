import type { ErrorBody } from '@dayline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testStore, type TestDatabase } from '../integration/databases.js';
import { anUpdate, startServer, type TestServer } from '../integration/helpers.js';
import { Cable } from '../support/cable.js';

describe.runIf(testStore === 'postgres')('PostgreSQL goes away', () => {
  let database: TestDatabase;
  let cable: Cable;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    cable = new Cable({ host: url.hostname, port: Number(url.port || 5432) });
    await cable.connect();
    url.host = `127.0.0.1:${cable.port}`;
    server = await startServer({}, { databaseUrl: url.href });
  });
  afterAll(async () => {
    await server.close();
    await cable.cut();
    await database.drop();
  });

  it('writes get 503 with Retry-After, readiness says so, live readers stay connected, and it recovers', async () => {
    const socket = await server.socket();
    expect((await socket.emitWithAck('subscribe', { event: 'test-war' })).ok).toBe(true);
    expect((await server.post(anUpdate())).status).toBe(201);

    await cable.cut();
    const write = await server.post(anUpdate());
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toBe('5');
    expect(((await write.json()) as ErrorBody).error.code).toBe('unavailable');
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, store: false });
    // The socket layer does not depend on the database: readers keep what they have.
    expect(socket.connected).toBe(true);

    await cable.connect();
    await expect
      .poll(async () => (await fetch(`${server.url}/readyz`)).status, { timeout: 10_000 })
      .toBe(200);
    const live = new Promise((resolve) => socket.once('update:new', resolve));
    expect((await server.post(anUpdate({ title: 'Back again' }))).status).toBe(201);
    await expect(live).resolves.toMatchObject({ title: 'Back again' });
  }, 30_000);
});
