import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import type { NewUpdate, Store } from '../src/store/store.js';
import { StoryAssigner } from '../src/stories/story-assigner.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dayline-assigner-'));
  store = await openStore(`sqlite:${path.join(dir, 'dayline.db')}`, { cwd: dir });
  await store.syncEvents([{ slug: 'flood', startDate: '2026-01-01', timeZone: 'UTC' }], () => 1);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (id: string, title: string, minute: number) => ({
  id,
  title,
  summary: '',
  publishedAt: `2026-01-02T10:${String(minute).padStart(2, '0')}:00.000Z`,
});

/** Stored as another writer (the importer, another node) stores it: not through this assigner. */
async function storeElsewhere(item: ReturnType<typeof report>, storyId = item.id): Promise<void> {
  const update: NewUpdate = {
    ...item,
    event: 'flood',
    day: 2,
    topics: [],
    topicReasons: {},
    contentKey: item.id,
    pinned: false,
    storyId,
    at: item.publishedAt,
  };
  await store.insertUpdates([update]);
}

it('matches against what another writer stored, and reads back only that, not what it assigned itself', async () => {
  const read: string[][] = [];
  const feed = store.clusteringFeed.bind(store);
  store.clusteringFeed = async (...args) => {
    const answer = await feed(...args);
    read.push(answer.items.map((item) => item.id));
    return answer;
  };
  const assigner = new StoryAssigner(store);
  await storeElsewhere(report('elsewhere-1', 'Dam breach floods villages along the Dnipro river', 0));

  const mine = [
    report('mine-1', 'Villages flooded after dam breach on the Dnipro river', 5),
    report('mine-2', 'Parliament passes the spring budget after a long debate', 6),
  ];
  const assigned = await assigner.assignAll('flood', mine);
  expect(assigned.map((a) => a.storyId)).toEqual(['elsewhere-1', 'mine-2']);
  for (const [i, item] of mine.entries()) await storeElsewhere(item, assigned[i]?.storyId);
  await storeElsewhere(report('elsewhere-2', 'Spring budget passes parliament after long debate', 7));

  const [next] = await assigner.assignAll('flood', [
    report('mine-3', 'Parliament passes spring budget, ending a long debate', 8),
  ]);
  // The other writer's new report was read, and is the best match; this assigner's own two were
  // not read again.
  expect(read).toEqual([['elsewhere-1'], ['elsewhere-2']]);
  expect(next).toMatchObject({ storyId: 'elsewhere-2', matchedId: 'elsewhere-2' });
});
