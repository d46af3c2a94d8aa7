import { describe, expect, it } from 'vitest';
import { eventConfigSchema } from '../src/config.js';
import { TopicTagger } from '../src/ingest/topics.js';

const event = eventConfigSchema.parse({
  slug: 'e',
  title: 'E',
  startDate: '2022-02-24',
  timeZone: 'UTC',
  topics: [
    { id: 'energy', label: 'Energy', color: '#000000', keywords: ['gas', 'power grid', 'C++'] },
    { id: 'intl', label: 'International', color: '#000000', keywords: ['UN', 'Україна'] },
    { id: 'none', label: 'No rules', color: '#000000' },
  ],
});
const tagger = new TopicTagger(event.topics);

describe('TopicTagger', () => {
  it('matches whole words and phrases, case-insensitively', () => {
    expect(tagger.tag('GAS prices rise')).toEqual(['energy']);
    expect(tagger.tag('Gaston visits')).toEqual([]);
    expect(tagger.tag('the Power\n  Grid failed')).toEqual(['energy']);
    expect(tagger.tag('un vote; gas.')).toEqual(['energy', 'intl']);
    expect(tagger.tag('unanimous')).toEqual([]);
  });

  it('treats letters of any script as word characters and escapes regex syntax', () => {
    expect(tagger.tag('Україна сьогодні')).toEqual(['intl']);
    expect(tagger.tag('Українаx')).toEqual([]);
    expect(tagger.tag('written in C++ today')).toEqual(['energy']);
  });

  it('keeps explicit topics first and never repeats one', () => {
    expect(tagger.tag('gas', ['none', 'energy'])).toEqual(['none', 'energy']);
  });
});
