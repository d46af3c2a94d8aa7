import type { ChangeKind, Update } from '@dayline/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { EventCatalog, syncEventClocks } from '../../src/events/catalog.js';
import { createLogger } from '../../src/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { prepareUpdate } from '../../src/updates/prepare.js';
import { createWriters } from '../../src/writers.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { anUpdate, ManualClock, testEvent } from './helpers.js';

describe('commit step', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    await database?.drop();
  });

  async function open() {
    database = await createTestDatabase();
    store = await openStore(database.url);
    const events = new EventCatalog([testEvent]);
    await syncEventClocks(store, events);
    const published: { kind: ChangeKind; update: Update }[] = [];
    const writers = createWriters({
      store,
      events,
      publisher: { publish: (kind, update) => published.push({ kind, update }) },
      clock: new ManualClock(),
      logger: createLogger('silent'),
    });
    const event = events.get(testEvent.slug);
    // Validated once, normalised and tagged, as the updates service hands items to the commit step.
    const prepare = (item: unknown) => prepareUpdate(events, event, item, {});
    return { store, writers, published, event, prepare };
  }

  it('publishes exactly the changes each commit returns, one per change-log entry', async () => {
    const { store, writers, published, event, prepare } = await open();
    const first = anUpdate();
    const added = await writers.commit.add(event, [first, first, anUpdate()].map(prepare));
    expect(added.value.map((r) => r.created)).toEqual([true, false, true]);
    expect(added.changes.map((c) => c.kind)).toEqual(['new', 'new']);
    expect(published).toEqual(added.changes);

    const id = (added.value[0] as { update: Update }).update.id;
    const corrected = await writers.commit.change(id, 'changed', (current) => ({
      kind: 'corrected',
      fields: { title: `${current.title} (corrected)` },
      at: '2022-03-20T12:00:00.000Z',
    }));
    expect(corrected.changes.map((c) => [c.kind, c.update.version])).toEqual([['changed', 2]]);
    const unchanged = await writers.commit.change(id, 'changed', () => undefined);
    expect(unchanged.changes).toEqual([]);
    expect(published).toEqual([...added.changes, ...corrected.changes]);

    const logged = await store.changesAfterSeq(0, 100);
    expect(logged.map((c) => [c.kind, c.updateId])).toEqual(published.map((c) => [c.kind, c.update.id]));
  });
});
