import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateClustering, type ClusteringFixture } from '../src/stories/evaluate.js';

// The agreed floor (issue 6). Measured figures and how they were obtained: docs/quality.md.
const floor = { precision: 0.95, recall: 0.8 };

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/clustering-pairs.json', import.meta.url), 'utf8'),
) as ClusteringFixture;

describe('clustering quality on the evaluation set', () => {
  it('has the pairs it claims: 300+ labelled pairs with hard negatives of each kind', () => {
    const ids = new Set(fixture.updates.map((u) => u.id));
    expect(fixture.pairs.length).toBeGreaterThanOrEqual(300);
    for (const pair of fixture.pairs) {
      expect(ids.has(pair.a) && ids.has(pair.b)).toBe(true);
      const [a, b] = [pair.a, pair.b].map((id) => fixture.updates.find((u) => u.id === id)!);
      expect(pair.same).toBe(a!.story === b!.story);
    }
    const kinds = new Set(fixture.pairs.filter((p) => !p.same).map((p) => p.kind));
    for (const kind of ['same-place', 'same-event-different-day', 'same-actors', 'same-topic'])
      expect(kinds).toContain(kind);
  });

  it('meets the floor on the held-out test split', () => {
    const { clustered, pairwise } = evaluateClustering(fixture, {}, 'test');
    expect(clustered.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(clustered.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(pairwise.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(pairwise.recall).toBeGreaterThanOrEqual(floor.recall);
  });

  it('meets the floor on the whole set', () => {
    const { clustered } = evaluateClustering(fixture);
    expect(clustered.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(clustered.recall).toBeGreaterThanOrEqual(floor.recall);
  });
});
