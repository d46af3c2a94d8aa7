/**
 * The kinds of rule that give an update a topic, as `topicReasons` names them. In a module of its
 * own, without zod, so the reader's bundle can use it without the schemas. `model`: the topic
 * model (server/src/understanding) confirmed a rule's topic or added one, with its probability.
 */
export const topicRules = ['explicit', 'keyword', 'regex', 'source', 'category', 'model'] as const;
export type TopicRule = (typeof topicRules)[number];
