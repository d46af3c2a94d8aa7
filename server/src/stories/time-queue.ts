/**
 * A binary min-heap of (time, slot, generation): the order in which documents leave the window.
 * Updates may arrive out of time order (backfills, slow feeds), so a plain FIFO would not do.
 * Entries of documents removed early stay until they surface and are skipped then.
 */
export class TimeQueue {
  #times: number[] = [];
  #slots: number[] = [];
  #gens: number[] = [];

  get length(): number {
    return this.#times.length;
  }

  push(time: number, slot: number, gen: number): void {
    this.#times.push(time);
    this.#slots.push(slot);
    this.#gens.push(gen);
    let i = this.#times.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#times[parent]! <= this.#times[i]!) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** The earliest time, or Infinity when empty. */
  peekTime(): number {
    return this.#times[0] ?? Infinity;
  }

  pop(): { time: number; slot: number; gen: number } | undefined {
    const n = this.#times.length;
    if (n === 0) return undefined;
    const top = { time: this.#times[0]!, slot: this.#slots[0]!, gen: this.#gens[0]! };
    this.#swap(0, n - 1);
    this.#times.pop();
    this.#slots.pop();
    this.#gens.pop();
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < n - 1 && this.#times[left]! < this.#times[least]!) least = left;
      if (right < n - 1 && this.#times[right]! < this.#times[least]!) least = right;
      if (least === i) break;
      this.#swap(i, least);
      i = least;
    }
    return top;
  }

  clear(): void {
    this.#times = [];
    this.#slots = [];
    this.#gens = [];
  }

  #swap(a: number, b: number): void {
    [this.#times[a], this.#times[b]] = [this.#times[b]!, this.#times[a]!];
    [this.#slots[a], this.#slots[b]] = [this.#slots[b]!, this.#slots[a]!];
    [this.#gens[a], this.#gens[b]] = [this.#gens[b]!, this.#gens[a]!];
  }
}
