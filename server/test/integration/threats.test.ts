import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { sqlitePath } from '../../src/store/open-store.js';
import { anUpdate, startServer, testEvent, token as ingestToken, type TestServer } from './helpers.js';

// Threats from docs/security.md that no feature suite covered.
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Everything the database holds, as text: the SQLite file and its WAL, or every PostgreSQL token row. */
async function databaseText(databaseUrl: string): Promise<string> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = sqlitePath(databaseUrl);
    return [file, `${file}-wal`]
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return JSON.stringify((await client.query('select * from tokens')).rows);
  } finally {
    await client.end();
  }
}

describe('threats', () => {
  it('a copy of the database holds no usable token: only its digest is stored', async () => {
    server = await startServer();
    const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/token.ts', 'create', '--name', 'copied', '--scope', 'ingest'],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { ...env, DATABASE_URL: server.databaseUrl },
      },
    );
    const token = /^(dl_\S+)$/m.exec(stdout)?.[1] ?? '';
    expect((await server.post(anUpdate(), { token })).status).toBe(201);
    const stored = await databaseText(server.databaseUrl);
    expect(stored).toContain('copied');
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(3));
  }, 60_000);

  it('a socket message over 64 KB closes that socket, and the server goes on', async () => {
    server = await startServer();
    const big = connect(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve) => big.once('connect', resolve));
    const closed = new Promise<string>((resolve) => big.once('disconnect', resolve));
    big.emit('subscribe', { event: testEvent.slug, topics: ['x'.repeat(70 * 1024)] }, () => undefined);
    expect(await closed).toBe('transport close');

    const other = await server.socket();
    const ack = await other.timeout(5000).emitWithAck('subscribe', { event: testEvent.slug });
    expect(ack.ok).toBe(true);
  });

  it('a forged X-Forwarded-For does not dodge the write limit when no proxy is trusted', async () => {
    server = await startServer({
      trustProxy: false,
      limits: { writesPerMinute: 5, subscribesPerMinute: 30, socketsPerAddress: 0 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${server.url}/api/events/${testEvent.slug}/updates`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ingestToken}`,
          'content-type': 'application/json',
          'x-forwarded-for': `203.0.113.${i}`,
        },
        body: JSON.stringify(anUpdate()),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  });
});
