/**
 * The kinds of rule that give an update a topic, as `topicReasons` names them. In a module of its
 * own, without zod, so the reader's bundle can use it without the schemas. `model`: the topic
 * model (server/src/understanding) confirmed a rule's topic or added one, with its probability.
 * `editor`: an editor confirmed or added the topic in the console (who and when are on the
 * reason); it outranks the others and is kept when the rules change.
 */
export const topicRules = ['explicit', 'keyword', 'regex', 'source', 'category', 'model', 'editor'] as const;
export type TopicRule = (typeof topicRules)[number];
