import type { Event } from '@dayline/shared';
import type { Request, RequestHandler } from 'express';
import type { Access } from '../access/access.js';
import { actorOf, mayViewPrivate } from '../access/guards.js';
import { actorName } from '../accounts/audit.js';
import type { Store } from '../store/store.js';
import type { EventCatalog, EventRuntime } from './catalog.js';
import type { EventService } from './service.js';

/** Events over HTTP: the list. Private events need a viewer. Paths are in routes.ts. */
export function eventHandlers(deps: { store: Store; events: EventCatalog; access: Access }) {
  const list: RequestHandler = async (req, res) => {
    res.json((await visibleEvents(deps, req)).map((e) => e.event));
  };
  return { list };
}

/** Events as admins manage them (events/service.ts). Paths and guards are in routes.ts. */
export function eventAdminHandlers({ eventAdmin }: { eventAdmin: EventService }) {
  const definitions: RequestHandler = (_req, res) => {
    res.json({ items: eventAdmin.definitions() });
  };
  const create: RequestHandler = async (req, res) => {
    res.status(201).json(await eventAdmin.create(req.body, actorName(actorOf(res))));
  };
  const change: RequestHandler = async (req, res) => {
    res.json(await eventAdmin.change(req.params.slug as string, req.body, actorName(actorOf(res))));
  };
  const retag: RequestHandler = async (req, res) => {
    res.status(202).json(await eventAdmin.startRetag(req.params.slug as string));
  };
  const retagJob: RequestHandler = async (req, res) => {
    res.json(await eventAdmin.retagJob(req.params.id as string));
  };
  return { definitions, create, change, retag, retagJob };
}

/**
 * The events a request may see, with when each last had an update: private ones only with a
 * viewer token, so they never leak through a list.
 */
export async function visibleEvents(
  { store, events, access }: { store: Store; events: EventCatalog; access: Access },
  req: Request,
): Promise<{ runtime: EventRuntime; event: Event }[]> {
  const viewer = await mayViewPrivate(access, req);
  const visible = events.list().filter((e) => viewer || e.config.visibility === 'public');
  return Promise.all(
    visible.map(async (runtime) => ({
      runtime,
      event: { ...runtime.public, lastPublishedAt: await store.lastPublishedAt(runtime.config.slug) },
    })),
  );
}
