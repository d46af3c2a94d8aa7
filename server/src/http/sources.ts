import { randomUUID } from 'node:crypto';
import { sourceInputSchema, sourcePatchSchema } from '@dayline/shared';
import { Router, type RequestHandler } from 'express';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events.js';
import { sourceView } from '../store/source-store.js';
import type { Store } from '../store/store.js';
import type { Access } from '../access.js';
import { presentedToken, viewableEvent } from './auth.js';
import { parseOr400 } from './validate.js';

interface Deps {
  store: Store;
  access: Access;
  events: EventCatalog;
  clock: Clock;
  writer: RequestHandler;
  json: RequestHandler;
}

/** An event's feed sources: public health list (details for admins), and management (admin token). */
export function eventSourcesRouter({ store, events, access, clock, writer, json }: Deps): Router {
  const router = Router();
  const list: RequestHandler<{ slug: string }> = async (req, res) => {
    const event = await viewableEvent(access, events, req, req.params.slug);
    const admin = await access.allows(presentedToken(req), 'admin');
    res.json((await store.sources.list(event.config.slug)).map((s) => sourceView(s, { admin })));
  };
  const create: RequestHandler<{ slug: string }> = async (req, res) => {
    const event = events.get(req.params.slug);
    const input = parseOr400(sourceInputSchema, req.body);
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
  router.get('/:slug/sources', list);
  router.post('/:slug/sources', writer, json, create);
  return router;
}

/** One source by id: change or remove it (ingest token). */
export function sourcesRouter({ store, events, clock, writer, json }: Deps): Router {
  const router = Router();
  const find = async (id: string) => {
    const source = await store.sources.get(id);
    if (!source) throw AppError.notFound(`Source "${id}"`);
    return source;
  };
  const patch: RequestHandler<{ id: string }> = async (req, res) => {
    const source = await find(req.params.id);
    const changes = parseOr400(sourcePatchSchema, req.body);
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
  router.patch('/:id', writer, json, patch);
  router.delete('/:id', writer, remove);
  return router;
}
