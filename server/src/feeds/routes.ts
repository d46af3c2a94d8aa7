import { randomUUID } from 'node:crypto';
import {
  roleAllows,
  sourceInputSchema,
  sourcePatchSchema,
  sourceTestSchema,
  type SourceErrorKind,
  type SourceTestResult,
} from '@dayline/shared';
import type { RequestHandler } from 'express';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { EventCatalog } from '../events/catalog.js';
import { sourceView } from './feed-store.js';
import type { Store } from '../store/store.js';
import type { Access } from '../access/access.js';
import { actorOf, presentedToken, viewableEvent } from '../access/guards.js';
import { parseInput } from '../validate.js';
import { fetchFeed, type FetchOptions } from './fetch-feed.js';
import { FeedParseError, parseFeed } from './parse-feed.js';

interface Deps {
  store: Store;
  access: Access;
  events: EventCatalog;
  clock: Clock;
  /** The event's feeds changed: consoles at its desk read them again. */
  feedsChanged?: (event: string) => void;
  /** The poller's fetch settings (the SSRF policy included): a test fetches exactly as a poll would. */
  feedFetch?: Partial<Omit<FetchOptions, 'now'>>;
}

/**
 * People manage feeds from the editor role up (the console); machines still need a token with the
 * admin scope, as before: an ingest token posts updates, it does not choose what the server fetches.
 */
export const feedManagers: RequestHandler = (_req, res, next) => {
  const actor = actorOf(res);
  next(
    actor.kind === 'token' && actor.role !== 'admin'
      ? new AppError('forbidden', 'This token lacks the "admin" scope')
      : undefined,
  );
};

/** What an operator or editor can do about each kind of failure, in words. */
export const feedFailureHints: Record<SourceErrorKind, string> = {
  refused:
    'Feeds may not reach private, loopback or link-local addresses (a guard against server-side request forgery). ' +
    'An operator who trusts the network can allow them with DAYLINE_ALLOW_PRIVATE_FEEDS=on, then restart.',
  dns: 'The host name does not resolve: check its spelling.',
  connection: 'Nothing answered at that address: the site may be down, or the port closed.',
  timeout: 'The site took too long to answer. Try again later, or ask the outlet.',
  tls: 'The site’s certificate is not valid (expired, self-signed, or for another name).',
  http: 'The site answered with an error. Check the address, or whether it needs a login.',
  redirect: 'The address redirects too often, or to a place feeds may not go.',
  gone: 'The outlet has removed this feed (410 Gone).',
  too_large: 'The feed is larger than Dayline accepts (5 MB).',
  not_a_feed: 'That page is not an RSS, Atom or JSON feed. Look for the feed link on the outlet’s site.',
  internal: 'Something went wrong on the server; see its log.',
};

/**
 * Feeds (polled sources; /api/sources on the wire): an event's list with their health (details for
 * admins); add, change or remove one. Paths and guards are in routes.ts.
 */
export function feedHandlers({ store, events, access, clock, feedsChanged, feedFetch }: Deps) {
  const changed = (event: string) => feedsChanged?.(event);
  const list: RequestHandler<{ slug: string }> = async (req, res) => {
    const event = await viewableEvent(access, events, req, req.params.slug);
    // The newsroom's editors manage feeds in the console: they see the details admins' tokens do.
    const editor = req.person !== undefined && roleAllows(req.person.role, 'editor');
    const admin = editor || (await access.allows(presentedToken(req), 'admin'));
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
    changed(source.event);
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
    changed(updated.event);
    res.json(sourceView(updated, { admin: true }));
  };
  const remove: RequestHandler<{ id: string }> = async (req, res) => {
    const source = await find(req.params.id);
    await store.sources.delete(req.params.id);
    changed(source.event);
    res.status(204).end();
  };
  /**
   * POST /api/events/:slug/sources/test { url }: fetches and parses the URL as a poll would (the
   * same SSRF guard and limits), and says what it would yield or why it fails. Nothing is saved.
   */
  const test: RequestHandler<{ slug: string }> = async (req, res) => {
    events.get(req.params.slug);
    const { url } = parseInput(sourceTestSchema, req.body);
    const outcome = await fetchFeed(
      url,
      {},
      { totalTimeoutMs: 15_000, ...feedFetch, now: () => clock.now() },
    );
    const failed = (errorKind: SourceErrorKind, message: string): SourceTestResult => ({
      ok: false,
      errorKind,
      message,
      hint: feedFailureHints[errorKind],
    });
    let result: SourceTestResult;
    if (outcome.kind === 'error') result = failed(outcome.reason, outcome.message);
    else if (outcome.kind === 'gone') result = failed('gone', outcome.message);
    else if (outcome.kind === 'not-modified')
      result = failed('http', 'The site answered 304 to a first request');
    else {
      try {
        const feed = parseFeed(outcome.body, {
          ...(outcome.contentType ? { contentType: outcome.contentType } : {}),
          url: outcome.finalUrl,
          fetchedAt: clock.now(),
        });
        result = {
          ok: true,
          title: feed.title ?? '',
          items: feed.items.length,
          sample: feed.items.slice(0, 5).map((i) => ({ title: i.title, publishedAt: i.publishedAt })),
        };
      } catch (error) {
        if (!(error instanceof FeedParseError)) throw error;
        result = failed('not_a_feed', error.message);
      }
    }
    res.json(result);
  };
  return { list, create, patch, remove, test };
}
