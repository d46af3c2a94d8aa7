import type { SourceView, Update } from '@dayline/shared';
import { describe, expect, it, vi } from 'vitest';
import { storyOf, similarLabel } from '../src/lib/stories.js';
import { takeToken, Credentials, tokenStorageKey } from '../src/lib/credentials.js';
import { reasonsFor, reasonsSentence, reasonText } from '../src/lib/reasons.js';
import {
  itemsText,
  nextPollText,
  relativeTo,
  sortSources,
  sourceError,
  statusLabels,
} from '../src/lib/sources.js';
import { update } from './fixtures.js';

/** An update with fields the shared type may not name yet (story, topicReasons). */
const withExtras = (fields: Record<string, unknown> & { id: string }) =>
  update(fields as Partial<Update> & { id: string });

describe('topic reasons', () => {
  it('say why in the reader’s words', () => {
    expect(reasonText({ rule: 'keyword', match: 'shelling' })).toBe('keyword “shelling”');
    expect(reasonText({ rule: 'keyword', match: 'Shelling', pattern: 'shelling' })).toBe(
      'keyword “Shelling”',
    );
    expect(reasonText({ rule: 'keyword', match: 'refugees', pattern: 'refugee' })).toBe(
      'keyword “refugee” (“refugees”)',
    );
    expect(reasonText({ rule: 'category', match: 'Power', pattern: 'power' })).toBe('feed category “Power”');
    expect(reasonText({ rule: 'source', match: 'Example Wire' })).toBe('from the source');
    expect(reasonText({ rule: 'explicit', match: 'military' })).toBe('set by the editor');
    expect(reasonText({ rule: 'model', match: '0.91', probability: 0.9132 })).toBe('topic model (0.91)');
    expect(reasonText({ rule: 'regex', match: 'T-72', pattern: '\\bT-\\d+' })).toBe(
      'pattern matching “T-72”',
    );
    expect(
      reasonText({ rule: 'editor', match: 'military', by: 'Ana', at: '2022-03-16T07:12:00Z' }, 'Europe/Kyiv'),
    ).toBe('editor Ana, 16 Mar, 09:12');
  });

  it('join several rules once each, after the topic', () => {
    expect(
      reasonsSentence('Energy', [
        { rule: 'keyword', match: 'gas' },
        { rule: 'category', match: 'Power' },
        { rule: 'keyword', match: 'gas' },
      ]),
    ).toBe('Energy: keyword “gas”, feed category “Power”');
  });

  it('are read defensively: none recorded, or malformed, is nothing to show', () => {
    const u = withExtras({
      id: 'a',
      topics: ['military', 'energy'],
      topicReasons: {
        military: [{ rule: 'keyword', match: 'shelling' }, { rule: 'nonsense', match: 'x' }, 'bad'],
        energy: 'not a list',
      },
    });
    expect(reasonsFor(u, 'military')).toEqual([{ rule: 'keyword', match: 'shelling' }]);
    expect(reasonsFor(u, 'energy')).toEqual([]);
    expect(reasonsFor(u, 'toString')).toEqual([]);
    expect(reasonsFor(update({ id: 'b' }), 'military')).toEqual([]);
  });
});

describe('similar coverage', () => {
  const story = {
    id: 'c1',
    headId: 'h',
    size: 4,
    sources: ['Kyiv Ledger', 'Northern Wire', 'Baltic Dispatch', 'Danube Post'],
  };

  it('names the count of the others and outlets other than the head’s own', () => {
    expect(similarLabel(story, 'Kyiv Ledger')).toBe('+3 similar: Northern Wire, Baltic Dispatch, …');
    expect(
      similarLabel({ ...story, size: 3, sources: ['Kyiv Ledger', 'Northern Wire'] }, 'Kyiv Ledger'),
    ).toBe('+2 similar: Northern Wire');
    expect(similarLabel({ ...story, size: 2, sources: ['Kyiv Ledger'] }, 'Kyiv Ledger')).toBe('+1 similar');
    // An outlet with two items in the story is named once.
    expect(similarLabel({ ...story, size: 3, sources: ['A', 'B', 'B'] }, 'A')).toBe('+2 similar: B');
  });

  it('reads a story, and ignores a missing or lone story', () => {
    const head = withExtras({ id: 'h', story });
    expect(storyOf(head)).toEqual(story);
    const first = { title: 'Dam breached', source: 'Kyiv Ledger', publishedAt: '2022-03-16T05:00:00Z' };
    expect(storyOf(withExtras({ id: 'm', story: { ...story, firstReport: first } }))).toEqual({
      ...story,
      firstReport: first,
    });
    expect(storyOf(update({ id: 'x' }))).toBeNull();
    expect(storyOf(withExtras({ id: 'x', story: { ...story, size: 1 } }))).toBeNull();
    expect(storyOf(withExtras({ id: 'x', story: { id: 1 } }))).toBeNull();
  });
});

describe('sources panel', () => {
  const now = new Date('2022-03-16T12:00:00Z');
  const source = (fields: Partial<SourceView>): SourceView => ({
    id: 's',
    event: 'ukraine-war',
    name: 'Wire',
    url: 'https://example.org/feed.xml',
    pollSeconds: 120,
    topics: [],
    enabled: true,
    mode: 'publish',
    status: 'ok',
    errorKind: null,
    error: null,
    lastFetchAt: '2022-03-16T11:58:00Z',
    lastSuccessAt: '2022-03-16T11:58:00Z',
    httpStatus: 200,
    itemsSeen: 12,
    itemsNew: 3,
    nextPollAt: '2022-03-16T12:02:00Z',
    ...fields,
  });

  it('has a word for every status', () => {
    expect(statusLabels).toEqual({
      ok: 'OK',
      failing: 'Failing',
      disabled: 'Disabled',
      pending: 'Not fetched yet',
    });
  });

  it('lists failing sources first, then by name', () => {
    const list = sortSources([
      source({ id: '1', name: 'B', status: 'ok' }),
      source({ id: '2', name: 'Z', status: 'failing' }),
      source({ id: '3', name: 'A', status: 'ok' }),
      source({ id: '4', name: 'C', status: 'pending' }),
      source({ id: '5', name: 'D', status: 'disabled' }),
    ]);
    expect(list.map((s) => s.id)).toEqual(['2', '5', '4', '3', '1']);
  });

  it('shows the error only when the source is failing or disabled', () => {
    expect(sourceError(source({ status: 'failing', error: 'HTTP 500' }))).toBe('HTTP 500');
    expect(sourceError(source({ status: 'ok', error: 'HTTP 500' }))).toBeNull();
    expect(sourceError(source({ status: 'disabled', error: null }))).toBe('Turned off');
  });

  it('tells readers the kind of error when the details are for admins only', () => {
    expect(sourceError(source({ status: 'failing', errorKind: 'refused', error: null }))).toBe(
      'Address not allowed',
    );
    expect(sourceError(source({ status: 'failing', errorKind: 'http', error: 'HTTP 503' }))).toBe('HTTP 503');
  });

  it('says what the last fetch brought and when the next poll is', () => {
    expect(itemsText(source({}))).toBe('12 seen, 3 new');
    expect(itemsText(source({ lastSuccessAt: null }))).toBe('—');
    expect(nextPollText(source({}), now)).toBe('in 2 min');
    expect(nextPollText(source({ nextPollAt: '2022-03-16T11:59:58Z' }), now)).toBe('now');
    expect(nextPollText(source({ enabled: false }), now)).toBe('Not scheduled');
    expect(nextPollText(source({ status: 'disabled' }), now)).toBe('Not scheduled');
  });

  it('gives relative times both ways', () => {
    expect(relativeTo('2022-03-16T11:59:40Z', now)).toBe('just now');
    expect(relativeTo('2022-03-16T12:00:20Z', now)).toBe('in a moment');
    expect(relativeTo('2022-03-16T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTo('2022-03-16T15:00:00Z', now)).toBe('in 3 h');
    expect(relativeTo('2022-03-15T12:00:00Z', now)).toBe('1 day ago');
    expect(relativeTo('2022-03-13T12:00:00Z', now)).toBe('3 days ago');
    expect(relativeTo('garbage', now)).toBe('—');
  });
});

describe('viewer token', () => {
  it('is taken out of the address, which keeps everything else', () => {
    expect(takeToken('https://d.example/e/brief?topics=a,b&token=dl_x1#top')).toEqual({
      token: 'dl_x1',
      rest: '/e/brief?topics=a%2Cb#top',
    });
    expect(takeToken('https://d.example/e/brief?token=')).toEqual({ token: null, rest: '/e/brief' });
    expect(takeToken('https://d.example/e/brief?q=x')).toEqual({ token: null, rest: null });
  });

  it('is remembered, and sent as a bearer header only when there is one', () => {
    const saved = new Map<string, string>();
    const store = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => saved.set(k, v),
    };
    expect(new Credentials(store).headers()).toEqual({});
    saved.set(tokenStorageKey, 'dl_abc');
    const credentials = new Credentials(store);
    expect(credentials.token).toBe('dl_abc');
    expect(credentials.headers()).toEqual({ authorization: 'Bearer dl_abc' });
    expect(new Credentials(null).headers()).toEqual({});
  });

  it('is adopted from the address on load, stored, and removed from the address bar', () => {
    const saved = new Map<string, string>();
    const store = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => saved.set(k, v),
    };
    const replaceState = vi.fn();
    vi.stubGlobal('location', { href: 'https://d.example/e/brief?token=dl_new&q=x' });
    vi.stubGlobal('history', { state: { kept: true }, replaceState });
    try {
      const credentials = new Credentials(store);
      credentials.adoptFromLocation();
      expect(credentials.token).toBe('dl_new');
      expect(saved.get(tokenStorageKey)).toBe('dl_new');
      expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/e/brief?q=x');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
