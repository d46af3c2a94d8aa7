import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventConfigSchema, type TopicConfig } from '../src/config.js';
import { demoEvent } from '../src/demo/event.js';
import { demoHistory } from '../src/demo/history.js';
import { simulatorLines } from '../src/demo/simulator-lines.js';
import { inflections, isAcronym, TopicTagger } from '../src/topics/tagger.js';
import { ukraineWar } from './support/ukraine-war.js';

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

const rules = eventConfigSchema.parse({
  slug: 'e',
  title: 'E',
  startDate: '2022-02-24',
  timeZone: 'UTC',
  topics: [
    {
      id: 'military',
      label: 'Military',
      color: '#000000',
      keywords: ['missile', 'front line', 'troops', 'tank'],
      exclude: ['think tank'],
      categories: ['Defence'],
    },
    {
      id: 'humanitarian',
      label: 'Humanitarian',
      color: '#000000',
      keywords: ['refugees', 'evacuat*', 'ally'],
      regexes: ['\\b\\d+\\s+(?:civilians|people)\\s+(?:killed|dead)\\b'],
    },
    { id: 'energy', label: 'Energy', color: '#000000', keywords: ['gas', 'embargo'], exclude: ['tear gas'] },
  ],
});
const explainer = new TopicTagger(rules.topics);

describe('TopicTagger.explain', () => {
  it('finds every match of a regex that can also match nothing, past letters outside the BMP', () => {
    const tagger = new TopicTagger(
      eventConfigSchema.parse({
        slug: 'r',
        title: 'R',
        startDate: '2022-02-24',
        timeZone: 'UTC',
        topics: [{ id: 'drones', label: 'Drones', color: '#000000', regexes: ['(?:drone)*'] }],
      }).topics,
    );
    // An empty match at every place in between; a code point outside the BMP is stepped over whole.
    expect(tagger.explain({ title: '𝐀 🚀 drone', summary: 'dronedrone 🚀' }).reasons).toEqual({
      drones: [{ rule: 'regex', match: 'drone', pattern: '(?:drone)*' }],
    });
    expect(tagger.explain({ title: '𝐀🚀', summary: '' }).topics).toEqual([]);
  });

  it('matches the plural of a singular keyword, the singular of a plural one, and hyphenated phrases', () => {
    expect(explainer.explain({ title: 'Missiles fired at the front-line town' })).toEqual({
      topics: ['military'],
      reasons: {
        military: [
          { rule: 'keyword', match: 'Missiles', pattern: 'missile' },
          { rule: 'keyword', match: 'front-line', pattern: 'front line' },
        ],
      },
      excluded: {},
    });
    expect(explainer.explain({ title: 'A refugee arrives; allies meet' }).reasons.humanitarian).toEqual([
      { rule: 'keyword', match: 'refugee', pattern: 'refugees' },
      { rule: 'keyword', match: 'allies', pattern: 'ally' },
    ]);
    expect(explainer.explain({ title: 'Gases leak; new embargoes' }).reasons.energy).toEqual([
      { rule: 'keyword', match: 'Gases', pattern: 'gas' },
      { rule: 'keyword', match: 'embargoes', pattern: 'embargo' },
    ]);
    expect(explainer.explain({ title: 'Gaston, missilery and trooper' }).topics).toEqual([]);
  });

  it('matches any ending after a trailing * and records regex matches', () => {
    expect(
      explainer.explain({
        title: 'Town evacuated',
        summary: 'Officials said 12 civilians killed overnight.',
      }),
    ).toMatchObject({
      topics: ['humanitarian'],
      reasons: {
        humanitarian: [
          { rule: 'keyword', match: 'evacuated', pattern: 'evacuat*' },
          {
            rule: 'regex',
            match: '12 civilians killed',
            pattern: '\\b\\d+\\s+(?:civilians|people)\\s+(?:killed|dead)\\b',
          },
        ],
      },
    });
  });

  it('does not count a keyword inside an excluded phrase, but counts it elsewhere', () => {
    expect(explainer.explain({ title: 'Police fire tear gas at protesters' })).toEqual({
      topics: [],
      reasons: {},
      excluded: { energy: 'tear gas' },
    });
    expect(explainer.explain({ title: 'Tear gas used', summary: 'Gas prices rise.' }).reasons.energy).toEqual(
      [{ rule: 'keyword', match: 'Gas', pattern: 'gas' }],
    );
    expect(explainer.explain({ title: 'A think tank on tanks' }).reasons.military).toEqual([
      { rule: 'keyword', match: 'tanks', pattern: 'tank' },
    ]);
  });

  it('keeps explicit topics first, then source topics and feed categories, and says so', () => {
    const result = explainer.explain({
      title: 'Troops withdraw',
      explicit: ['energy', 'energy'],
      sourceTopics: ['humanitarian', 'unknown'],
      source: 'Aid Wire',
      categories: [' defence ', 'Sport'],
    });
    expect(result.topics).toEqual(['energy', 'military', 'humanitarian']);
    expect(result.reasons).toEqual({
      energy: [{ rule: 'explicit', match: 'energy' }],
      military: [
        { rule: 'category', match: 'defence', pattern: 'Defence' },
        { rule: 'keyword', match: 'Troops', pattern: 'troops' },
      ],
      humanitarian: [{ rule: 'source', match: 'Aid Wire' }],
    });
  });

  it('leaves tag() matching keywords exactly as written, as the pipeline always has', () => {
    const tagger = new TopicTagger(rules.topics);
    expect(tagger.tag('Missiles fired')).toEqual([]);
    expect(tagger.tag('missile fired; tear gas')).toEqual(['military']);
    expect(tagger.tag('gas and tear gas')).toEqual(['energy']);
    expect(tagger.tag('12 people dead')).toEqual(['humanitarian']);
  });
});

describe('acronyms in explain()', () => {
  const acronyms = new TopicTagger(
    eventConfigSchema.parse({
      slug: 'e',
      title: 'E',
      startDate: '2022-02-24',
      timeZone: 'UTC',
      topics: [
        { id: 'intl', label: 'International', color: '#000000', keywords: ['US', 'WHO', 'G7', 'NGO', 'Un'] },
      ],
    }).topics,
  );

  it('matches a keyword written in capitals only in capitals, with its plural', () => {
    expect(
      acronyms.explain({ title: 'US and G7 back plan', summary: 'The WHO and two NGOs agree.' }),
    ).toEqual({
      topics: ['intl'],
      reasons: {
        intl: [
          { rule: 'keyword', match: 'US' },
          { rule: 'keyword', match: 'G7' },
          { rule: 'keyword', match: 'WHO' },
          { rule: 'keyword', match: 'NGOs', pattern: 'NGO' },
        ],
      },
      excluded: {},
    });
    expect(
      acronyms.explain({ title: 'Officials who spoke to us', summary: 'Ngos and g7 in lower case.' }).topics,
    ).toEqual([]);
  });

  it('leaves keywords not written in capitals case-insensitive, and tag() as it was', () => {
    expect(acronyms.explain({ title: 'UN vote' }).reasons.intl).toEqual([
      { rule: 'keyword', match: 'UN', pattern: 'Un' },
    ]);
    expect(acronyms.tag('told us')).toEqual(['intl']);
  });
});

describe('isAcronym', () => {
  it('is one word of capitals and digits, starting with a capital', () => {
    expect(['US', 'WHO', 'G7', 'IAEA', 'UNHCR'].map(isAcronym)).toEqual([true, true, true, true, true]);
    expect(['U', 'Un', 'DDoS', 'IT army', '7G', 'us', 'C++'].map(isAcronym)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('inflections', () => {
  it('gives the regular plural or singular, and leaves short words alone', () => {
    expect(inflections('drone')).toEqual(['drone', 'drones']);
    expect(inflections('economy')).toEqual(['economy', 'economies']);
    expect(inflections('gas')).toEqual(['gas', 'gases']);
    expect(inflections('talks')).toEqual(['talks', 'talk']);
    expect(inflections('allies')).toEqual(['allies', 'ally']);
    expect(inflections('crisis')).toEqual(['crisis', 'crisises']);
    expect(inflections('UN')).toEqual(['UN']);
    expect(inflections('news')).toEqual(['news', 'newses']);
  });
});

describe('topic config', () => {
  it('keeps the new rule fields optional and rejects a bad regex naming the field', () => {
    const minimal = { slug: 'e', title: 'E', startDate: '2022-02-24', timeZone: 'UTC' };
    const parsed = eventConfigSchema.parse({
      ...minimal,
      topics: [{ id: 't', label: 'T', color: '#000000' }],
    });
    expect(parsed.topics[0]).toMatchObject({ keywords: [], regexes: [], exclude: [], categories: [] });
    const bad = eventConfigSchema.safeParse({
      ...minimal,
      topics: [{ id: 't', label: 'T', color: '#000000', regexes: ['(unclosed'] }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['topics', 0, 'regexes', 0]);
  });
});

describe('the keyword shortcut', () => {
  /**
   * explain() skips a topic's keyword pattern when no word of the text can start one of its
   * keywords. A keyword that starts with something other than a word character has no anchor and
   * turns the shortcut off for its topic, so these taggers scan every pattern of every topic.
   */
  const noShortcut = (topics: readonly TopicConfig[]) =>
    new TopicTagger(topics.map((t) => ({ ...t, keywords: [...t.keywords, '¤never matches¤'] })));

  const demoTopics = eventConfigSchema.parse(demoEvent()).topics;
  const texts = (name: string) =>
    JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as {
      items?: { title: string; summary: string }[];
      updates?: { title: string; summary: string }[];
    };
  const corpus: { title: string; summary?: string }[] = [
    ...(texts('tagging.json').items ?? []),
    ...(texts('clustering-pairs.json').updates ?? []),
    ...demoHistory.flatMap((story) => story.reports),
    ...simulatorLines,
    // Case folding beyond ASCII: capitals, the final sigma, ß, dotted I.
    { title: 'ΟΔΟΣ ΚΛΕΙΣΤΗ, STRASSE gesperrt, İSTANBUL, УКРАЇНА' },
    { title: 'NEGOTIATIONS resumed; Sanctioned banks; front-line towns; NGOs and the UN' },
  ];

  it('gives the same topics, reasons and exclusions as scanning every pattern', () => {
    expect(corpus.length).toBeGreaterThan(600);
    // The example event's rules (the evaluation's) and the built-in demo's.
    for (const topics of [ukraineWar.topics, demoTopics]) {
      const fast = new TopicTagger(topics);
      const slow = noShortcut(topics);
      for (const item of corpus) expect(fast.explain(item), item.title).toEqual(slow.explain(item));
    }
  });

  it('still finds prefixes, inflections, phrases and keywords of other scripts in any case', () => {
    const topics = eventConfigSchema.parse({
      slug: 'e',
      title: 'E',
      startDate: '2022-02-24',
      timeZone: 'UTC',
      topics: [
        { id: 'talks', label: 'Talks', color: '#000000', keywords: ['negotiat*', 'peace talk*'] },
        { id: 'road', label: 'Road', color: '#000000', keywords: ['οδοσ', 'straße', 'front line'] },
        { id: 'aid', label: 'Aid', color: '#000000', keywords: ['convoy', 'F-16'] },
      ],
    }).topics;
    const fast = new TopicTagger(topics);
    const slow = noShortcut(topics);
    for (const title of [
      'NEGOTIATORS meet',
      'Peace Talks stall',
      'ΟΔΟΣ closed',
      'Οδοσ closed',
      'STRAßE closed',
      'Front-line villages',
      'Convoys arrive',
      'f-16 jets',
      'Renegotiation',
    ]) {
      expect(fast.explain({ title }), title).toEqual(slow.explain({ title }));
    }
    expect(fast.explain({ title: 'NEGOTIATORS meet' }).topics).toEqual(['talks']);
    expect(fast.explain({ title: 'Convoys arrive' }).topics).toEqual(['aid']);
    expect(fast.tag('f-16 jets')).toEqual(['aid']);
  });
});
