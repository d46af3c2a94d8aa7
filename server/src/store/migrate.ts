import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/001-initial.js';
import * as corrections from './migrations/002-corrections.js';
import * as fullText from './migrations/003-full-text.js';
import * as sources from './migrations/004-sources.js';
import * as tokens from './migrations/005-tokens.js';
import * as clusters from './migrations/006-clusters.js';
import * as dayCounts from './migrations/007-day-counts.js';
import * as searchPlans from './migrations/008-search-plans.js';
import * as eventCursors from './migrations/009-event-cursors.js';
import * as sourceErrorKinds from './migrations/010-source-error-kinds.js';
import * as changeOrigins from './migrations/011-change-origins.js';
import * as storyNames from './migrations/012-story-names.js';
import * as accounts from './migrations/013-accounts.js';
import * as audit from './migrations/014-audit.js';
import * as events from './migrations/015-events.js';
import * as drafts from './migrations/016-drafts.js';
import * as sticky from './migrations/017-sticky.js';
import * as queue from './migrations/018-queue.js';
import * as editorDecisions from './migrations/019-editor-decisions.js';
import * as retiredTopics from './migrations/020-retired-topics.js';
import * as trainingRuns from './migrations/021-training-runs.js';
import * as topicsModel from './migrations/022-topics-model.js';

/** Migrations are listed here rather than read from a folder, so they work from src and dist alike. */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-corrections': corrections,
  '003-full-text': fullText,
  '004-sources': sources,
  '005-tokens': tokens,
  '006-clusters': clusters,
  '007-day-counts': dayCounts,
  '008-search-plans': searchPlans,
  '009-event-cursors': eventCursors,
  '010-source-error-kinds': sourceErrorKinds,
  '011-change-origins': changeOrigins,
  '012-story-names': storyNames,
  '013-accounts': accounts,
  '014-audit': audit,
  '015-events': events,
  '016-drafts': drafts,
  '017-sticky': sticky,
  '018-queue': queue,
  '019-editor-decisions': editorDecisions,
  '020-retired-topics': retiredTopics,
  '021-training-runs': trainingRuns,
  '022-topics-model': topicsModel,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; run on every start. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
}
