import { isDraftRequest } from '@dayline/shared';
import type { RequestHandler } from 'express';
import { actorOf } from '../access/guards.js';
import type { Metrics } from '../metrics.js';
import { requirePublisher } from './rules.js';
import type { DraftService } from './service.js';

type BySlug = RequestHandler<{ slug: string }>;
type ById = RequestHandler<{ id: string }>;

/**
 * Drafts over HTTP: create one (the updates POST with `status: "draft"` or `publishAt`), list,
 * read, save, submit, delete and publish. Paths and guards are in routes.ts; who may do what to
 * which draft is decided in rules.ts.
 */
export function draftHandlers(deps: { drafts: DraftService; metrics: Metrics }) {
  const { drafts, metrics } = deps;

  /** A draft or scheduled post is answered here; anything else is an update to publish now. */
  const createIfDraft: BySlug = async (req, res, next) => {
    if (!isDraftRequest(req.body)) {
      next();
      return;
    }
    res.status(201).json(await drafts.create(req.params.slug, req.body, actorOf(res)));
  };

  /** Publishing now (the updates POST without a draft) is for editors. */
  const publishersOnly: BySlug = (_req, res, next) => {
    requirePublisher(actorOf(res), 'publish');
    next();
  };

  const list: BySlug = async (req, res) => {
    res.json({ items: await drafts.list(req.params.slug, actorOf(res)) });
  };
  const read: ById = async (req, res) => {
    res.json(await drafts.read(req.params.id, actorOf(res)));
  };
  const save: ById = async (req, res) => {
    res.json(await drafts.save(req.params.id, req.body, actorOf(res)));
  };
  const submit: ById = async (req, res) => {
    res.json(await drafts.submit(req.params.id, actorOf(res)));
  };
  const remove: ById = async (req, res) => {
    res.json(await drafts.remove(req.params.id, actorOf(res)));
  };
  const publish: ById = async (req, res) => {
    const { update, created } = await drafts.publish(req.params.id, actorOf(res));
    if (created) metrics.ingested(update.event, 'api', { status: 'created' });
    res.status(created ? 201 : 200).json(update);
  };

  return { createIfDraft, publishersOnly, list, read, save, submit, remove, publish };
}
