import { StoryBook, type Story, type StoryAssignment, type Member } from './story-book.js';
import { TermIndex } from './term-index.js';
import { analyze } from './terms.js';
import { TimeQueue } from './time-queue.js';

const hour = 3_600_000;

export interface StoryIndexOptions {
  /** How far apart in publication time two updates may be and still be compared. */
  windowMs?: number;
  /** The time-weighted cosine an update needs with its best match to join that match's story. */
  threshold?: number;
  /**
   * Similarity halves for every this much time between two updates. Outlets report one development
   * within hours; the same kind of development a day later (tonight's drone attack, tomorrow's
   * round of talks) reads almost the same, and only the gap in time tells them apart.
   */
  halfLifeMs?: number;
  /** A headline word counts this many times a summary word: headlines name the story. */
  titleWeight?: number;
  /**
   * A name (a capitalised word inside a sentence) counts this many times another word. Reports of
   * one story share its places, people and organisations; look-alike stories (Canada closes its
   * airspace, the EU closes its airspace) differ mostly in them.
   */
  nameWeight?: number;
  /**
   * Terms held by more live updates than this are not used to find candidates (they still count
   * in the score of candidates found through rarer terms). This is what bounds the cost of an
   * update by the number of candidates rather than by the size of the window.
   */
  maxPostings?: number;
  /**
   * How many telling terms two updates must share to join: not numbers, and not stock words that
   * most updates in the window share (above `stockShare` of them). A shared number ("… 17"), one
   * place or one stock word is never enough by itself, however short the two headlines are.
   */
  minSharedTerms?: number;
  /** A term held by more than this share of the window's updates is a stock word. */
  stockShare?: number;
  /**
   * How many of those shared telling terms must be ordinary words, not names: a place, a person or
   * an institution alone ("Black Sea", "Zaporizhzhia") never joins two reports.
   */
  minSharedWords?: number;
  /**
   * Updates published further apart than this never join, whatever their score: a follow-up comes
   * within a day. Also bounds how far back a search reads the posting lists.
   */
  maxGapMs?: number;
  /**
   * When both updates carry a sentence vector (`StoryItem.vector`), the score gains
   * `embeddingWeight × (cosine of the vectors − embeddingBaseline)`: a nudge up for two texts
   * that mean the same thing in other words, down for two that share words but not meaning.
   * 0 turns the embedding off. Without vectors the score is the words' alone.
   */
  embeddingWeight?: number;
  /** The sentence-vector cosine at which the embedding neither adds nor takes away. */
  embeddingBaseline?: number;
}

/**
 * Chosen on the development half of server/test/fixtures/clustering-pairs.json (see
 * docs/quality.md and `npx tsx bench/stories.ts --tune`).
 */
export const defaultStoryOptions: Required<StoryIndexOptions> = {
  windowMs: 48 * hour,
  threshold: 0.18,
  halfLifeMs: 6 * hour,
  titleWeight: 2,
  nameWeight: 2,
  maxPostings: 2000,
  minSharedTerms: 2,
  stockShare: 0.5,
  minSharedWords: 1,
  maxGapMs: 24 * hour,
  // Off: on the older pairs the embedding's nudge bought one dev pair and cost test precision
  // (0.946); docs/quality.md "Stories: meaning as well as words". 0.25 and 0.7 were dev's best.
  embeddingWeight: 0,
  embeddingBaseline: 0.7,
};

/** Numbers (casualty counts, dates, "17") tell stories apart but never join them on their own. */
const numeric = /^\d+$/;

/** One update as the clustering engine sees it. */
export interface StoryItem {
  id: string;
  title: string;
  summary?: string;
  /** Publication time: the window and the time decay are measured on it. */
  at: Date;
  /** Outlet name, for the story's list of outlets. */
  source?: string;
  pinned?: boolean;
  /**
   * The update's sentence vector (any length, the same model for every update of an event), when a
   * model gave one. Optional: without it the update is matched on its words alone.
   */
  vector?: ArrayLike<number>;
}

interface Doc {
  id: string;
  at: number;
  slot: number;
  gen: number;
  /** Term ids, ascending, and their tf-idf weights; the vector has unit length. */
  termIds: Int32Array;
  weights: Float64Array;
  /** 1 where the term was a name (a capitalised word inside a sentence) in this update. */
  names: Uint8Array;
  /** The sentence vector at unit length, if the update came with one. */
  meaning: Float32Array | undefined;
}

interface Vector {
  termIds: Int32Array;
  weights: Float64Array;
  names: Uint8Array;
  meaning: Float32Array | undefined;
}

/**
 * Groups updates of one event that tell the same story (incremental TF-IDF cosine with an
 * inverted index; docs/quality.md explains the choice and the tuning).
 *
 * Each update becomes a unit tf-idf vector over its stemmed content words, with the document
 * frequencies of the updates currently in the window (the incremental IDF of topic detection and
 * tracking: a vector is weighted when it arrives and keeps those weights). A new update is scored
 * against the updates that share at least one not-too-common term with it, through the posting
 * lists of those terms; its score with each is cosine × 2^(−Δt / halfLife), plus
 * embeddingWeight × (vector cosine − embeddingBaseline) when both carry sentence vectors and the
 * weight is set (off by default). It joins the story of
 * the best one if that score reaches the threshold, and otherwise starts a story named after
 * itself. Cost per update: its own terms plus the postings of its rarer terms, never a scan of the
 * window.
 *
 * Pure and deterministic: no clock, no I/O, no randomness; the same updates in the same order give
 * the same stories. Not thread-safe, and not meant to be: one index per event per process.
 *
 * Lifecycle: `add` each accepted update, `remove` a retracted one, `evict(now)` from time to time
 * to drop updates that left the window, `pin` when an editor pins. On start, either `restore` the
 * stored assignments (story ids stay stable across restarts) or `StoryIndex.build` them afresh.
 * A correction that changes the text is `remove` then `add`.
 */
export class StoryIndex {
  readonly options: Readonly<Required<StoryIndexOptions>>;
  readonly #terms = new TermIndex();
  readonly #book = new StoryBook();
  readonly #queue = new TimeQueue();
  #docs: (Doc | undefined)[] = [];
  #slotGen: number[] = [];
  #freeSlots: number[] = [];
  #byId = new Map<string, Doc>();
  /**
   * How far apart two updates can be and still reach the threshold, without and with sentence
   * vectors: the words' cosine is at most 1, so the decay must leave at least the threshold (less
   * the most the embedding can add). With the defaults, about 30 hours, capped by `maxGapMs`.
   */
  readonly #horizon: { words: number; meaning: number };
  /** The most the embedding can add to a score: its weight × (1 − baseline). */
  readonly #maxNudge: number;
  /** Partial dot products by slot, reused between searches and left zeroed after each. */
  #scores = new Float64Array(1024);

  constructor(options: StoryIndexOptions = {}) {
    this.options = { ...defaultStoryOptions, ...options };
    if (!(this.options.windowMs > 0)) throw new RangeError('windowMs must be positive');
    if (!(this.options.halfLifeMs > 0)) throw new RangeError('halfLifeMs must be positive');
    const { windowMs, halfLifeMs, threshold, maxGapMs, embeddingWeight, embeddingBaseline } = this.options;
    this.#maxNudge = Math.max(0, embeddingWeight * (1 - embeddingBaseline));
    const reach = (floor: number): number =>
      Math.min(windowMs, maxGapMs, floor > 0 ? halfLifeMs * Math.log2(1 / floor) : Infinity);
    this.#horizon = { words: reach(threshold), meaning: reach(threshold - this.#maxNudge) };
  }

  /** Updates added in time order (then by id), as a fresh index would have clustered them. */
  static build(items: Iterable<StoryItem>, options: StoryIndexOptions = {}): StoryIndex {
    const index = new StoryIndex(options);
    const sorted = [...items].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
    for (const item of sorted) index.add(item);
    return index;
  }

  /** Updates in the window. */
  get size(): number {
    return this.#byId.size;
  }

  /** Stories with at least one member in the window. */
  get storyCount(): number {
    return this.#book.size;
  }

  /**
   * Stories a new update. Adding an id already known returns its first assignment unchanged, like
   * ingest itself is idempotent.
   */
  add(item: StoryItem): StoryAssignment {
    const known = this.#book.member(item.id);
    if (known) return known.assignment;
    const at = item.at.getTime();
    const vector = this.#vectorize(item);
    const best = this.#bestMatch(vector, at);
    const assignment: StoryAssignment =
      best && best.score >= this.options.threshold
        ? {
            storyId: this.#book.storyOf(best.doc.id) ?? best.doc.id,
            joined: true,
            similarity: best.score,
            matchedId: best.doc.id,
          }
        : { storyId: item.id, joined: false, similarity: best?.score ?? 0 };
    this.#insert(item, at, vector, assignment);
    return assignment;
  }

  /**
   * The story a new update would join, decided as `add` would but without adding it: a read-only
   * answer (the incoming queue shows it before an editor decides).
   */
  peek(item: StoryItem): StoryAssignment {
    const known = this.#book.member(item.id);
    if (known) return known.assignment;
    const best = this.#bestMatch(this.#vectorize(item), item.at.getTime());
    return best && best.score >= this.options.threshold
      ? {
          storyId: this.#book.storyOf(best.doc.id) ?? best.doc.id,
          joined: true,
          similarity: best.score,
          matchedId: best.doc.id,
        }
      : { storyId: item.id, joined: false, similarity: best?.score ?? 0 };
  }

  /** Puts back an update whose story is already known (from the store), without matching it. */
  restore(item: StoryItem, storyId: string): void {
    if (this.#book.member(item.id)) return;
    const assignment: StoryAssignment = { storyId, joined: storyId !== item.id, similarity: 0 };
    this.#insert(item, item.at.getTime(), this.#vectorize(item), assignment);
  }

  /** Takes a retracted update out of matching and out of its story. */
  remove(id: string): boolean {
    const doc = this.#byId.get(id);
    if (doc) this.#forget(doc);
    return this.#book.remove(id);
  }

  /**
   * Stops matching against updates published before now − window (they stay in their stories
   * until a story has no member left in the window). Returns how many left.
   */
  evict(now: Date): number {
    const cutoff = now.getTime() - this.options.windowMs;
    let evicted = 0;
    while (this.#queue.peekTime() < cutoff) {
      const entry = this.#queue.pop();
      const doc = entry && this.#docs[entry.slot];
      if (!doc || doc.gen !== entry.gen) continue;
      this.#forget(doc);
      this.#book.leaveWindow(doc.id);
      evicted++;
    }
    return evicted;
  }

  pin(id: string, pinned = true): boolean {
    return this.#book.pin(id, pinned);
  }

  storyOf(id: string): string | undefined {
    return this.#book.storyOf(id);
  }

  story(storyId: string): Story | undefined {
    return this.#book.view(storyId);
  }

  /**
   * The score two updates in the window have with each other (time-weighted cosine plus the
   * embedding's nudge; 0 beyond the window or `maxGapMs`), whatever their order of arrival: for
   * evaluation and for explaining a decision.
   */
  compare(aId: string, bId: string): number {
    const a = this.#byId.get(aId);
    const b = this.#byId.get(bId);
    if (!a || !b) return 0;
    const gap = Math.abs(a.at - b.at);
    if (gap > this.options.windowMs || gap > this.options.maxGapMs) return 0;
    let dot = 0;
    for (let i = 0, j = 0; i < a.termIds.length && j < b.termIds.length;) {
      const x = a.termIds[i]!;
      const y = b.termIds[j]!;
      if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
      else if (x < y) i++;
      else j++;
    }
    return dot * this.#decay(gap) + this.#nudge(a, b);
  }

  /** Whether the two share enough telling terms to join (see `minSharedTerms`), for evaluation. */
  sharesEnough(aId: string, bId: string): boolean {
    const a = this.#byId.get(aId);
    const b = this.#byId.get(bId);
    return !!a && !!b && this.#enoughEvidence(a, b);
  }

  /** Empties the index. */
  clear(): void {
    for (const doc of [...this.#byId.values()]) this.#forget(doc);
    this.#book.clear();
    this.#queue.clear();
  }

  #decay(gap: number): number {
    return 2 ** (-gap / this.options.halfLifeMs);
  }

  /** The embedding's part of a score: weight × (cosine − baseline), 0 unless both have vectors. */
  #nudge(a: Vector, b: Vector): number {
    const { embeddingWeight, embeddingBaseline } = this.options;
    if (!a.meaning || !b.meaning || embeddingWeight === 0 || a.meaning.length !== b.meaning.length) return 0;
    let dot = 0;
    for (let i = 0; i < a.meaning.length; i++) dot += a.meaning[i]! * b.meaning[i]!;
    return embeddingWeight * (dot - embeddingBaseline);
  }

  /**
   * tf-idf with sublinear term frequency and smoothed IDF, counting the new update among the
   * documents: idf = ln((N + 1) / (df + 1)) + 1.
   */
  #vectorize(item: StoryItem): Vector {
    const counts = new Map<number, number>();
    const named = new Set<number>();
    const count = (text: string, weight: number): void => {
      for (const { term, name } of analyze(text)) {
        const id = this.#terms.intern(term);
        counts.set(id, (counts.get(id) ?? 0) + weight * (name ? this.options.nameWeight : 1));
        if (name) named.add(id);
      }
    };
    count(item.title, this.options.titleWeight);
    count(item.summary ?? '', 1);
    const termIds = new Int32Array(counts.size);
    let next = 0;
    for (const id of counts.keys()) termIds[next++] = id;
    termIds.sort();
    const weights = new Float64Array(termIds.length);
    const n = this.#byId.size + 1;
    let norm = 0;
    termIds.forEach((id, i) => {
      const tf = counts.get(id)!;
      const df = this.#terms.df(id) + 1;
      const weight = (1 + Math.log(tf)) * (Math.log((n + 1) / (df + 1)) + 1);
      weights[i] = weight;
      norm += weight * weight;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    const names = new Uint8Array(termIds.length);
    for (let i = 0; i < termIds.length; i++) names[i] = named.has(termIds[i]!) ? 1 : 0;
    return { termIds, weights, names, meaning: unit(item.vector) };
  }

  #bestMatch(vector: Vector, at: number): { doc: Doc; score: number } | undefined {
    const { maxPostings, threshold } = this.options;
    const horizon = vector.meaning ? this.#horizon.meaning : this.#horizon.words;
    // The most the embedding can add: what the words' part of a score must leave room for.
    const nudge = vector.meaning ? this.#maxNudge : 0;
    const scores = this.#scores;
    const touched: number[] = [];
    // Common terms are left out of the candidate search; they are added back below for the
    // candidates whose score could still reach the threshold with them.
    const common: number[] = [];
    let commonNorm = 0;
    for (let i = 0; i < vector.termIds.length; i++) {
      const id = vector.termIds[i]!;
      const df = this.#terms.df(id);
      if (df === 0) continue;
      const weight = vector.weights[i]!;
      if (df > maxPostings) {
        common.push(i);
        commonNorm += weight * weight;
        continue;
      }
      const list = this.#terms.list(id);
      const { slots, gens, weights } = list;
      const end = list.after(at + horizon);
      for (let k = list.from(at - horizon); k < end; k++) {
        const slot = slots[k]!;
        if (this.#slotGen[slot] !== gens[k]) continue;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot]! += weight * weights[k]!;
      }
    }
    commonNorm = Math.sqrt(commonNorm);

    let best: { doc: Doc; score: number } | undefined;
    for (const slot of touched) {
      const partial = scores[slot]!;
      scores[slot] = 0;
      // Cauchy–Schwarz: the common terms add at most the length of their part of the query.
      if (partial + commonNorm + nudge < threshold) continue;
      const doc = this.#docs[slot]!;
      const decay = this.#decay(Math.abs(doc.at - at));
      const bound = (partial + commonNorm) * decay + (doc.meaning ? nudge : 0);
      if (bound < threshold || (best && bound < best.score)) continue;
      // The sentence vectors are compared only here, for candidates that could still win.
      const score = (partial + this.#commonDot(vector, common, doc)) * decay + this.#nudge(vector, doc);
      if (best && (score < best.score || (score === best.score && !isEarlier(doc, best.doc)))) continue;
      if (score >= threshold && !this.#enoughEvidence(vector, doc)) continue;
      best = { doc, score };
    }
    return best;
  }

  /**
   * Whether the two share at least `minSharedTerms` telling terms, `minSharedWords` of them not
   * names (see the options).
   */
  #enoughEvidence(vector: Vector, doc: Vector): boolean {
    const { minSharedTerms, minSharedWords, stockShare } = this.options;
    // In a small window every word is "common"; stock words only count as such among enough updates.
    const stockDf = this.#byId.size >= 20 ? stockShare * this.#byId.size : Infinity;
    let shared = 0;
    let words = 0;
    for (let i = 0, j = 0; i < vector.termIds.length && j < doc.termIds.length;) {
      const x = vector.termIds[i]!;
      const y = doc.termIds[j]!;
      if (x < y) i++;
      else if (x > y) j++;
      else {
        const name = vector.names[i++] === 1 || doc.names[j++] === 1;
        if (this.#terms.df(x) > stockDf || numeric.test(this.#terms.name(x))) continue;
        shared++;
        if (!name) words++;
        if (shared >= minSharedTerms && words >= minSharedWords) return true;
      }
    }
    return false;
  }

  #commonDot(vector: Vector, common: readonly number[], doc: Doc): number {
    let dot = 0;
    let j = 0;
    for (const i of common) {
      const id = vector.termIds[i]!;
      while (j < doc.termIds.length && doc.termIds[j]! < id) j++;
      if (doc.termIds[j] === id) dot += vector.weights[i]! * doc.weights[j]!;
    }
    return dot;
  }

  #insert(item: StoryItem, at: number, vector: Vector, assignment: StoryAssignment): void {
    const slot = this.#freeSlots.pop() ?? this.#docs.length;
    const gen = (this.#slotGen[slot] ?? 0) + 1;
    this.#slotGen[slot] = gen;
    if (slot >= this.#scores.length) {
      const grown = new Float64Array(this.#scores.length * 2);
      grown.set(this.#scores);
      this.#scores = grown;
    }
    const doc: Doc = { id: item.id, at, slot, gen, ...vector };
    this.#docs[slot] = doc;
    this.#byId.set(item.id, doc);
    vector.termIds.forEach((id, i) => this.#terms.add(id, at, slot, gen, vector.weights[i]!));
    this.#queue.push(at, slot, gen);
    const member: Member = {
      id: item.id,
      at,
      source: item.source,
      pinned: item.pinned ?? false,
      inWindow: true,
      assignment,
    };
    this.#book.join(assignment.storyId, member);
  }

  /** Takes a document out of matching; its postings die with the slot's generation. */
  #forget(doc: Doc): void {
    this.#docs[doc.slot] = undefined;
    this.#slotGen[doc.slot] = doc.gen + 1;
    this.#freeSlots.push(doc.slot);
    this.#byId.delete(doc.id);
    const isLive = (slot: number, gen: number): boolean => this.#slotGen[slot] === gen;
    for (const id of doc.termIds) this.#terms.release(id, isLive);
  }
}

/** A copy of a sentence vector at unit length (undefined for none, or a zero vector). */
function unit(vector: ArrayLike<number> | undefined): Float32Array | undefined {
  if (!vector || vector.length === 0) return undefined;
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
  if (!(norm > 0) || !Number.isFinite(norm)) return undefined;
  const out = new Float32Array(vector.length);
  norm = Math.sqrt(norm);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! / norm;
  return out;
}

function isEarlier(a: Doc, b: Doc): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}
