import type { Update } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anUpdate, runCli, startServer, testEventYaml, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
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
    const { stdout } = await runCli(server, 'retag', ['--event', 'test-war'], testEventYaml('drone'));
    expect(stdout).toContain('Re-tagged test-war: 2 updates checked, 1 changed');
    const retagged = (await (await fetch(`${server.url}/api/updates/${drone.id}`)).json()) as Update;
    expect(retagged).toMatchObject({ topics: ['military'], version: 2, status: 'published' });
    expect(retagged.topicReasons?.military?.[0]).toMatchObject({ rule: 'keyword', match: 'Drone' });
    const kept = (await (await fetch(`${server.url}/api/updates/${explicit.id}`)).json()) as Update;
    expect(kept).toMatchObject({ topics: ['energy'], version: 1 });
  }, 60_000);
});
