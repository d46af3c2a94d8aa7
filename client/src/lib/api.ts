import {
  firstViewElementId,
  timelinePageSize,
  type Event,
  type FirstView,
  type SourceView,
  type StoryView,
  type UpdatePage,
  type UpdateVersion,
  type Route,
} from '@dayline/shared';
import { credentials } from './credentials.js';

/** A failed request, carrying the server's error code (or a client-side one such as `network`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface ErrorShape {
  error: { code: string; message: string; details?: unknown };
}

function isErrorBody(body: unknown): body is ErrorShape {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    // Live data: a kept copy is used only after the server confirms it is current (a 304 for its
    // ETag), which saves sending an unchanged page again on a slow link.
    // The viewer token (if any) goes with every read: private events answer 404 without it.
    response = await fetch(path, {
      headers: { accept: 'application/json', ...credentials.headers() },
      cache: 'no-cache',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'Could not reach the server. Check your connection.', 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(body)) {
      const { code, message, details } = body.error;
      throw new ApiError(code, message, response.status, details);
    }
    throw new ApiError('http_error', `The server answered ${response.status}.`, response.status);
  }
  if (body === undefined) {
    throw new ApiError('invalid_response', 'The server sent an unreadable answer.', response.status);
  }
  return body as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const topicsParam = (topics: readonly string[]) => (topics.length ? topics.join(',') : undefined);
const eventPath = (slug: string) => `/api/events/${encodeURIComponent(slug)}`;

export function fetchEvents(signal?: AbortSignal): Promise<Event[]> {
  return getJson<Event[]>('/api/events', signal);
}

/** The first view the server rendered the page from, taken out of the page (once). */
export function takeFirstViewInPage(): FirstView | null {
  const element = document.getElementById(firstViewElementId);
  if (!element) return null;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? '') as FirstView;
  } catch {
    return null;
  }
}

/**
 * Everything the first render of a route needs, in one request: the events, and the event's first
 * page, day counts and key events for the route's filters and starting point. `limit`: the first
 * page's size (the embed shows fewer).
 */
export function fetchFirstView(
  route: Route,
  signal?: AbortSignal,
  limit = timelinePageSize,
): Promise<FirstView> {
  const { filters, target } = route;
  const search = query({
    event: route.slug ?? undefined,
    topics: topicsParam(filters.topics),
    q: filters.q,
    source: filters.source,
    day: target.kind === 'day' ? target.day : undefined,
    update: target.kind === 'update' ? target.id : undefined,
    limit,
  });
  return getJson<FirstView>(`/api/first-view${search}`, signal);
}

export interface ListFilters {
  topics: readonly string[];
  q?: string;
  source?: string;
}

export interface UpdatesOptions extends ListFilters {
  before?: string | null;
  /** The page just newer than this token (a page's `newer`). */
  after?: string | null;
  signal?: AbortSignal;
}

/**
 * One page, newest first; `next` is the token for the next older page, null at the start; `newer`
 * the next newer page's, on a page that does not reach the newest update.
 */
export function fetchUpdates(slug: string, options: UpdatesOptions): Promise<UpdatePage> {
  const search = query({
    topics: topicsParam(options.topics),
    q: options.q,
    source: options.source,
    before: options.before ?? undefined,
    after: options.after ?? undefined,
    limit: timelinePageSize,
  });
  return getJson<UpdatePage>(`${eventPath(slug)}/updates${search}`, options.signal);
}

/** Every kept version of an update, oldest first. */
export async function fetchVersions(id: string, signal?: AbortSignal): Promise<UpdateVersion[]> {
  const body = await getJson<{ items: UpdateVersion[] }>(
    `/api/updates/${encodeURIComponent(id)}/versions`,
    signal,
  );
  return body.items;
}

/** The feeds an event follows and their health. */
export function fetchSources(slug: string, signal?: AbortSignal): Promise<SourceView[]> {
  return getJson<SourceView[]>(`${eventPath(slug)}/sources`, signal);
}

/** A story of similar coverage with its members, oldest first. */
export function fetchStory(id: string, signal?: AbortSignal): Promise<StoryView> {
  return getJson<StoryView>(`/api/stories/${encodeURIComponent(id)}`, signal);
}

/** A sentence for the reader, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}
