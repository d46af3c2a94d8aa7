import { roleAllows } from '@dayline/shared';
import type { Actor } from '../access/guards.js';
import { AppError } from '../errors.js';
import type { EventRuntime } from '../events/catalog.js';
import type { StoredDraft } from './draft-store.js';

/**
 * Who may do what with a draft, in one place (docs/security.md, "Contributors"): editors and admins
 * (and machines' ingest tokens) publish, schedule and handle every draft; a contributor writes,
 * submits and deletes their own drafts and never publishes, schedules or touches a scheduled post.
 */
export const mayPublish = (actor: Actor) => roleAllows(actor.role, 'editor');

export function requirePublisher(actor: Actor, what: string): void {
  if (!mayPublish(actor)) throw new AppError('forbidden', `Only an editor may ${what}; submit it for review`);
}

/** Whose drafts a listing shows: everyone's to editors, a contributor's own to them. */
export const listedFor = (actor: Actor): string | undefined =>
  mayPublish(actor) ? undefined : actor.kind === 'user' ? actor.id : '';

/** Read, edit, submit or delete this draft. */
export function requireHandler(actor: Actor, draft: StoredDraft): void {
  if (mayPublish(actor)) return;
  const own = actor.kind === 'user' && draft.createdById === actor.id;
  if (!own) throw new AppError('forbidden', 'This is another writer’s draft');
  if (draft.state === 'scheduled') {
    throw new AppError('forbidden', 'An editor has scheduled this post; only an editor may change it now');
  }
}

/** The name the draft records as its writer. */
export const writerName = (actor: Actor) => (actor.kind === 'user' ? actor.name : 'token');

/**
 * A stored draft's (or queued item's) topics, split by whether the event still has them. A topic
 * removed from the event since it was written is dropped when it is published (the queue says so
 * beforehand), never a reason to refuse it; topics an editor gives now are checked as ever.
 */
export function keptTopics(
  event: EventRuntime,
  topics: readonly string[] | undefined,
): { topics: string[] | undefined; dropped: string[] } {
  if (!topics) return { topics: undefined, dropped: [] };
  return {
    topics: topics.filter((id) => event.topicIds.has(id)),
    dropped: topics.filter((id) => !event.topicIds.has(id)),
  };
}
