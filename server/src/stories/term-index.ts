/**
 * The inverted index behind StoryIndex: a vocabulary of live terms, each with its document
 * frequency and a posting list of (publication time, document slot, slot generation, weight) kept
 * in time order, so a search reads only the stretch of time in which a match is possible.
 *
 * Removing a document does not search its postings out of the lists (that would cost the length of
 * each list); it only bumps the slot's generation, which makes the old entries dead, and a list is
 * compacted once dead entries outnumber live ones. So every list holds at most about twice its
 * document frequency, and each add or remove costs O(terms of that document) amortised.
 */
export class TermIndex {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #df: number[] = [];
  readonly #lists: PostingList[] = [];
  readonly #freeIds: number[] = [];

  /** The id of a term already in the index, or -1. */
  lookup(term: string): number {
    return this.#ids.get(term) ?? -1;
  }

  /** The id of a term, giving it one (with df 0) if it has none yet. */
  intern(term: string): number {
    const known = this.#ids.get(term);
    if (known !== undefined) return known;
    const id = this.#freeIds.pop() ?? this.#names.length;
    this.#ids.set(term, id);
    this.#names[id] = term;
    this.#df[id] = 0;
    this.#lists[id] ??= new PostingList();
    return id;
  }

  /** The term itself, for the rules that look at what a term is (a number, say). */
  name(id: number): string {
    return this.#names[id] ?? '';
  }

  /** How many live documents hold the term. */
  df(id: number): number {
    return this.#df[id] ?? 0;
  }

  list(id: number): PostingList {
    const list = this.#lists[id];
    if (!list) throw new RangeError(`No term ${id}`);
    return list;
  }

  add(id: number, time: number, slot: number, gen: number, weight: number): void {
    this.list(id).insert(time, slot, gen, weight);
    this.#df[id] = this.df(id) + 1;
  }

  /**
   * Counts one document fewer for the term; `isLive` tells which entries still belong to live
   * documents when the list is compacted. A term no document holds any more gives its id back, so
   * the vocabulary stays the size of the window, not of everything ever seen.
   */
  release(id: number, isLive: (slot: number, gen: number) => boolean): void {
    const df = this.df(id) - 1;
    this.#df[id] = df;
    const list = this.list(id);
    if (df === 0) {
      list.clear();
      const name = this.#names[id];
      if (name !== undefined) this.#ids.delete(name);
      this.#freeIds.push(id);
    } else if (list.length > 2 * df + 16) {
      list.compact(isLive);
    }
  }

  /** Terms with at least one live document. */
  get size(): number {
    return this.#ids.size;
  }
}

/** Parallel typed arrays in time order, so scanning a list touches no objects. */
export class PostingList {
  times = new Float64Array(4);
  slots = new Int32Array(4);
  gens = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;

  /** Appends in the usual case of updates arriving in time order; a late one is slotted in. */
  insert(time: number, slot: number, gen: number, weight: number): void {
    if (this.length === this.slots.length) this.#resize(this.length * 2);
    const at = this.length && this.times[this.length - 1]! > time ? this.after(time) : this.length;
    if (at < this.length) {
      this.times.copyWithin(at + 1, at, this.length);
      this.slots.copyWithin(at + 1, at, this.length);
      this.gens.copyWithin(at + 1, at, this.length);
      this.weights.copyWithin(at + 1, at, this.length);
    }
    this.times[at] = time;
    this.slots[at] = slot;
    this.gens[at] = gen;
    this.weights[at] = weight;
    this.length++;
  }

  /** The first entry at or after `time`. */
  from(time: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first entry after `time`. */
  after(time: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  compact(isLive: (slot: number, gen: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = this.slots[i]!;
      const gen = this.gens[i]!;
      if (!isLive(slot, gen)) continue;
      this.times[kept] = this.times[i]!;
      this.slots[kept] = slot;
      this.gens[kept] = gen;
      this.weights[kept] = this.weights[i]!;
      kept++;
    }
    this.length = kept;
    if (this.slots.length > 64 && kept < this.slots.length / 4) this.#resize(Math.max(4, kept * 2));
  }

  clear(): void {
    this.length = 0;
    if (this.slots.length > 64) this.#resize(4);
  }

  #resize(capacity: number): void {
    const times = new Float64Array(capacity);
    times.set(this.times.subarray(0, this.length));
    this.times = times;
    const slots = new Int32Array(capacity);
    const gens = new Int32Array(capacity);
    const weights = new Float32Array(capacity);
    slots.set(this.slots.subarray(0, this.length));
    gens.set(this.gens.subarray(0, this.length));
    weights.set(this.weights.subarray(0, this.length));
    this.slots = slots;
    this.gens = gens;
    this.weights = weights;
  }
}
