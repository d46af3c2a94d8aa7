import { describe, expect, it } from 'vitest';
import { StoryIndex, terms, type StoryItem } from '../src/stories/index.js';

const hour = 3_600_000;
const t0 = Date.UTC(2022, 2, 16, 8);
const at = (hours: number): Date => new Date(t0 + hours * hour);

const strike: StoryItem = {
  id: 'a',
  title: 'Missiles hit grain terminal in Odesa port',
  summary: 'Two cruise missiles struck the grain terminal overnight, the regional governor said.',
  at: at(0),
  source: 'Black Sea Herald',
};
const strikeAgain: StoryItem = {
  id: 'b',
  title: 'Odesa grain terminal struck by two cruise missiles',
  summary:
    'A fire broke out at the port terminal after the missile strike, the regional administration said.',
  at: at(1),
  source: 'Northern Wire',
};
const talks: StoryItem = {
  id: 'c',
  title: 'Delegations resume talks in Istanbul',
  summary: 'Negotiators met for three hours at a palace on the Bosphorus.',
  at: at(2),
  source: 'Danube Post',
};

describe('terms', () => {
  it('drops stop words, stems English, keeps numbers and other scripts', () => {
    expect(terms("Russia's missiles struck 12 grain terminals, officials said")).toEqual([
      'russia',
      'missil',
      'struck',
      '12',
      'grain',
      'termin',
    ]);
    expect(terms('Київ сьогодні')).toEqual(['киів', 'сьогодні']);
  });
});

describe('StoryIndex', () => {
  it('joins a report of the same story and starts a story for a different one', () => {
    const index = new StoryIndex();
    expect(index.add(strike)).toEqual({ storyId: 'a', joined: false, similarity: 0 });
    const joined = index.add(strikeAgain);
    expect(joined).toMatchObject({ storyId: 'a', joined: true, matchedId: 'a' });
    expect(joined.similarity).toBeGreaterThan(index.options.threshold);
    expect(index.add(talks)).toMatchObject({ storyId: 'c', joined: false });
    expect(index.story('a')).toEqual({
      id: 'a',
      headId: 'a',
      memberIds: ['a', 'b'],
      outlets: ['Black Sea Herald', 'Northern Wire'],
      firstSeen: at(0),
    });
    expect(index.storyOf('b')).toBe('a');
    expect(index.storyCount).toBe(2);
  });

  it('never joins on a shared number or a word most updates share alone', () => {
    const index = new StoryIndex();
    index.add({ id: 'bridge', title: 'Bridge in Kherson reopens 17', at: at(0) });
    expect(index.add({ id: 'mps', title: 'Parliament elects 17 deputies', at: at(0.5) }).joined).toBe(false);
    // "Convoy" is in most of the window here: a stock word, like the number, joins nothing.
    for (let i = 0; i < 24; i++)
      index.add({ id: `c${i}`, title: `Convoy ${i} of line${i} leaves`, at: at(1) });
    expect(index.add({ id: 'x', title: 'Convoy 3 reaches Mariupol', at: at(1.5) }).joined).toBe(false);
    // Two telling words still join, letters and digits together ("F16") counting as a word.
    expect(index.add({ id: 'f1', title: 'Pilots train on F16 jets in Denmark', at: at(2) }).joined).toBe(
      false,
    );
    expect(index.add({ id: 'f2', title: 'F16 jets training begins for pilots', at: at(2.5) }).storyId).toBe(
      'f1',
    );
  });

  it('does not join a look-alike published too long after, or beyond the window', () => {
    const decayed = new StoryIndex();
    decayed.add(strike);
    expect(decayed.add({ ...strikeAgain, at: at(30) }).joined).toBe(false);
    const windowed = new StoryIndex({ windowMs: 12 * hour, halfLifeMs: 1e9 });
    windowed.add(strike);
    expect(windowed.add({ ...strikeAgain, at: at(13) })).toMatchObject({ joined: false, similarity: 0 });
    expect(windowed.compare('a', 'b')).toBe(0);
  });

  it('matches an update that arrives late for its publication time', () => {
    const index = new StoryIndex();
    index.add(talks);
    index.add({ ...strikeAgain, at: at(5) });
    expect(index.add({ ...strike, at: at(4) })).toMatchObject({ storyId: 'b', joined: true });
    expect(index.story('b')?.memberIds).toEqual(['a', 'b']);
    expect(index.story('b')?.headId).toBe('a');
  });

  it('makes a pinned member the head', () => {
    const index = new StoryIndex();
    index.add(strike);
    index.add({ ...strikeAgain, pinned: true });
    expect(index.story('a')?.headId).toBe('b');
    index.pin('b', false);
    expect(index.story('a')?.headId).toBe('a');
  });

  it('peeks at the story an update would join without adding it', () => {
    const index = new StoryIndex();
    index.add(strike);
    const peeked = index.peek(strikeAgain);
    expect(peeked).toMatchObject({ storyId: 'a', joined: true, matchedId: 'a' });
    expect(index.peek(talks)).toMatchObject({ storyId: 'c', joined: false });
    // Nothing was added: the same decision is made when it is.
    expect(index.size).toBe(1);
    expect(index.storyOf('b')).toBeUndefined();
    expect(index.add(strikeAgain)).toEqual(peeked);
  });

  it('is idempotent: adding the same id again returns the first assignment', () => {
    const index = new StoryIndex();
    index.add(strike);
    const first = index.add(strikeAgain);
    expect(index.add({ ...strikeAgain, title: 'something else entirely' })).toBe(first);
    expect(index.size).toBe(2);
  });

  it('evicts updates that left the window but keeps their story while a member remains', () => {
    const index = new StoryIndex();
    index.add(strike);
    index.add({ ...strikeAgain, at: at(3) });
    expect(index.evict(at(48.5))).toBe(1);
    expect(index.size).toBe(1);
    expect(index.story('a')).toMatchObject({ headId: 'a', memberIds: ['a', 'b'], firstSeen: at(0) });
    expect(index.evict(at(52))).toBe(1);
    expect(index.story('a')).toBeUndefined();
    expect(index.storyOf('a')).toBeUndefined();
  });

  it('removes a retracted update from matching and from its story', () => {
    const index = new StoryIndex();
    index.add(strike);
    index.add(strikeAgain);
    expect(index.remove('a')).toBe(true);
    expect(index.story('a')).toMatchObject({ headId: 'b', memberIds: ['b'] });
    expect(index.remove('a')).toBe(false);
    const later = { ...strike, id: 'd', at: at(2) };
    expect(index.add(later)).toMatchObject({ storyId: 'a', matchedId: 'b' });
  });

  it('restores stored assignments without re-matching them', () => {
    const index = new StoryIndex();
    index.restore(strike, 'x');
    index.restore(talks, 'x');
    expect(index.story('x')?.memberIds).toEqual(['a', 'c']);
    expect(index.add(strikeAgain)).toMatchObject({ storyId: 'x', joined: true, matchedId: 'a' });
  });

  it('builds the same stories from the same updates whatever order they are given in', () => {
    const items = [talks, strikeAgain, strike];
    const one = StoryIndex.build(items);
    const two = StoryIndex.build([...items].reverse());
    for (const item of items) expect(one.storyOf(item.id)).toBe(two.storyOf(item.id));
    expect(one.compare('a', 'b')).toBeCloseTo(two.compare('a', 'b'), 12);
  });

  it('stays correct when many updates come and go (posting lists compacted, slots and terms reused)', () => {
    const index = new StoryIndex({ windowMs: 10 * hour });
    for (let i = 0; i < 600; i++) {
      const story = Math.floor(i / 3);
      index.add({
        id: `u${i}`,
        // Words of their own per story (and one per report), so only reports of one story meet,
        // and one word in every update, whose posting list fills with evicted entries.
        title: `Depot${story} town${story} blast${story}`,
        summary: `Witness${story} warehouse${story} reporter${i} bulletin`,
        at: at(i * 0.25),
      });
      index.evict(at(i * 0.25));
      if (i % 3 === 2) {
        expect(index.storyOf(`u${i}`)).toBe(`u${i - 2}`);
        expect(index.storyOf(`u${i - 1}`)).toBe(`u${i - 2}`);
      }
    }
    expect(index.size).toBeLessThanOrEqual(41);
  });

  it('finds the same best match when common terms are left out of the candidate search', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      id: `n${i}`,
      title: `Ukraine city${i} region shelling report`,
      summary: `Residents of village${i} in the region said shelling continued.`,
      at: at(i / 10),
    }));
    const exact = StoryIndex.build([...items, strike, strikeAgain]);
    const capped = StoryIndex.build([...items, strike, strikeAgain], { maxPostings: 3 });
    // "regional" in the strike reports shares the stem of the common "region": its weight must still
    // count. (The noise items, alike only in common words, are not compared when capped: by design.)
    expect(capped.storyOf('b')).toBe('a');
    expect(exact.storyOf('b')).toBe('a');
    expect(capped.add({ ...strike, id: 'x', at: at(3) }).similarity).toBeCloseTo(
      exact.add({ ...strike, id: 'x', at: at(3) }).similarity,
      6, // posting lists keep weights in single precision
    );
  });

  it('never joins on a place alone: the shared telling terms must include an ordinary word', () => {
    const drills = { id: 'd', title: 'Navy drills held near the Black Sea coast', at: at(0) };
    const tanker = { id: 't', title: 'A tanker sank in the Black Sea', at: at(0.5) };
    const loose = new StoryIndex({ minSharedWords: 0 });
    loose.add(drills);
    // Without the rule, "Black" and "Sea" (two names) are enough evidence and the score is high.
    expect(loose.add(tanker)).toMatchObject({ storyId: 'd', joined: true });
    const index = new StoryIndex();
    index.add(drills);
    expect(index.add(tanker)).toMatchObject({ storyId: 't', joined: false });
    expect(index.compare('d', 't')).toBeGreaterThan(index.options.threshold);
  });

  it('never joins two updates further apart than maxGapMs, whatever the score', () => {
    const options = { halfLifeMs: 1e12, maxGapMs: 24 * hour };
    const within = new StoryIndex(options);
    within.add(strike);
    expect(within.add({ ...strikeAgain, at: at(23) })).toMatchObject({ storyId: 'a', joined: true });
    const beyond = new StoryIndex(options);
    beyond.add(strike);
    expect(beyond.add({ ...strikeAgain, at: at(25) })).toMatchObject({ storyId: 'b', joined: false });
    expect(beyond.compare('a', 'b')).toBe(0);
  });

  it("adds the sentence vectors' nudge when both updates have one, and matches on words without", () => {
    const options = { embeddingWeight: 0.5, embeddingBaseline: 0.7 };
    const same = [1, 0.2, 0];
    const near = [0.9, 0.3, 0.1];
    const far = [0, 0, 1];
    const words = new StoryIndex(options);
    words.add(strike);
    const plain = words.add(strikeAgain).similarity;
    // Vectors that mean the same raise the score; vectors that do not lower it.
    const meaning = new StoryIndex(options);
    meaning.add({ ...strike, vector: same });
    const raised = meaning.add({ ...strikeAgain, vector: near });
    const cos = 0.9 * 1 + 0.3 * 0.2;
    expect(raised.similarity).toBeCloseTo(
      plain + 0.5 * (cos / Math.hypot(1, 0.2) / Math.hypot(0.9, 0.3, 0.1) - 0.7),
      5,
    );
    const apart = new StoryIndex({ ...options, embeddingWeight: 1 });
    apart.add({ ...strike, vector: same });
    expect(apart.add({ ...strikeAgain, vector: far })).toMatchObject({ storyId: 'b', joined: false });
    expect(apart.compare('a', 'b')).toBeCloseTo(plain - 0.7, 5);
    // One side without a vector: the words decide alone.
    const half = new StoryIndex(options);
    half.add(strike);
    expect(half.add({ ...strikeAgain, vector: far }).similarity).toBeCloseTo(plain, 10);
    // Off by default: vectors change nothing.
    const off = new StoryIndex();
    off.add({ ...strike, vector: same });
    const offPlain = new StoryIndex();
    offPlain.add(strike);
    expect(off.add({ ...strikeAgain, vector: far }).similarity).toBe(offPlain.add(strikeAgain).similarity);
  });

  it('joins a paraphrase with few shared words when the vectors agree', () => {
    const first = {
      id: 'r1',
      title: 'Rouble strengthens to seven-year high against the euro',
      summary: 'The currency gained for a fifth day in Moscow trading.',
      at: at(0),
      vector: [1, 0.1, 0],
    };
    const second = {
      id: 'r2',
      title: 'Rouble rallies to strongest level since 2015',
      summary: 'Traders in Moscow said exporters were selling foreign currency.',
      at: at(0.5),
      vector: [0.95, 0.15, 0.05],
    };
    const words = new StoryIndex({ threshold: 0.4 });
    words.add(first);
    expect(words.add(second).joined).toBe(false);
    const meaning = new StoryIndex({ threshold: 0.4, embeddingWeight: 0.5, embeddingBaseline: 0.6 });
    meaning.add(first);
    expect(meaning.add(second)).toMatchObject({ storyId: 'r1', joined: true });
  });

  it('rejects options that make no sense', () => {
    expect(() => new StoryIndex({ windowMs: 0 })).toThrow(RangeError);
    expect(() => new StoryIndex({ halfLifeMs: -1 })).toThrow(RangeError);
  });
});
