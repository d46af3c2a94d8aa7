import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Update } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let dir: string;
beforeEach(async () => {
  server = await startServer();
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-retag-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run retag', () => {
  it('applies changed rules to stored updates, keeping explicit topics', async () => {
    const drone = (await (
      await server.post(anUpdate({ title: 'Drone seen over the river' }))
    ).json()) as Update;
    const explicit = (await (
      await server.post(anUpdate({ title: 'Quiet night', topics: ['energy'] }))
    ).json()) as Update;
    expect(drone.topics).toEqual([]);

    // The rules now know that drones are military.
    const config = path.join(dir, 'dayline.yaml');
    writeFileSync(
      config,
      `events:
  - slug: test-war
    title: Test war
    startDate: '2022-02-24'
    timeZone: Europe/Kyiv
    topics:
      - { id: military, label: Military, color: '#b91c1c', keywords: [shelling, missile, drone] }
      - { id: diplomacy, label: Diplomacy, color: '#1d4ed8', keywords: [talks] }
      - { id: energy, label: Energy, color: '#c2410c', keywords: [gas] }
`,
    );
    const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/retag.ts', '--event', 'test-war'],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { ...env, DATABASE_URL: server.databaseUrl, DAYLINE_CONFIG: config },
      },
    );
    expect(stdout).toContain('Re-tagged test-war: 2 updates checked, 1 changed');
    const retagged = (await (await fetch(`${server.url}/api/updates/${drone.id}`)).json()) as Update;
    expect(retagged).toMatchObject({ topics: ['military'], version: 2, status: 'published' });
    expect(retagged.topicReasons?.military?.[0]).toMatchObject({ rule: 'keyword', match: 'Drone' });
    const kept = (await (await fetch(`${server.url}/api/updates/${explicit.id}`)).json()) as Update;
    expect(kept).toMatchObject({ topics: ['energy'], version: 1 });
  }, 60_000);
});
