import type { Event, Update } from '@dayline/shared';

export const kyiv: Event = {
  slug: 'ukraine-war',
  title: 'Russia–Ukraine war',
  startDate: '2022-02-24',
  timeZone: 'Europe/Kyiv',
  topics: [
    { id: 'military', label: 'Military', color: '#b91c1c' },
    { id: 'diplomacy', label: 'Diplomacy', color: '#1d4ed8' },
    { id: 'humanitarian', label: 'Humanitarian', color: '#fde047' },
  ],
};

/**
 * An update with sensible defaults; tests name only what they care about. Its cursor follows its
 * version unless given: every new version is a later change, and the later change is the one kept.
 */
export function update(fields: Partial<Update> & { id: string }): Update {
  return {
    event: kyiv.slug,
    title: `Update ${fields.id}`,
    summary: '',
    publishedAt: '2022-03-16T12:00:00.000Z',
    topics: [],
    pinned: false,
    sticky: false,
    day: 21,
    ingestedAt: '2022-03-16T12:00:05.000Z',
    updatedAt: '2022-03-16T12:00:05.000Z',
    version: 1,
    status: 'published',
    cursor: fields.version ?? 1,
    ...fields,
  };
}
