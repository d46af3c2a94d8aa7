import type { Event } from '@dayline/shared';
import { describe, expect, it } from 'vitest';
import { droppedTopicsNotice, topicLabels } from '../src/console/topic-labels.js';

const relief: Event = {
  slug: 'flood-relief',
  title: 'Flood relief',
  standfirst: '',
  startDate: '2024-09-14',
  timeZone: 'Europe/Warsaw',
  closed: false,
  topics: [{ id: 'weather', label: 'Weather', color: '#0369a1' }],
  retiredTopics: [
    { id: 'rescue', label: 'Rescue work', color: '#155e75' },
    { id: 'aid', label: 'Aid', color: '#15803d' },
  ],
};

describe('the queue on topics removed from the event', () => {
  it('names a dropped topic by its last label and says approving drops it', () => {
    expect(droppedTopicsNotice(relief, ['rescue'])).toBe(
      'Rescue work is no longer a topic: it will be dropped on approval.',
    );
  });

  it('names several, and one the server kept no label for, without a raw id', () => {
    const notice = droppedTopicsNotice(relief, ['rescue', 'aid', 'x-gone']);
    expect(notice).toBe(
      'Rescue work, Aid and A removed topic are no longer topics: they will be dropped on approval.',
    );
    expect(notice).not.toContain('x-gone');
  });

  it('says nothing when nothing is dropped', () => {
    expect(droppedTopicsNotice(relief, undefined)).toBe('');
    expect(droppedTopicsNotice(relief, [])).toBe('');
  });

  it('labels chips of current and removed topics alike', () => {
    const label = topicLabels(relief);
    expect([label('weather'), label('rescue'), label('x-gone')]).toEqual([
      'Weather',
      'Rescue work (removed)',
      'A removed topic',
    ]);
  });
});
