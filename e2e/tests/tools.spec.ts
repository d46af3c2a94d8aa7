import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../server.js';
import { postOne, ready } from './helpers.js';

// `npm run import` and `npm run retag`, run as their own processes against the server's database,
// reach an open page live: the server follows the change log for what other processes commit.
const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const event = 'tools-war';

const config = (droneIsMilitary: boolean) => `events:
  - slug: ${event}
    title: Tools war
    startDate: '2022-02-24'
    timeZone: Europe/Kyiv
    topics:
      - { id: military, label: Military, color: '#b91c1c', keywords: [shelling${droneIsMilitary ? ', drone' : ''}] }
      - { id: diplomacy, label: Diplomacy, color: '#1d4ed8', keywords: [talks] }
`;

let dir: string;
let server: RunningServer;
let env: Record<string, string>;
test.beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-e2e-tools-'));
  writeFileSync(path.join(dir, 'before.yaml'), config(false));
  writeFileSync(path.join(dir, 'after.yaml'), config(true));
  env = { DATABASE_URL: `sqlite:${path.join(dir, 'tools.db')}`, DAYLINE_DEMO: 'off' };
  server = await startServer({ ...env, DAYLINE_CONFIG: path.join(dir, 'before.yaml') });
});
test.afterEach(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function tool(script: string, configFile: string, ...args: string[]) {
  return run(process.execPath, [path.join(root, `server/dist/cli/${script}.js`), ...args], {
    cwd: dir,
    env: { ...process.env, ...env, DAYLINE_CONFIG: path.join(dir, configFile) },
  });
}

test('an import and a retag from the command line reach an open page live within 2 s', async ({ page }) => {
  await postOne(server.url, event, {
    title: 'Drone seen over the river',
    publishedAt: '2022-03-16T08:00:00Z',
  });
  await page.goto(`${server.url}/e/${event}`);
  await ready(page);
  const cards = page.getByTestId('update-card');
  await expect(cards).toHaveCount(1);

  const file = path.join(dir, 'updates.ndjson');
  writeFileSync(
    file,
    [
      { title: 'Talks resume in the capital', publishedAt: '2022-03-16T09:00:00Z' },
      { title: 'Shelling reported near the river crossing', publishedAt: '2022-03-16T10:00:00Z' },
    ]
      .map((item) => JSON.stringify(item))
      .join('\n'),
  );
  const imported = await tool('import', 'before.yaml', '--event', event, file);
  expect(imported.stdout).toContain('2 created');
  await expect(cards).toHaveCount(3, { timeout: 2000 });
  await expect(cards.first()).toContainText('Shelling reported near the river crossing');

  const drone = cards.filter({ hasText: 'Drone seen over the river' });
  await expect(drone.getByRole('button', { name: 'Military' })).toHaveCount(0);
  const retagged = await tool('retag', 'after.yaml', '--event', event);
  expect(retagged.stdout).toContain('1 changed');
  await expect(drone.getByRole('button', { name: 'Military' })).toBeVisible({ timeout: 2000 });
  // Each arrived once: three cards, no copy.
  await expect(cards).toHaveCount(3);
});
