import { randomUUID } from 'node:crypto';
import type { Role, Update } from '@dayline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anUpdate, signedInPerson, startServer, type SignedIn, type TestServer } from './helpers.js';

// Every role boundary of the newsroom, checked on the server: each role × each action is allowed or
// refused (a reader without a session: 401; a signed-in role below the action's: 403 forbidden).
let server: TestServer;
const browsers = new Map<Role, SignedIn>();

beforeAll(async () => {
  server = await startServer();
  for (const role of ['contributor', 'editor', 'admin'] as const)
    browsers.set(role, await signedInPerson(server, role));
});
afterAll(async () => {
  await server?.close();
});

type Who = Role | 'reader';
const who: Who[] = ['reader', 'contributor', 'editor', 'admin'];
const rank: Record<Who, number> = { reader: 0, contributor: 1, editor: 2, admin: 3 };

/** A fresh update for an action to work on, so every role acts on one of its own. */
async function anUpdateId(): Promise<string> {
  const response = await server.post(anUpdate({ title: `Report ${randomUUID()}` }));
  return ((await response.json()) as Update).id;
}

interface Action {
  name: string;
  /** The least role allowed. */
  needs: Role;
  /** Allowed roles get past the guard but the request itself is refused (4xx other than 401/403). */
  refusedPastTheGuard?: boolean;
  request: () => Promise<{ method: string; path: string; body?: unknown }>;
}

const actions: Action[] = [
  {
    name: 'publish an update',
    needs: 'editor',
    request: async () => ({
      method: 'POST',
      path: '/api/events/test-war/updates',
      body: anUpdate({ title: `New ${randomUUID()}` }),
    }),
  },
  {
    name: 'save a draft',
    needs: 'contributor',
    request: async () => ({
      method: 'POST',
      path: '/api/events/test-war/updates',
      body: { ...anUpdate({ title: `Draft ${randomUUID()}` }), status: 'draft' },
    }),
  },
  {
    name: 'list drafts',
    needs: 'contributor',
    request: async () => ({ method: 'GET', path: '/api/events/test-war/drafts' }),
  },
  {
    name: 'correct',
    needs: 'editor',
    request: async () => ({
      method: 'PATCH',
      path: `/api/updates/${await anUpdateId()}`,
      body: { title: `Corrected ${randomUUID()}` },
    }),
  },
  {
    name: 'mark a key event',
    needs: 'editor',
    request: async () => ({
      method: 'PATCH',
      path: `/api/updates/${await anUpdateId()}`,
      body: { pinned: true },
    }),
  },
  {
    name: 'pin to top',
    needs: 'editor',
    request: async () => ({
      method: 'PATCH',
      path: `/api/updates/${await anUpdateId()}`,
      body: { sticky: true },
    }),
  },
  {
    name: 'change topics',
    needs: 'editor',
    request: async () => ({
      method: 'PATCH',
      path: `/api/updates/${await anUpdateId()}`,
      body: { topics: ['energy'] },
    }),
  },
  {
    name: 'retract',
    needs: 'editor',
    request: async () => ({
      method: 'DELETE',
      path: `/api/updates/${await anUpdateId()}`,
      body: { reason: 'Wrong' },
    }),
  },
  {
    name: 'split a story',
    needs: 'editor',
    // A story of one report cannot be split: the guard let the request through to say so.
    refusedPastTheGuard: true,
    request: async () => {
      const id = await anUpdateId();
      return { method: 'POST', path: `/api/stories/${id}/split`, body: { members: [id] } };
    },
  },
  {
    name: 'merge two stories',
    needs: 'editor',
    request: async () => ({
      method: 'POST',
      path: `/api/stories/${await anUpdateId()}/merge`,
      body: { story: await anUpdateId() },
    }),
  },
  {
    name: 'list the incoming queue',
    needs: 'editor',
    request: async () => ({ method: 'GET', path: '/api/events/test-war/queue' }),
  },
  {
    name: 'approve a queued item',
    needs: 'editor',
    // Nothing waits under this id: the guard let the request through to say so.
    refusedPastTheGuard: true,
    request: async () => ({ method: 'POST', path: `/api/queue/${randomUUID()}/approve`, body: {} }),
  },
  {
    name: 'discard a queued item',
    needs: 'editor',
    refusedPastTheGuard: true,
    request: async () => ({ method: 'POST', path: `/api/queue/${randomUUID()}/discard`, body: {} }),
  },
  {
    name: 'merge a queued item',
    needs: 'editor',
    refusedPastTheGuard: true,
    request: async () => ({
      method: 'POST',
      path: `/api/queue/${randomUUID()}/merge`,
      body: { story: randomUUID() },
    }),
  },
  {
    name: 'test a feed URL',
    needs: 'editor',
    request: async () => ({
      method: 'POST',
      path: '/api/events/test-war/sources/test',
      body: { url: 'http://127.0.0.1:9/feed.xml' },
    }),
  },
  {
    name: 'add a feed',
    needs: 'editor',
    request: async () => ({
      method: 'POST',
      path: '/api/events/test-war/sources',
      body: { name: `Feed ${randomUUID()}`, url: `https://feeds.example.org/${randomUUID()}.xml` },
    }),
  },
  {
    name: 'create an event',
    needs: 'admin',
    request: async () => ({
      method: 'POST',
      path: '/api/events',
      body: {
        slug: `storm-${randomUUID().slice(0, 8)}`,
        title: 'Storm on the coast',
        startDate: '2026-12-01',
        timeZone: 'Europe/Lisbon',
        topics: [{ id: 'rescue', label: 'Rescue', color: '#b45309', keywords: ['lifeboat'] }],
      },
    }),
  },
  { name: 'list users', needs: 'admin', request: async () => ({ method: 'GET', path: '/api/users' }) },
  {
    name: 'create a user',
    needs: 'admin',
    request: async () => ({
      method: 'POST',
      path: '/api/users',
      body: { name: `u-${randomUUID().slice(0, 8)}`, role: 'editor', password: 'a long enough password' },
    }),
  },
  { name: 'list tokens', needs: 'admin', request: async () => ({ method: 'GET', path: '/api/tokens' }) },
  {
    name: 'issue a token',
    needs: 'admin',
    request: async () => ({
      method: 'POST',
      path: '/api/tokens',
      body: { name: `t-${randomUUID().slice(0, 8)}`, scopes: ['ingest'] },
    }),
  },
  {
    name: 'read the audit log',
    needs: 'admin',
    request: async () => ({ method: 'GET', path: '/api/audit' }),
  },
];

describe('every role × every action', () => {
  for (const action of actions) {
    for (const role of who) {
      const allowed = rank[role] >= rank[action.needs];
      it(`${action.name}: ${role} ${allowed ? 'may' : 'may not'}`, async () => {
        const { method, path, body } = await action.request();
        const browser = role === 'reader' ? undefined : browsers.get(role);
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(browser ? { cookie: browser.cookie, 'x-csrf-token': browser.csrf } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (allowed && action.refusedPastTheGuard) {
          expect([400, 404]).toContain(response.status);
        } else if (allowed) {
          expect(response.status, await response.clone().text()).toBeLessThan(300);
        } else {
          expect(response.status).toBe(role === 'reader' ? 401 : 403);
          const { error } = (await response.json()) as { error: { code: string } };
          expect(error.code).toBe(role === 'reader' ? 'unauthorized' : 'forbidden');
        }
      });
    }
  }
});
