import type { Update } from '@dayline/shared';
import { describe, expect, it } from 'vitest';
import { decideEditorTopics, withEditorDecisions } from '../src/decisions/topics.js';

const at = '2022-03-26T09:00:00.000Z';
const update = {
  id: 'u1',
  event: 'test-war',
  topics: ['military', 'energy'],
  topicReasons: {
    military: [{ rule: 'keyword', match: 'missile' }],
    energy: [{ rule: 'keyword', match: 'gas' }],
  },
} as unknown as Update;

describe("an editor's topics", () => {
  it('confirm what it keeps, add what it lacked, remove the rest, each as the editor’s', () => {
    const { topics, topicReasons, decisions } = decideEditorTopics(
      update,
      ['energy', 'diplomacy'],
      'ana',
      at,
    );
    expect(topics).toEqual(['energy', 'diplomacy']);
    expect(topicReasons).toEqual({
      energy: [
        { rule: 'editor', match: 'energy', by: 'ana', at },
        { rule: 'keyword', match: 'gas' },
      ],
      diplomacy: [{ rule: 'editor', match: 'diplomacy', by: 'ana', at }],
    });
    expect(decisions.map((d) => ['topic' in d && d.topic, d.verdict])).toEqual([
      ['energy', 'confirmed'],
      ['diplomacy', 'added'],
      ['military', 'removed'],
    ]);
  });

  it('decide nothing new when the editor already decided the same', () => {
    const first = decideEditorTopics(update, ['energy'], 'ana', at);
    const decided = { ...update, topics: first.topics, topicReasons: first.topicReasons };
    const again = decideEditorTopics(decided, ['energy'], 'bo', '2022-03-26T10:00:00.000Z');
    expect(again.decisions).toEqual([]);
    expect(again.topicReasons.energy?.[0]).toMatchObject({ by: 'ana', at });
  });

  it('outrank the rules on retag: removed stays removed, kept stays first, unknown topics go', () => {
    const ruled = {
      topics: ['military', 'energy', 'cyber'],
      reasons: {
        military: [{ rule: 'keyword' as const, match: 'missile' }],
        energy: [{ rule: 'keyword' as const, match: 'gas' }],
        cyber: [{ rule: 'keyword' as const, match: 'hack' }],
      },
    };
    const decisions = [
      { topic: 'military', verdict: 'removed' as const, actor: 'ana', at },
      { topic: 'diplomacy', verdict: 'added' as const, actor: 'ana', at },
      { topic: 'gone', verdict: 'added' as const, actor: 'ana', at },
    ];
    const known = new Set(['military', 'energy', 'cyber', 'diplomacy']);
    const result = withEditorDecisions(ruled, decisions, known, ['diplomacy', 'energy']);
    expect(result.topics).toEqual(['diplomacy', 'energy', 'cyber']);
    expect(result.reasons.diplomacy).toEqual([{ rule: 'editor', match: 'diplomacy', by: 'ana', at }]);
    expect(result.reasons.military).toBeUndefined();
    expect(withEditorDecisions(ruled, [], known, [])).toBe(ruled);
  });
});
