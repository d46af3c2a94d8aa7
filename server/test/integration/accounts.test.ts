import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import type { Role, SessionInfo } from '@dayline/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/accounts/passwords.js';
import { offerSetup } from '../../src/accounts/setup.js';
import { runSql } from './databases.js';
import { anUpdate, startServer, token, type TestServer } from './helpers.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const password = 'correct horse battery';

async function addUser(name: string, role: Role) {
  const passwordHash = await hashPassword(password);
  await server.store.users.create({
    id: randomUUID(),
    name,
    role,
    passwordHash,
    at: new Date().toISOString(),
  });
}

function signIn(name: string, pass = password, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name, password: pass }),
  });
}

/** A signed-in browser: its cookie and CSRF token. */
async function browser(name: string): Promise<{ cookie: string; csrf: string; response: Response }> {
  const response = await signIn(name);
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await response.json()) as SessionInfo;
  return { cookie, csrf: csrfToken, response };
}

const postAs = (who: { cookie: string; csrf?: string }, body: unknown = anUpdate()) =>
  fetch(`${server.url}/api/events/test-war/updates`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: who.cookie,
      ...(who.csrf ? { 'x-csrf-token': who.csrf } : {}),
    },
    body: JSON.stringify(body),
  });

const sessionOf = (cookie: string) => fetch(`${server.url}/api/session`, { headers: { cookie } });

describe('newsroom accounts', () => {
  it('signs in with a name and password: an HttpOnly, SameSite=Lax session cookie and a CSRF token', async () => {
    await addUser('ana', 'editor');
    const { cookie, csrf, response } = await browser('ana');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^dayline\.sid=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(csrf.length).toBeGreaterThan(20);

    const current = await sessionOf(cookie);
    expect(current.status).toBe(200);
    expect(await current.json()).toEqual({ user: { name: 'ana', role: 'editor' }, csrfToken: csrf });
    expect((await fetch(`${server.url}/api/session`)).status).toBe(401);
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    await addUser('ana', 'editor');
    const response = await signIn('ana', password, { 'x-forwarded-proto': 'https' });
    expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('gives a wrong name and a wrong password the same answer', async () => {
    await addUser('ana', 'editor');
    const wrongPassword = await signIn('ana', 'not the password');
    const wrongName = await signIn('nobody', password);
    expect(wrongPassword.status).toBe(401);
    expect(wrongName.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await wrongName.json());
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('limits failed sign-ins per name with 429 and Retry-After', async () => {
    await addUser('ana', 'editor');
    for (let i = 0; i < 10; i++) expect((await signIn('ana', `guess ${i}`)).status).toBe(401);
    const limited = await signIn('ana', password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another name from the same address is not locked out by them.
    await addUser('bo', 'editor');
    expect((await signIn('bo')).status).toBe(200);
  });

  it('lets an editor publish by cookie only with the CSRF token; a contributor may not publish', async () => {
    await addUser('ana', 'editor');
    await addUser('cy', 'contributor');
    const editor = await browser('ana');
    expect((await postAs(editor)).status).toBe(201);

    const withoutToken = await postAs({ cookie: editor.cookie });
    expect(withoutToken.status).toBe(403);
    expect(((await withoutToken.json()) as { error: { code: string } }).error.code).toBe('csrf');
    expect((await postAs({ cookie: editor.cookie, csrf: 'forged' })).status).toBe(403);

    const contributor = await browser('cy');
    const refused = await postAs(contributor);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    // Nothing of the refused writes was stored.
    const page = (await (await fetch(`${server.url}/api/events/test-war/updates`)).json()) as {
      items: unknown[];
    };
    expect(page.items).toHaveLength(1);
  });

  // Issue 17: editors manage the event's feeds in the console too; contributors do not.
  it('keeps feeds to editors and admins, and bearer tokens working as before', async () => {
    await addUser('cara', 'contributor');
    await addUser('ana', 'editor');
    await addUser('root', 'admin');
    const addFeed = (url: string, headers: Record<string, string>) =>
      fetch(`${server.url}/api/events/test-war/sources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'Wire', url }),
      });
    const contributor = await browser('cara');
    const refused = await addFeed('http://127.0.0.1:9/a.xml', {
      cookie: contributor.cookie,
      'x-csrf-token': contributor.csrf,
    });
    expect(refused.status).toBe(403);
    const editor = await browser('ana');
    expect(
      (await addFeed('http://127.0.0.1:9/b.xml', { cookie: editor.cookie, 'x-csrf-token': editor.csrf }))
        .status,
    ).toBe(201);
    const admin = await browser('root');
    expect(
      (await addFeed('http://127.0.0.1:9/c.xml', { cookie: admin.cookie, 'x-csrf-token': admin.csrf }))
        .status,
    ).toBe(201);
    expect((await server.post(anUpdate(), { token })).status).toBe(201);
    expect((await server.post(anUpdate(), { token: 'not-a-token' })).status).toBe(401);
  });

  it('ends a session on sign-out, on the server: the old cookie no longer works', async () => {
    await addUser('ana', 'editor');
    const editor = await browser('ana');
    const out = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf },
    });
    expect(out.status).toBe(204);
    expect((await sessionOf(editor.cookie)).status).toBe(401);
    expect((await postAs(editor)).status).toBe(401);
  });

  it('signs a disabled user out everywhere, and a role change applies at once', async () => {
    await addUser('ana', 'editor');
    const editor = await browser('ana');
    await server.store.users.setRole('ana', 'contributor');
    expect((await postAs(editor)).status).toBe(403);
    await server.store.users.disable('ana', new Date().toISOString());
    expect((await sessionOf(editor.cookie)).status).toBe(401);
    expect((await signIn('ana')).status).toBe(401);
  });

  it('never gives a reader a cookie', async () => {
    for (const path of ['/api/events', '/api/events/test-war/updates', '/api/session']) {
      expect((await fetch(`${server.url}${path}`)).headers.get('set-cookie'), path).toBeNull();
    }
  });
});

describe("admins' pages: users and tokens", () => {
  it('lets an admin create, promote and disable users, and issue and revoke tokens; nobody else', async () => {
    await addUser('root', 'admin');
    await addUser('ana', 'editor');
    const admin = await browser('root');
    const editor = await browser('ana');
    const as = (who: { cookie: string; csrf: string }, method: string, path: string, body?: object) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    const created = await as(admin, 'POST', '/api/users', { name: 'cy', role: 'contributor', password });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'cy', role: 'contributor', disabledAt: null });
    expect((await as(admin, 'POST', '/api/users', { name: 'cy', role: 'editor', password })).status).toBe(
      409,
    );
    expect((await as(editor, 'POST', '/api/users', { name: 'dan', role: 'admin', password })).status).toBe(
      403,
    );
    expect((await as(editor, 'GET', '/api/users')).status).toBe(403);
    // Nobody promotes themselves.
    expect((await as(editor, 'PATCH', '/api/users/ana', { role: 'admin' })).status).toBe(403);

    const contributor = await browser('cy');
    expect((await postAs(contributor)).status).toBe(403);
    expect((await as(admin, 'PATCH', '/api/users/cy', { role: 'editor' })).status).toBe(200);
    expect((await postAs(contributor)).status).toBe(201);
    expect((await as(admin, 'PATCH', '/api/users/cy', { disabled: true })).status).toBe(200);
    expect((await postAs(contributor)).status).toBe(401);
    const listed = (await (await as(admin, 'GET', '/api/users')).json()) as { items: { name: string }[] };
    expect(listed.items.map((u) => u.name)).toEqual(['ana', 'cy', 'root']);
    expect(JSON.stringify(listed)).not.toContain('argon2');

    const issued = await as(admin, 'POST', '/api/tokens', { name: 'wire-bot', scopes: ['ingest'] });
    expect(issued.status).toBe(201);
    const { token: botToken } = (await issued.json()) as { token: string };
    expect((await server.post(anUpdate(), { token: botToken })).status).toBe(201);
    const tokens = await (await as(admin, 'GET', '/api/tokens')).text();
    expect(tokens).toContain('wire-bot');
    expect(tokens).not.toContain(botToken);
    expect((await as(admin, 'DELETE', '/api/tokens/wire-bot')).status).toBe(200);
    expect((await server.post(anUpdate(), { token: botToken })).status).toBe(401);

    // Recorded once each answer has gone out (accounts/audit.ts `audited`), so it may land just after.
    const byRoot = async () =>
      (await server.store.audit.list({ limit: 20 })).items
        .filter((e) => e.actor === 'root')
        .map((e) => [e.action, e.target]);
    await expect.poll(byRoot, { timeout: 5000 }).toEqual([
      ['token.revoke', 'wire-bot'],
      ['token.create', 'wire-bot'],
      ['user.change', 'cy'],
      ['user.change', 'cy'],
      ['user.create', 'cy'],
      ['sign-in', null],
    ]);
  });
});

describe('the audit log', () => {
  interface Entry {
    actor: string;
    action: string;
    event: string | null;
    target: string | null;
    details: unknown;
  }
  const read = async (who: { cookie: string }, query = '') => {
    const response = await fetch(`${server.url}/api/audit${query}`, { headers: { cookie: who.cookie } });
    return {
      status: response.status,
      body: (await response.json()) as { items: Entry[]; next: number | null },
    };
  };

  it('records who published, corrected, pinned and retracted what, newest first, for admins only', async () => {
    await addUser('ana', 'editor');
    await addUser('root', 'admin');
    const editor = await browser('ana');
    const input = anUpdate();
    const published = (await (await postAs(editor, input)).json()) as { id: string };
    // Sent again: a duplicate, which published nothing and is not in the log.
    expect((await postAs(editor, input)).status).toBe(200);
    const patch = (body: object) =>
      fetch(`${server.url}/api/updates/${published.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: editor.cookie, 'x-csrf-token': editor.csrf },
        body: JSON.stringify(body),
      });
    expect((await patch({ title: 'A corrected headline', correctionNote: 'Typo.' })).status).toBe(200);
    expect((await patch({ pinned: true })).status).toBe(200);
    const retracted = await fetch(`${server.url}/api/updates/${published.id}`, {
      method: 'DELETE',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf },
    });
    expect(retracted.status).toBe(200);
    await server.post({ items: [anUpdate(), anUpdate(), { title: '' }] });
    // A refused write leaves no entry.
    expect((await postAs({ cookie: editor.cookie })).status).toBe(403);

    const admin = await browser('root');
    const { status, body } = await read(admin);
    expect(status).toBe(200);
    expect(body.items.map((e) => [e.actor, e.action])).toEqual([
      ['root', 'sign-in'],
      ['token', 'publish'],
      ['ana', 'retract'],
      ['ana', 'pin'],
      ['ana', 'correct'],
      ['ana', 'publish'],
      ['ana', 'sign-in'],
    ]);
    expect(body.items[1]).toMatchObject({ event: 'test-war', details: { created: 2, rejected: 1 } });
    expect(body.items[2]).toMatchObject({ event: 'test-war', target: published.id });

    const mine = await read(admin, '?user=ana&action=publish');
    expect(mine.body.items.map((e) => e.target)).toEqual([published.id]);
    const first = await read(admin, '?limit=3');
    expect(first.body.items).toHaveLength(3);
    const rest = await read(admin, `?limit=10&before=${first.body.next}`);
    expect(rest.body.items.map((e) => e.action)).toEqual(['pin', 'correct', 'publish', 'sign-in']);

    expect((await read(editor)).status).toBe(403);
    expect((await fetch(`${server.url}/api/audit`)).status).toBe(401);
  });
});

describe('the audit entry of a write', () => {
  it("is written in the write's own transaction: a write that cannot record it does not happen", async () => {
    const published = (await (await server.post(anUpdate({ title: 'Convoy reaches the city' }))).json()) as {
      id: string;
    };
    const correct = (title: string) =>
      fetch(`${server.url}/api/updates/${published.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title }),
      });
    await runSql(server.databaseUrl, 'ALTER TABLE audit RENAME TO audit_away');
    try {
      expect((await correct('Convoy of 40 trucks reaches the city')).status).toBe(500);
    } finally {
      await runSql(server.databaseUrl, 'ALTER TABLE audit_away RENAME TO audit');
    }
    const after = (await (await fetch(`${server.url}/api/updates/${published.id}`)).json()) as {
      title: string;
      version: number;
    };
    expect(after).toMatchObject({ title: 'Convoy reaches the city', version: 1 });

    // With the log back, the same correction commits with its entry, readable at once.
    expect((await correct('Convoy of 40 trucks reaches the city')).status).toBe(200);
    // A save that changes nothing is no write, and no entry.
    expect((await correct('Convoy of 40 trucks reaches the city')).status).toBe(200);
    const entries = await server.store.audit.list({ limit: 10 });
    expect(entries.items.map((e) => [e.action, e.target])).toEqual([
      ['correct', published.id],
      ['publish', published.id],
    ]);
  });
});

describe('the setup link of a fresh install', () => {
  const setUp = (body: object) =>
    fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates the first admin once, signed in at once; then there is no link', async () => {
    const setupToken = server.app.setupToken as string;
    expect(setupToken).toBeTruthy();
    expect((await setUp({ token: 'wrong', name: 'root', password })).status).toBe(401);
    const weak = await setUp({ token: setupToken, name: 'root', password: 'short' });
    expect(weak.status).toBe(400);

    const created = await setUp({ token: setupToken, name: 'root', password });
    expect(created.status).toBe(201);
    expect(((await created.json()) as SessionInfo).user).toEqual({ name: 'root', role: 'admin' });
    const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect((await sessionOf(cookie)).status).toBe(200);

    expect((await setUp({ token: setupToken, name: 'intruder', password })).status).toBe(401);
    expect(await offerSetup(server.store, new Date())).toBeUndefined();
  });

  it('stops working after 24 hours', async () => {
    const setupToken = server.app.setupToken as string;
    server.clock.set(new Date(server.clock.now().getTime() + 25 * 3600_000).toISOString());
    expect((await setUp({ token: setupToken, name: 'root', password })).status).toBe(401);
  });
});

describe('npm run user', () => {
  const serverDir = fileURLToPath(new URL('../..', import.meta.url));
  const user = (input: string, ...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const { DAYLINE_CONFIG: _ignored, ...env } = process.env;
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/user.ts', ...args],
        { cwd: serverDir, env: { ...env, DATABASE_URL: server.databaseUrl } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
      child.stdin?.end(input);
    });

  it('creates a user from a password on standard input, who can then sign in', async () => {
    const created = await user(
      `${password}\n`,
      'create',
      '--name',
      'dee',
      '--role',
      'admin',
      '--password-stdin',
    );
    expect(created).toMatchObject({ code: 0, stdout: 'Created admin "dee"\n' });
    expect((await signIn('dee')).status).toBe(200);
    expect((await user('', 'list')).stdout).toMatch(/^dee\tadmin\t/);

    const short = await user('short\n', 'reset-password', 'dee', '--password-stdin');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 10 characters');
    expect((await user('', 'set-role', 'dee', '--role', 'boss')).stderr).toContain('Unknown role "boss"');
    expect((await user('', 'disable', 'dee')).code).toBe(0);
    expect((await signIn('dee')).status).toBe(401);
    const entries = await server.store.audit.list({ limit: 10 });
    expect(entries.items.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['cli', 'user.disable', 'dee'],
      ['dee', 'sign-in', null],
      ['cli', 'user.create', 'dee'],
    ]);
  });

  it('refuses a password given any way but standard input', async () => {
    const refused = await user('', 'create', '--name', 'eve', '--role', 'editor');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--password-stdin');
  });
});
