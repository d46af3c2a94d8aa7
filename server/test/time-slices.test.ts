import { describe, expect, it } from 'vitest';
import { SliceQueue, TimeSlices } from '../src/time-slices.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('background slices', () => {
  it('goes straight on within a slice, and waits for a later turn once the slice is spent', async () => {
    // Whether a pause is over within a few microtasks, that is, in the same turn of the event loop.
    const goesStraightOn = async (slices: TimeSlices) => {
      let over = false;
      const pause = slices.pause().then(() => (over = true));
      await Promise.resolve();
      await Promise.resolve();
      const straight = over;
      await pause;
      return straight;
    };
    expect(await goesStraightOn(new TimeSlices(1_000, new SliceQueue()))).toBe(true);
    expect(await goesStraightOn(new TimeSlices(0, new SliceQueue()))).toBe(false);
  });

  it('lets one job go on per turn of the event loop, taking turns, however many jobs wait', async () => {
    const queue = new SliceQueue();
    const ran: string[] = [];
    let turn = 0;
    const job = async (name: string) => {
      // A budget of 0 ms: every pause waits for a slice of its own.
      const slices = new TimeSlices(0, queue);
      for (let step = 0; step < 3; step++) {
        await slices.pause();
        ran.push(`${turn} ${name}`);
      }
    };
    let counting = true;
    const counter = (async () => {
      while (counting) {
        await nextTurn();
        turn += 1;
      }
    })();
    await Promise.all([job('a'), job('b'), job('c')]);
    counting = false;
    await counter;
    // In the order they asked, round and round, and never two in one turn.
    expect(ran.map((r) => r.split(' ')[1]).join('')).toBe('abcabcabc');
    const turns = ran.map((r) => r.split(' ')[0]);
    expect(new Set(turns).size).toBe(turns.length);
  });
});
