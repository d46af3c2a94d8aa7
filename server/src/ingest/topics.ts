import type { TopicConfig } from '../config.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One keyword or phrase as a pattern: any run of spaces between its words matches. */
function keywordPattern(keyword: string): string {
  return keyword.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
}

/**
 * Tags text with the event's topics by keyword rules: whole words only ("gas" is not in
 * "Gaston"), case-insensitive, letters of any script counted as word characters.
 */
export class TopicTagger {
  readonly #rules: { id: string; pattern: RegExp | undefined }[];

  constructor(topics: readonly TopicConfig[]) {
    this.#rules = topics.map((topic) => ({
      id: topic.id,
      pattern: topic.keywords.length
        ? new RegExp(
            `(?<![\\p{L}\\p{N}_])(?:${topic.keywords.map(keywordPattern).join('|')})(?![\\p{L}\\p{N}_])`,
            'iu',
          )
        : undefined,
    }));
  }

  /** Explicit topics first, in the order given, then every topic whose keywords match. */
  tag(text: string, explicit: readonly string[] = []): string[] {
    const topics = new Set(explicit);
    for (const rule of this.#rules) {
      if (rule.pattern?.test(text)) topics.add(rule.id);
    }
    return [...topics];
  }
}
