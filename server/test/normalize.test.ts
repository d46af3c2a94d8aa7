import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanParagraphs, cleanText, contentKey } from '../src/updates/normalize.js';

describe('normalize', () => {
  it('folds white space and drops control characters', () => {
    expect(cleanText('  Breaking:\t\u0007 strike\n\nreported  ')).toBe('Breaking: strike reported');
    expect(cleanParagraphs(' One  line.\n\n\n Two\tlines. ')).toBe('One line.\n\nTwo lines.');
  });

  it('gives the same canonical URL to the same article behind tracking and cosmetic differences', () => {
    const canonical = canonicalUrl('https://news.example.org/a/b?x=1&y=2');
    for (const variant of [
      'http://www.news.example.org/a/b/?y=2&x=1',
      'https://NEWS.example.org:443/a/b?x=1&y=2&utm_source=feed#comments',
      'https://news.example.org/a/b?fbclid=abc&x=1&y=2',
    ]) {
      expect(canonicalUrl(variant)).toBe(canonical);
    }
    expect(canonicalUrl('https://news.example.org/a/c?x=1&y=2')).not.toBe(canonical);
  });

  it('keys content by outlet, headline and time, ignoring case', () => {
    const key = contentKey('Wire', 'Strike reported', '2022-03-16T10:00:00.000Z');
    expect(contentKey('wire', 'strike reported', '2022-03-16T10:00:00.000Z')).toBe(key);
    expect(contentKey('Wire', 'Strike reported', '2022-03-16T10:01:00.000Z')).not.toBe(key);
    expect(contentKey(undefined, 'Strike reported', '2022-03-16T10:00:00.000Z')).not.toBe(key);
  });
});
