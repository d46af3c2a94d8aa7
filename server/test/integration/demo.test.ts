import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { demoEvent } from '../../src/demo/event.js';
import { DemoSimulator } from '../../src/demo/simulator.js';
import { demoUpdates } from '../../src/demo/updates.js';
import { eventConfigSchema } from '../../src/config.js';
import { startServer, type TestServer } from './helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const demo = eventConfigSchema.parse(demoEvent);

describe('demo', () => {
  it('loads about 200 updates over the first 30 days once, and not again on restart', async () => {
    server = await startServer({ demo: true, events: [demo] });
    expect(await server.store.countUpdates('ukraine-war')).toBe(demoUpdates.length);
    const days = await server.store.countDays('ukraine-war', {});
    expect(days.map((d) => d.day).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // Every demo topic is used.
    const used = new Set(days.flatMap((d) => Object.keys(d.topics)));
    expect([...used].sort()).toEqual(demo.topics.map((t) => t.id).sort());
  });

  it('the simulator posts new updates now, through the pipeline, so they go live', async () => {
    server = await startServer({ demo: false, events: [demo] });
    server.clock.set('2026-11-24T09:00:00Z');
    const socket = await server.socket();
    await socket.emitWithAck('subscribe', { event: 'ukraine-war' });
    const arrived = new Promise((resolve) => socket.once('update:new', resolve));
    const simulator = new DemoSimulator({
      event: 'ukraine-war',
      updates: server.app.updates,
      clock: server.clock,
      logger: pino({ level: 'silent' }),
      minDelayMs: 10,
      maxDelayMs: 20,
    });
    simulator.start();
    await expect(arrived).resolves.toMatchObject({ publishedAt: '2026-11-24T09:00:00.000Z', day: 1735 });
    simulator.stop();
    expect(await server.store.countUpdates('ukraine-war')).toBeGreaterThanOrEqual(1);
  });
});
