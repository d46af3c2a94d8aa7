import { describe, expect, it } from 'vitest';
import { eventInputSchema, eventPatchSchema } from '../src/index.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the event form schema (console and server alike)', () => {
  it('fills the defaults of a new event', () => {
    expect(
      eventInputSchema.parse({
        slug: 'vote-2026',
        title: 'The vote',
        startDate: '2026-05-01',
        timeZone: 'UTC',
      }),
    ).toEqual({
      slug: 'vote-2026',
      title: 'The vote',
      standfirst: '',
      startDate: '2026-05-01',
      timeZone: 'UTC',
      visibility: 'public',
      closed: false,
      topics: [],
    });
  });

  it('names each bad field: a two-paragraph standfirst, an unknown zone, a duplicate topic, a bad pattern', () => {
    const result = eventInputSchema.safeParse({
      slug: 'vote-2026',
      title: '\u200b',
      standfirst: 'First.\n\nSecond.',
      startDate: '2026-02-30',
      timeZone: 'Mars/Olympus',
      topics: [
        { id: 'polls', label: 'Polls', color: '#123456', regexes: ['[unclosed'] },
        { id: 'polls', label: 'Again', color: '#654321' },
      ],
    });
    expect(paths(result).sort()).toEqual(
      ['standfirst', 'startDate', 'timeZone', 'title', 'topics.0.regexes.0', 'topics.1.id'].sort(),
    );
  });

  it('takes a change of any field but the slug, and refuses one that changes nothing', () => {
    expect(eventPatchSchema.safeParse({ closed: true, revision: 3 }).success).toBe(true);
    expect(paths(eventPatchSchema.safeParse({ revision: 3 }))).toEqual(['']);
    expect(eventPatchSchema.safeParse({ slug: 'other' }).success).toBe(false);
  });
});
