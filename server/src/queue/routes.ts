import type { RequestHandler } from 'express';
import { actorOf } from '../access/guards.js';
import type { EventCatalog } from '../events/catalog.js';
import type { QueueService } from './service.js';

/**
 * The incoming queue over HTTP: list an event's waiting items; approve, merge or discard one.
 * Paths and guards (editors, or a bearer token of the ingest scope) are in routes.ts.
 */
export function queueHandlers({ queue, events }: { queue: QueueService; events: EventCatalog }) {
  const list: RequestHandler<{ slug: string }> = async (req, res) => {
    res.json(await queue.list(events.get(req.params.slug).config.slug, req.query));
  };
  const approve: RequestHandler<{ id: string }> = async (req, res) => {
    const { update, created } = await queue.approve(req.params.id, req.body, actorOf(res));
    res.status(created ? 201 : 200).json(update);
  };
  const merge: RequestHandler<{ id: string }> = async (req, res) => {
    res.json(await queue.merge(req.params.id, req.body, actorOf(res)));
  };
  const discard: RequestHandler<{ id: string }> = async (req, res) => {
    res.json(await queue.discard(req.params.id, req.body, actorOf(res)));
  };
  return { list, approve, merge, discard };
}
