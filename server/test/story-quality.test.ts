import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateClustering, type ClusteringFixture } from '../src/stories/evaluate.js';

// The agreed floor (issue 6). Measured figures and how they were obtained: docs/quality.md.
const floor = { precision: 0.95, recall: 0.8 };

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/clustering-pairs.json', import.meta.url), 'utf8'),
) as ClusteringFixture;
/** Written by a labeller who never saw the engine; never tuned on (docs/quality.md, issue 19). */
const blind = JSON.parse(
  readFileSync(new URL('./fixtures/blind-r5-pairs.json', import.meta.url), 'utf8'),
) as ClusteringFixture;
// Issue 19's floor on the blind pairs, not met: measured precision 1.000, recall 0.337.
const blindFloor = { precision: 0.95, recall: 0.88 };

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

  it('keeps its measured level on the blind-r5 pairs (precision 1.000, recall 0.337), joining no different stories', () => {
    const { clustered, byKind } = evaluateClustering(blind);
    expect(blind.pairs.length).toBe(353);
    expect(clustered.precision).toBeGreaterThanOrEqual(blindFloor.precision);
    expect(clustered.recall).toBeGreaterThanOrEqual(0.33);
    for (const kind of ['same-place', 'same-topic', 'same-actors', 'related', 'unrelated'])
      expect(byKind[kind]?.wrong).toBe(0);
  });

  it.todo(
    `meets issue 19's floor on the blind-r5 pairs: precision ≥ ${blindFloor.precision}, recall ≥ ${blindFloor.recall}`,
  );
});
