import { z } from 'zod';

/**
 * Training runs of an event's topic model (server/src/understanding/): who or what started each,
 * on what it learnt, and its cross-validated metrics. GET and POST /api/events/:slug/training-runs.
 */

/** What started a run: `npm run train` (cli), an admin's "Retrain now" (admin), or N new editor decisions (auto). */
export const trainingTriggers = ['cli', 'admin', 'auto'] as const;
export type TrainingTrigger = (typeof trainingTriggers)[number];

export const trainingStatuses = ['running', 'succeeded', 'failed'] as const;
export type TrainingStatus = (typeof trainingStatuses)[number];

const prfSchema = z.object({
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  tp: z.number().int(),
  fp: z.number().int(),
  fn: z.number().int(),
});

/** One topic's classifier in a run: its thresholds and cross-validated scores, never its weights. */
export const trainingTopicSchema = z.object({
  /** A keyword/regex hit is kept from this probability up. */
  veto: z.number(),
  /** A topic no rule found is added from this probability up. */
  add: z.number(),
  /** Positive examples of the topic in the training data. */
  positives: z.number().int(),
  /** Examples labelled for the topic (editor decisions label only the topics decided on). */
  labelled: z.number().int(),
  crossValidated: prfSchema,
});
export type TrainingTopic = z.infer<typeof trainingTopicSchema>;

export const trainingRunSchema = z.object({
  id: z.number().int(),
  event: z.string(),
  trigger: z.enum(trainingTriggers),
  status: z.enum(trainingStatuses),
  /** Who asked for it: an admin's name, `cli`, or `auto`. */
  actor: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Training examples in all: labelled updates plus updates editors decided topics on. */
  examples: z.number().int(),
  /** Updates from the labelled set (the fixture's splits). */
  labelledUpdates: z.number().int(),
  /** Updates with editor topic decisions, and the topic decisions on them (latest word on each topic). */
  editorUpdates: z.number().int(),
  editorDecisions: z.number().int(),
  /** The newest editor decision (its id) the run saw: later ones count towards the next automatic run. */
  decisionsThrough: z.number().int(),
  /** The labelled set's splits it learnt from. */
  splits: z.array(z.string()),
  /** A short hash of the model's weights and thresholds (null until it succeeded). */
  version: z.string().nullable(),
  /** Micro-averaged over all topics, cross-validated on the training data. */
  crossValidated: prfSchema.nullable(),
  topics: z.record(z.string(), trainingTopicSchema),
  /** Milliseconds spent embedding and fitting (null while running). */
  durationMs: z.number().nullable(),
  /** Why it failed. */
  error: z.string().nullable(),
});
export type TrainingRun = z.infer<typeof trainingRunSchema>;

/** GET /api/events/:slug/training-runs: newest first, with what the next automatic run waits for. */
export const trainingRunsSchema = z.object({
  event: z.string(),
  runs: z.array(trainingRunSchema),
  /** The run the server uses now (the newest that succeeded); null: the shipped model or none. */
  currentRun: z.number().int().nullable(),
  /** Retrain automatically after this many new editor topic decisions (0: never). */
  retrainAfter: z.number().int(),
  /** Editor topic decisions since the last run. */
  newDecisions: z.number().int(),
});
export type TrainingRuns = z.infer<typeof trainingRunsSchema>;

/** POST /api/events/:slug/training-runs takes no options: it trains on everything, as the CLI does. */
export const trainingRunRequestSchema = z.strictObject({});
