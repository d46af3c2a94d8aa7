import { dayOfConflict } from '@dayline/shared';
import { describe, expect, it } from 'vitest';
import { eventConfigSchema } from '../../src/config.js';
import { anUpdate, startServer, testEvent } from './helpers.js';
import { openStore } from '../../src/store/open-store.js';

describe('store', () => {
  it('recomputes stored days days when the event clock changes', async () => {
    const server = await startServer();
    const created = (await (await server.post(anUpdate({ publishedAt: '2022-03-16T21:30:00Z' }))).json()) as {
      id: string;
      day: number;
    };
    expect(created.day).toBe(21);
    // Same database file, opened again, the event now counted in UTC from a day later.
    const store = await openStore(server.databaseUrl);
    const moved = eventConfigSchema.parse({ ...testEvent, startDate: '2022-02-25', timeZone: 'UTC' });
    await store.syncEvents(
      [{ slug: moved.slug, startDate: moved.startDate, timeZone: moved.timeZone }],
      (at, e) => dayOfConflict(at, e),
    );
    expect((await store.getUpdate(created.id))?.day).toBe(20);
    await store.close();
    await server.close();
  });
});
