import { describe, expect, it } from 'vitest';
import {
  formatRoute,
  isTimelinePath,
  parseRoute,
  sameFilters,
  sameTarget,
  type Route,
} from '@dayline/shared';

const route = (href: string): Route => {
  const url = new URL(href, 'https://dayline.test');
  return parseRoute(url.pathname, url.search);
};

describe('routes', () => {
  it("knows the timeline's own pages from feeds and files under /e/", () => {
    for (const path of [
      '/e/ukraine-war',
      '/e/ukraine-war/',
      '/e/ukraine-war/day/21',
      '/e/ukraine-war/u/abc',
    ]) {
      expect(isTimelinePath(path), path).toBe(true);
    }
    for (const path of ['/e/ukraine-war/feed.atom', '/e/ukraine-war/feed.json', '/e/x/edit', '/e/', '/']) {
      expect(isTimelinePath(path), path).toBe(false);
    }
  });

  it('reads the event, a day or an update, and the filters', () => {
    expect(route('/')).toEqual({
      slug: null,
      target: { kind: 'latest' },
      filters: { topics: [], q: '', source: '' },
    });
    expect(route('/e/ukraine-war')).toMatchObject({ slug: 'ukraine-war', target: { kind: 'latest' } });
    expect(route('/e/ukraine-war/day/21')).toMatchObject({ target: { kind: 'day', day: 21 } });
    expect(route('/e/ukraine-war/u/abc%20def')).toMatchObject({ target: { kind: 'update', id: 'abc def' } });
    expect(
      route('/e/x?topics=military,,%20diplomacy,military&q=%20kyiv%20&source=E2E%20Wire').filters,
    ).toEqual({
      topics: ['military', 'diplomacy'],
      q: 'kyiv',
      source: 'E2E Wire',
    });
  });

  it('keeps the old ?event= links working', () => {
    expect(route('/?event=ukraine-war&topics=military')).toMatchObject({
      slug: 'ukraine-war',
      target: { kind: 'latest' },
      filters: { topics: ['military'] },
    });
  });

  it('falls back to the latest for a path it does not know', () => {
    expect(route('/e/ukraine-war/day/soon')).toMatchObject({
      slug: 'ukraine-war',
      target: { kind: 'latest' },
    });
    expect(route('/elsewhere')).toMatchObject({ slug: null, target: { kind: 'latest' } });
    expect(route('/e/%E0%A4%A/u/1')).toMatchObject({ slug: null });
  });

  it('writes routes with literal commas between topics', () => {
    const r: Route = {
      slug: 'ukraine-war',
      target: { kind: 'day', day: 21 },
      filters: { topics: ['military', 'diplomacy'], q: 'grain & ports', source: 'E2E Wire' },
    };
    expect(formatRoute(r)).toBe(
      '/e/ukraine-war/day/21?topics=military,diplomacy&source=E2E+Wire&q=grain+%26+ports',
    );
    expect(
      formatRoute({
        ...r,
        target: { kind: 'update', id: 'a/b' },
        filters: { topics: [], q: '', source: '' },
      }),
    ).toBe('/e/ukraine-war/u/a%2Fb');
    expect(
      formatRoute({ slug: null, target: { kind: 'latest' }, filters: { topics: [], q: '', source: '' } }),
    ).toBe('/');
  });

  it('round-trips', () => {
    const r: Route = {
      slug: 'river-flood-2026',
      target: { kind: 'update', id: '42' },
      filters: { topics: ['rescue'], q: 'bridge', source: 'Desk' },
    };
    expect(route(formatRoute(r))).toEqual(r);
  });

  it('compares filters and targets by value', () => {
    expect(sameFilters({ topics: ['a'], q: 'x', source: '' }, { topics: ['a'], q: 'x', source: '' })).toBe(
      true,
    );
    expect(
      sameFilters({ topics: ['a'], q: 'x', source: '' }, { topics: ['a', 'b'], q: 'x', source: '' }),
    ).toBe(false);
    expect(sameTarget({ kind: 'day', day: 2 }, { kind: 'day', day: 2 })).toBe(true);
    expect(sameTarget({ kind: 'day', day: 2 }, { kind: 'latest' })).toBe(false);
  });
});
