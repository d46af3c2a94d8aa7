import { randomUUID } from 'node:crypto';
import { sourceInputSchema, sourcePatchSchema } from '@dayline/shared';
import type { RequestHandler } from 'express';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import { sourceView } from './feed-store.js';
import type { Store } from '../store/store.js';
import type { Access } from '../access/access.js';
import { presentedToken, viewableEvent } from '../access/guards.js';
import { parseInput } from '../validate.js';

interface Deps {
  store: Store;
  access: Access;
  events: EventCatalog;
  clock: Clock;
}

/**
 * Feeds (polled sources; /api/sources on the wire): an event's list with their health (details for
 * admins); add, change or remove one. Paths and guards are in routes.ts.
 */
export function feedHandlers({ store, events, access, clock }: Deps) {
  const list: RequestHandler<{ slug: string }> = async (req, res) => {
    const event = await viewableEvent(access, events, req, req.params.slug);
    const admin = await access.allows(presentedToken(req), 'admin');
    res.json((await store.sources.list(event.config.slug)).map((s) => sourceView(s, { admin })));
  };
  const create: RequestHandler<{ slug: string }> = async (req, res) => {
    const event = events.get(req.params.slug);
    const input = parseInput(sourceInputSchema, req.body);
    events.checkTopics(event, input.topics);
    if (await store.sources.findByUrl(event.config.slug, input.url)) {
      throw new AppError('conflict', 'This event already has a source with that URL');
    }
    const source = await store.sources.create({
      ...input,
      id: randomUUID(),
      event: event.config.slug,
      fromConfig: false,
      at: clock.now().toISOString(),
    });
    res.status(201).json(sourceView(source, { admin: true }));
  };
  const find = async (id: string) => {
    const source = await store.sources.get(id);
    if (!source) throw AppError.notFound(`Source "${id}"`);
    return source;
  };
  const patch: RequestHandler<{ id: string }> = async (req, res) => {
    const source = await find(req.params.id);
    const changes = parseInput(sourcePatchSchema, req.body);
    events.checkTopics(events.get(source.event), changes.topics);
    if (
      changes.url &&
      changes.url !== source.url &&
      (await store.sources.findByUrl(source.event, changes.url))
    ) {
      throw new AppError('conflict', 'This event already has a source with that URL');
    }
    const updated = await store.sources.update(source.id, changes, clock.now().toISOString());
    if (!updated) throw AppError.notFound(`Source "${req.params.id}"`);
    res.json(sourceView(updated, { admin: true }));
  };
  const remove: RequestHandler<{ id: string }> = async (req, res) => {
    await find(req.params.id);
    await store.sources.delete(req.params.id);
    res.status(204).end();
  };
  return { list, create, patch, remove };
}
