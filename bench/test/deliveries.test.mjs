// The harness's own checks (`node --test bench/test/`), run by `npm run bench:smoke`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Deliveries } from '../deliveries.mjs';

test('updates received in another order than sent are all delivered, none duplicated', () => {
  const tally = new Deliveries(2, 3, 2);
  for (const seq of [2, 0, 1]) assert.equal(tally.record(0, seq, 10, 5, true), 'delivered');
  for (const seq of [1, 2, 0]) assert.equal(tally.record(1, seq, 12, 5, true), 'delivered');
  assert.equal(tally.received, 6);
  assert.equal(tally.duplicates, 0);
  assert.equal(tally.lost, 0);
  assert.deepEqual([...tally.delivered], [2, 2, 2]);
  assert.deepEqual([...tally.latencies], [5, 5, 5, 7, 7, 7]);
});

test('the same update twice to one client is a duplicate; to another client it is not', () => {
  const tally = new Deliveries(2, 2, 2);
  tally.record(0, 1, 10, 0, true);
  assert.equal(tally.record(0, 1, 11, 0, true), 'duplicate');
  assert.equal(tally.record(1, 1, 12, 0, true), 'delivered');
  assert.equal(tally.duplicates, 1);
  assert.equal(tally.received, 2);
  assert.equal(tally.lost, 2);
  assert.equal(tally.last[1], 12);
});

test('an update to a client not subscribed to its topics, or out of the phase, is not a delivery', () => {
  const tally = new Deliveries(1, 1, 1);
  assert.equal(tally.record(0, 0, 1, 0, false), 'misdelivered');
  assert.equal(tally.record(0, 5, 1, 0, true), 'unknown');
  assert.equal(tally.record(-1, 0, 1, 0, true), 'unknown');
  assert.equal(tally.received, 0);
  assert.equal(tally.lost, 1);
});
