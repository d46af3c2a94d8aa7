import { fileURLToPath } from 'node:url';
import type { Role, TrainingRun, TrainingRuns, Update } from '@dayline/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventConfigSchema } from '../../src/config.js';
import {
  anUpdate,
  requestAs,
  signedInPerson,
  startServer,
  testEvent,
  type SignedIn,
  type TestServer,
} from './helpers.js';

// Training runs of an event's topic model (issue 19): admins retrain by hand, the server retrains
// after N new editor topic decisions, each run is recorded with its metrics, and the model of the
// newest run that succeeded is the one the server uses. The real embedding model (loaded once, by
// the one server of this file) and a small labelled set of 30 updates for the test event.
const labels = fileURLToPath(new URL('../fixtures/training-small.json', import.meta.url));
/** An event whose only topic nothing labels: its runs fail. */
const quietEvent = eventConfigSchema.parse({
  ...testEvent,
  slug: 'quiet-war',
  title: 'Quiet war',
  topics: [{ id: 'sport', label: 'Sport', color: '#15803d', keywords: ['football'] }],
});
const retrainAfter = 3;

let server: TestServer;
const people = new Map<Role, SignedIn>();

beforeAll(async () => {
  server = await startServer(
    { events: [testEvent, quietEvent], training: { retrainAfter, labels, splits: ['dev'] } },
    { retrainCheckMs: 100 },
  );
  for (const role of ['contributor', 'editor', 'admin'] as const)
    people.set(role, await signedInPerson(server, role));
}, 30_000);
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, role?: Role, body?: unknown) =>
  requestAs(server, role ? people.get(role) : undefined, method, path, body);

const runsOf = async (slug = testEvent.slug) => {
  const response = await call('GET', `/api/events/${slug}/training-runs`, 'admin');
  expect(response.status).toBe(200);
  return (await response.json()) as TrainingRuns;
};

/** Polls the list, as the console does, until the run has ended. */
async function ended(id: number, slug = testEvent.slug): Promise<TrainingRun> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = (await runsOf(slug)).runs.find((r) => r.id === id);
    if (run && run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`run ${id} still running`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('training runs', () => {
  it('refuses readers and contributors; editors read the runs, only admins start one', async () => {
    const path = `/api/events/${testEvent.slug}/training-runs`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', path, 'contributor')).status).toBe(403);
    expect((await call('GET', path, 'editor')).status).toBe(200);
    for (const [role, status] of [
      [undefined, 401],
      ['contributor', 403],
      ['editor', 403],
    ] as const) {
      const response = await call('POST', path, role, {});
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        status === 401 ? 'unauthorized' : 'forbidden',
      );
    }
    expect((await runsOf()).runs).toEqual([]);
    expect((await call('POST', `/api/events/no-such-war/training-runs`, 'admin', {})).status).toBe(404);
    expect((await call('POST', path, 'admin', { epochs: 3 })).status).toBe(400);
  });

  it('retrains when an admin asks, refuses a second run meanwhile, and records the metrics', async () => {
    const path = `/api/events/${testEvent.slug}/training-runs`;
    const response = await call('POST', path, 'admin', {});
    expect(response.status).toBe(202);
    const started = (await response.json()) as TrainingRun;
    expect(started).toMatchObject({
      event: 'test-war',
      trigger: 'admin',
      status: 'running',
      finishedAt: null,
    });
    expect(started.actor).toMatch(/^admin-/);

    const again = await call('POST', path, 'admin', {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');

    const run = await ended(started.id);
    expect(run.status).toBe('succeeded');
    expect(run).toMatchObject({ examples: 30, labelledUpdates: 30, editorUpdates: 0, editorDecisions: 0 });
    expect(run.splits).toEqual(['dev']);
    expect(run.version).toMatch(/^[0-9a-f]{12}$/);
    expect(Object.keys(run.topics)).toEqual(['military', 'diplomacy', 'energy']);
    expect(run.topics.military).toMatchObject({ positives: 10, labelled: 30 });
    for (const topic of Object.values(run.topics)) {
      expect(topic.crossValidated.f1).toBeGreaterThan(0);
      expect(topic.add).toBeGreaterThan(0);
    }
    expect(run.crossValidated!.f1).toBeGreaterThan(0.5);
    expect(run.durationMs).toBeGreaterThan(0);

    const list = await runsOf();
    expect(list.currentRun).toBe(run.id);
    expect(list.retrainAfter).toBe(retrainAfter);
    const model = await call('GET', `/api/events/${testEvent.slug}/topic-model`, 'admin');
    expect(model.status).toBe(200);
    expect(await model.json()).toMatchObject({ run: run.id, data: { updates: 30, editorDecisions: 0 } });
    const audit = (await (await call('GET', '/api/audit?action=event.train', 'admin')).json()) as {
      items: { target: string; event: string }[];
    };
    expect(audit.items[0]).toMatchObject({ target: String(run.id), event: 'test-war' });
  }, 90_000);

  it(`retrains on its own after ${retrainAfter} new editor topic decisions, and the server uses the new model`, async () => {
    const before = (await runsOf()).runs.length;
    const post = async (title: string) =>
      (await (await server.post(anUpdate({ title, summary: 'Reported this morning.' }))).json()) as Update;
    const first = await post('Grid operator and army meet over repairs');
    const second = await post('Envoys travel to the capital');
    const patch = (id: string, topics: string[]) => call('PATCH', `/api/updates/${id}`, 'editor', { topics });
    expect((await patch(first.id, ['military', 'energy'])).status).toBe(200);
    // Two decisions: not yet.
    await new Promise((r) => setTimeout(r, 500));
    const waiting = await runsOf();
    expect(waiting.runs.length).toBe(before);
    expect(waiting.newDecisions).toBe(2);
    expect((await patch(second.id, ['diplomacy'])).status).toBe(200);

    const deadline = Date.now() + 60_000;
    let auto: TrainingRun | undefined;
    while (!auto || auto.status === 'running') {
      if (Date.now() > deadline) throw new Error('no automatic run');
      await new Promise((r) => setTimeout(r, 100));
      auto = (await runsOf()).runs.find((r) => r.trigger === 'auto');
    }
    expect(auto).toMatchObject({
      status: 'succeeded',
      actor: 'auto',
      examples: 32,
      labelledUpdates: 30,
      editorUpdates: 2,
      editorDecisions: 3,
    });
    const list = await runsOf();
    expect(list.runs.length).toBe(before + 1);
    expect(list.newDecisions).toBe(0);
    expect(list.currentRun).toBe(auto.id);
    // The next write's topics are decided with this run's model.
    const current = await server.app.topicModels.current(testEvent.slug);
    expect(current?.runId).toBe(auto.id);
    expect(current?.model.data).toMatchObject({ updates: 32, editorDecisions: 2 });
    expect(current?.model.topics.energy?.weights).toHaveLength(512);

    // No more runs until three more decisions.
    await new Promise((r) => setTimeout(r, 500));
    expect((await runsOf()).runs.length).toBe(before + 1);
  }, 90_000);

  it('records a run that cannot train as failed, and keeps serving', async () => {
    const response = await call('POST', `/api/events/${quietEvent.slug}/training-runs`, 'admin', {});
    expect(response.status).toBe(202);
    const run = await ended(((await response.json()) as TrainingRun).id, quietEvent.slug);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/No topic has both/);
    expect(run.version).toBeNull();
    expect((await runsOf(quietEvent.slug)).currentRun).toBeNull();
    expect((await call('GET', `/api/events/${quietEvent.slug}/topic-model`, 'admin')).status).toBe(404);
    // The event can be trained again: the failed run holds nothing.
    const next = await call('POST', `/api/events/${quietEvent.slug}/training-runs`, 'admin', {});
    expect(next.status).toBe(202);
    await ended(((await next.json()) as TrainingRun).id, quietEvent.slug);
  }, 30_000);
});
