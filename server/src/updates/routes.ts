import { actorName } from '../accounts/audit.js';
import { batchInputSchema, updatesQuerySchema } from '@dayline/shared';
import type { Request, RequestHandler } from 'express';
import type { Access } from '../access/access.js';
import { actorOf, canView, viewableEvent } from '../access/guards.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../store/store.js';
import { parseInput } from '../validate.js';
import type { UpdateService } from './service.js';

type BySlug = RequestHandler<{ slug: string }>;
type ById = RequestHandler<{ id: string }>;

/**
 * Updates over HTTP: an event's timeline page; post one or a batch; one update, its versions;
 * correct or retract it. Paths and guards are in routes.ts.
 */
export function updateHandlers(deps: {
  store: Store;
  events: EventCatalog;
  access: Access;
  updates: UpdateService;
  metrics: Metrics;
}) {
  const { store, events, access, updates, metrics } = deps;

  /** The update, if it exists and the caller may see its event. */
  const visible = async (req: Request<{ id: string }>) => {
    const update = await store.getUpdate(req.params.id);
    const allowed = await canView(access, req, update && events.find(update.event));
    if (!update || !allowed) throw AppError.notFound(`Update "${req.params.id}"`);
    return update;
  };

  /** An event's timeline, newest first, one page at a time. */
  const timeline: BySlug = async (req, res) => {
    const event = await viewableEvent(access, events, req, req.params.slug);
    const query = parseInput(updatesQuerySchema, req.query);
    events.checkTopics(event, query.topics);
    res.json(await store.listUpdates(event.config.slug, query));
  };

  /** POST one update (201, or 200 with the existing one when it is a duplicate) or a batch. */
  const post: BySlug = async (req, res) => {
    const body: unknown = req.body;
    if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new AppError('invalid_input', 'Send one update or { "items": [...] } as a JSON object', {
        issues: [{ path: '(root)', message: 'Expected a JSON object with Content-Type: application/json' }],
      });
    }
    if ('items' in body) {
      const { items } = parseInput(batchInputSchema, body);
      const results = await updates.ingestBatch(req.params.slug, items, actorName(actorOf(res)));
      for (const result of results) metrics.ingested(req.params.slug, 'api', result);
      res.json({ results });
      return;
    }
    const { update, created } = await updates.ingest(req.params.slug, body, {}, actorName(actorOf(res)));
    metrics.ingested(update.event, 'api', { status: created ? 'created' : 'duplicate' });
    res.status(created ? 201 : 200).json(update);
  };

  const read: ById = async (req, res) => {
    res.json(await visible(req));
  };
  const versions: ById = async (req, res) => {
    await visible(req);
    res.json({ items: await updates.versions(req.params.id) });
  };
  const correct: ById = async (req, res) => {
    res.json(
      await updates.correct(
        req.params.id,
        withIfMatch(req.body, req.get('if-match')),
        actorName(actorOf(res)),
      ),
    );
  };
  const retract: ById = async (req, res) => {
    res.json(await updates.retract(req.params.id, req.body, actorName(actorOf(res))));
  };

  return { timeline, post, read, versions, correct, retract };
}

/**
 * `If-Match: "3"` (or `W/"3"`) says which version a PATCH was based on, as the body's `version` does;
 * the body's wins when both are sent.
 */
function withIfMatch(body: unknown, ifMatch: string | undefined): unknown {
  const version = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch?.trim() ?? '')?.[1];
  if (!version || typeof body !== 'object' || body === null || 'version' in body) return body;
  return { ...body, version: Number(version) };
}
