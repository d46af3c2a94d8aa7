import { actorName } from '../accounts/audit.js';
import type { Request, RequestHandler } from 'express';
import type { Access } from '../access/access.js';
import { actorOf, canView, viewableEvent } from '../access/guards.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import type { StoryService } from './service.js';

type ById = RequestHandler<{ id: string }>;
type BySlug = RequestHandler<{ slug: string }>;

/** Stories (reports of one development): find, read one; split or merge. Paths and guards are in routes.ts. */
export function storyHandlers(deps: { stories: StoryService; events: EventCatalog; access: Access }) {
  const { stories, events, access } = deps;
  /** The story, if the caller may see its event (else 404, like a missing one). */
  const visible = async (req: Request<{ id: string }>) => {
    const story = await stories.story(req.params.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
    const allowed = await canView(access, req, story && events.find(story.members[0]?.event ?? ''));
    if (!story || !allowed) throw AppError.notFound(`Story "${req.params.id}"`);
    return story;
  };
  const read: ById = async (req, res) => {
    res.json(await visible(req));
  };
  /** An event's stories matching `q` (the console's "Join with another story…"). */
  const search: BySlug = async (req, res) => {
    const event = await viewableEvent(access, events, req, req.params.slug);
    res.json({ items: await stories.search(event.config.slug, req.query) });
  };
  const split: ById = async (req, res) => {
    res.json(await stories.split(req.params.id, req.body, actorName(actorOf(res))));
  };
  const merge: ById = async (req, res) => {
    res.json(await stories.merge(req.params.id, req.body, actorName(actorOf(res))));
  };
  return { search, read, split, merge };
}
