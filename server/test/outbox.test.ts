import { describe, expect, it } from 'vitest';
import { Outbox } from '../src/live/outbox.js';

describe('Outbox', () => {
  it('sends a few messages at once, within the call that queued them', () => {
    // A budget no pause of a loaded machine reaches: what is tested is the order, not the 4 ms.
    const outbox = new Outbox(10_000);
    const sent: number[] = [];
    outbox.push(() => sent.push(1));
    outbox.push(() => sent.push(2));
    expect(sent).toEqual([1, 2]);
  });

  it('sends a long run over several turns of the event loop, in order, and says when it is done', async () => {
    // A budget of 0 ms: one message per turn.
    const outbox = new Outbox(0);
    const sent: number[] = [];
    outbox.push(() => {
      sent.push(0);
      // Queued while sending: behind what is already queued.
      for (let i = 1; i <= 5; i++) outbox.push(() => sent.push(i));
    });
    expect(sent).toEqual([0]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent.length).toBeLessThan(6);
    await outbox.flushed();
    expect(sent).toEqual([0, 1, 2, 3, 4, 5]);
    outbox.push(() => sent.push(6));
    expect(sent).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('cuts a long run of messages queued one after another (a batch published) into slices', async () => {
    const outbox = new Outbox(2);
    const sent: number[] = [];
    const slowSend = (i: number) => () => {
      const until = performance.now() + 0.25;
      while (performance.now() < until);
      sent.push(i);
    };
    for (let i = 0; i < 100; i++) outbox.push(slowSend(i));
    // 2 ms of 25 ms of sending went out at once; the rest waits for later turns.
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(20);
    let turns = 0;
    while (sent.length < 100) {
      await new Promise((resolve) => setImmediate(resolve));
      turns += 1;
    }
    expect(turns).toBeGreaterThan(5);
    expect(sent).toEqual([...Array(100).keys()]);
  });
});
