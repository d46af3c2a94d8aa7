import type {
  AuditEntry,
  Draft,
  DraftList,
  DraftSave,
  EventDefinition,
  EventInput,
  EventPatch,
  QueueApprove,
  QueueDiscarded,
  QueuePage,
  RetagJob,
  SourceInput,
  SourcePatch,
  SourceTestResult,
  SourceView,
  Role,
  SessionInfo,
  StorySummary,
  StoryView,
  TokenScope,
  TokenView,
  TrainingRun,
  TrainingRuns,
  Update,
  UserView,
} from '@dayline/shared';
import { ApiError } from '../lib/api.js';

/** The signed-in session's CSRF token, sent with every write (the cookie alone is refused). */
let csrfToken = '';

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network', 'Could not reach the server. Check your connection.', 0);
  }
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => ({}))) as ErrorBody & T;
  if (!response.ok) {
    const {
      code = 'internal',
      message = `The server answered ${response.status}`,
      details,
    } = parsed.error ?? {};
    throw new ApiError(code, message, response.status, details);
  }
  return parsed;
}

function started(session: SessionInfo): SessionInfo {
  csrfToken = session.csrfToken;
  return session;
}

/** Who is signed in, or null. */
export async function currentSession(): Promise<SessionInfo | null> {
  try {
    return started(await call<SessionInfo>('GET', '/api/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = async (name: string, password: string) =>
  started(await call<SessionInfo>('POST', '/api/session', { name, password }));

export const setUp = async (token: string, name: string, password: string) =>
  started(await call<SessionInfo>('POST', '/api/setup', { token, name, password }));

export const signOut = () => call<void>('DELETE', '/api/session');

export const publish = (slug: string, input: unknown) =>
  call<Update>('POST', `/api/events/${encodeURIComponent(slug)}/updates`, input);

/** A new draft (`status: "draft"`), or a post scheduled for `publishAt` (editors). */
export const createDraft = (slug: string, input: DraftSave) =>
  call<Draft>('POST', `/api/events/${encodeURIComponent(slug)}/updates`, {
    ...input,
    ...(input.publishAt ? {} : { status: 'draft' }),
  });

/** The draft's whole text as it now stands (autosave); `publishAt` schedules it. */
export const saveDraft = (id: string, input: DraftSave) =>
  call<Draft>('PUT', `/api/drafts/${encodeURIComponent(id)}`, input);

export const listDrafts = (slug: string) =>
  call<DraftList>('GET', `/api/events/${encodeURIComponent(slug)}/drafts`);
export const submitDraft = (id: string) =>
  call<Draft>('POST', `/api/drafts/${encodeURIComponent(id)}/submit`);
export const deleteDraft = (id: string) => call<Draft>('DELETE', `/api/drafts/${encodeURIComponent(id)}`);
export const publishDraft = (id: string) =>
  call<Update>('POST', `/api/updates/${encodeURIComponent(id)}/publish`);

export const correct = (id: string, patch: unknown) =>
  call<Update>('PATCH', `/api/updates/${encodeURIComponent(id)}`, patch);

export const retract = (id: string, reason: string) =>
  call<Update>('DELETE', `/api/updates/${encodeURIComponent(id)}`, reason ? { reason } : {});

/** The problems of each field, from a 400's `details.issues` (the shared zod schema's words). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return {};
  const issues =
    (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  return Object.fromEntries(issues.map((issue) => [issue.path.split('.')[0] ?? '', issue.message]));
}

export const listUsers = () => call<{ items: UserView[] }>('GET', '/api/users');
export const createUser = (user: { name: string; role: Role; password: string }) =>
  call<UserView>('POST', '/api/users', user);
export const changeUser = (name: string, patch: { role?: Role; disabled?: true; password?: string }) =>
  call<UserView>('PATCH', `/api/users/${encodeURIComponent(name)}`, patch);
export const listTokens = () => call<{ items: TokenView[] }>('GET', '/api/tokens');
export const createToken = (name: string, scopes: TokenScope[]) =>
  call<TokenView & { token: string }>('POST', '/api/tokens', { name, scopes });
export const revokeToken = (name: string) =>
  call<unknown>('DELETE', `/api/tokens/${encodeURIComponent(name)}`);
export const readAudit = (query: { user?: string; action?: string; before?: number }) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, String(value));
  return call<{ items: AuditEntry[]; next: number | null }>('GET', `/api/audit?${search.toString()}`);
};

export const listEventDefinitions = () => call<{ items: EventDefinition[] }>('GET', '/api/event-definitions');
export const createEvent = (input: EventInput) => call<EventDefinition>('POST', '/api/events', input);
export const changeEvent = (slug: string, patch: EventPatch) =>
  call<EventDefinition>('PATCH', `/api/events/${encodeURIComponent(slug)}`, patch);
export const startRetag = (slug: string) =>
  call<RetagJob>('POST', `/api/events/${encodeURIComponent(slug)}/retag`);
export const readRetagJob = (id: string) =>
  call<RetagJob>('GET', `/api/retag-jobs/${encodeURIComponent(id)}`);

export const readStory = (id: string) => call<StoryView>('GET', `/api/stories/${encodeURIComponent(id)}`);
/** The event's stories whose reports match `q`, for "Join with another story…". */
export const searchStories = (slug: string, q: string) =>
  call<{ items: StorySummary[] }>(
    'GET',
    `/api/events/${encodeURIComponent(slug)}/stories?${new URLSearchParams({ q, limit: '8' }).toString()}`,
  );
/** These members leave the story and form one of their own (its view is returned). */
export const splitStory = (id: string, members: string[]) =>
  call<StoryView>('POST', `/api/stories/${encodeURIComponent(id)}/split`, { members });
/** The other story's reports join this one. */
export const mergeStories = (id: string, other: string) =>
  call<StoryView>('POST', `/api/stories/${encodeURIComponent(id)}/merge`, { story: other });
/** The event's feeds, with URLs and detailed errors (editors and admins). */
export const listFeeds = (slug: string) =>
  call<SourceView[]>('GET', `/api/events/${encodeURIComponent(slug)}/sources`);
export const addFeed = (slug: string, input: SourceInput) =>
  call<SourceView>('POST', `/api/events/${encodeURIComponent(slug)}/sources`, input);
export const changeFeed = (id: string, patch: SourcePatch) =>
  call<SourceView>('PATCH', `/api/sources/${encodeURIComponent(id)}`, patch);
export const removeFeed = (id: string) => call<void>('DELETE', `/api/sources/${encodeURIComponent(id)}`);
/** Fetches the URL as a poll would, saving nothing: what it would yield, or why it fails. */
export const testFeed = (slug: string, url: string) =>
  call<SourceTestResult>('POST', `/api/events/${encodeURIComponent(slug)}/sources/test`, { url });

/** The incoming queue, newest first. */
export const listQueue = (slug: string, before?: string) =>
  call<QueuePage>(
    'GET',
    `/api/events/${encodeURIComponent(slug)}/queue${before ? `?before=${encodeURIComponent(before)}` : ''}`,
  );
export const approveQueued = (id: string, edits: QueueApprove = {}) =>
  call<Update>('POST', `/api/queue/${encodeURIComponent(id)}/approve`, edits);
export const mergeQueued = (id: string, story: string) =>
  call<Update>('POST', `/api/queue/${encodeURIComponent(id)}/merge`, { story });
export const discardQueued = (id: string, reason?: string) =>
  call<QueueDiscarded>('POST', `/api/queue/${encodeURIComponent(id)}/discard`, reason ? { reason } : {});

export const listTrainingRuns = (slug: string) =>
  call<TrainingRuns>('GET', `/api/events/${encodeURIComponent(slug)}/training-runs`);
export const startTrainingRun = (slug: string) =>
  call<TrainingRun>('POST', `/api/events/${encodeURIComponent(slug)}/training-runs`, {});
