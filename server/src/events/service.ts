import { randomUUID } from 'node:crypto';
import {
  eventInputSchema,
  eventPatchSchema,
  type EventDefinition,
  type EventDefinitionFields,
  type RetagJob,
} from '@dayline/shared';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { parseInput } from '../validate.js';
import type { Writers } from '../writers.js';
import type { EventCatalog, EventRuntime } from './catalog.js';
import type { SaveRefusal, StoredEvent } from './event-store.js';

const retagJobKey = (id: string) => `retag-job:${id}`;

/**
 * Events managed from the console (admins): create, change, close or make private, and re-apply
 * changed topic rules to stored updates. Saved in the store, then live in this process's catalog at
 * once; other nodes notice within a second (events/watcher.ts).
 */
export class EventService {
  constructor(
    private readonly deps: {
      store: Store;
      events: EventCatalog;
      clock: Clock;
      logger: Logger;
      retag: Writers['retag'];
    },
  ) {}

  /** Every event, private and file ones included, with its rules and where it is defined. */
  definitions(): EventDefinition[] {
    return this.deps.events.list().map((event) => this.definitionOf(event));
  }

  async create(raw: unknown, actor: string): Promise<EventDefinition> {
    const { store, events, clock } = this.deps;
    const input = parseInput(eventInputSchema, raw);
    if (events.find(input.slug)) throw slugTaken(input.slug);
    const saved = await store.events.create(input, clock.now().toISOString(), actor);
    return this.definitionOf(events.put(this.accepted(saved, input.slug)));
  }

  /** A change of a console event; file events are read-only here (`409 conflict`, naming why). */
  async change(slug: string, raw: unknown, actor: string): Promise<EventDefinition> {
    const { store, events, clock } = this.deps;
    const { revision, ...patch } = parseInput(eventPatchSchema, raw);
    const event = events.get(slug);
    const reason = events.readOnlyReason(event);
    if (reason) throw new AppError('conflict', reason, { origin: event.origin });
    const apply = (current: EventDefinitionFields): EventDefinitionFields => {
      const next = { ...current };
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) Object.assign(next, { [key]: value });
      }
      return next;
    };
    const saved = await store.events.change(slug, apply, revision, clock.now().toISOString(), actor);
    return this.definitionOf(events.put(this.accepted(saved, slug)));
  }

  /**
   * Starts re-applying the event's topic rules to its stored updates and answers at once with the
   * job; its progress is kept in the store, so any node can answer `retagJob`. Each retagged update
   * goes through the commit step, so open pages get it live.
   */
  async startRetag(slug: string): Promise<RetagJob> {
    const { store, events, clock, logger, retag } = this.deps;
    events.get(slug);
    events.requireOpen(slug);
    const job: RetagJob = {
      id: randomUUID(),
      event: slug,
      status: 'running',
      total: await store.countUpdates(slug),
      checked: 0,
      changed: 0,
      startedAt: clock.now().toISOString(),
      finishedAt: null,
    };
    const save = (state: RetagJob) => store.settings.put(retagJobKey(state.id), JSON.stringify(state));
    await save(job);
    retag(slug, (progress) => save({ ...job, ...progress }))
      .then(({ checked, changed }) =>
        // Retracted updates are not checked: the job ends at what it checked.
        save({
          ...job,
          status: 'done',
          total: checked,
          checked,
          changed,
          finishedAt: clock.now().toISOString(),
        }),
      )
      .catch(async (error: unknown) => {
        logger.error({ err: error, event: slug }, 'retag failed');
        await save({ ...job, status: 'failed', finishedAt: clock.now().toISOString() }).catch(
          () => undefined,
        );
      });
    return job;
  }

  async retagJob(id: string): Promise<RetagJob> {
    const stored = await this.deps.store.settings.get(retagJobKey(id));
    if (!stored) throw AppError.notFound(`Retag job "${id}"`);
    return JSON.parse(stored) as RetagJob;
  }

  /** The saved event, or the error its refusal means. */
  private accepted(saved: StoredEvent | SaveRefusal, slug: string): StoredEvent {
    if (!('refused' in saved)) return saved;
    switch (saved.refused) {
      case 'exists':
        throw slugTaken(slug);
      case 'missing':
        throw AppError.notFound(`Event "${slug}"`);
      case 'stale':
        // Another admin saved first: nothing is overwritten; they see what it is now.
        throw new AppError('conflict', `Event "${slug}" was changed by ${saved.current.updatedBy} since`, {
          current: this.definitionOf(this.deps.events.put(saved.current)),
        });
    }
  }

  private definitionOf(event: EventRuntime): EventDefinition {
    const { sources: _sources, ...fields } = event.config;
    return {
      ...fields,
      origin: event.origin,
      readOnlyReason: this.deps.events.readOnlyReason(event),
      revision: event.revision,
      updatedAt: event.updatedAt,
      updatedBy: event.updatedBy,
      retiredTopics: [...event.retiredTopics],
    };
  }
}

const slugTaken = (slug: string) =>
  new AppError('conflict', `An event "${slug}" already exists; choose another slug`, { field: 'slug' });
