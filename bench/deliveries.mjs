/**
 * Delivery accounting of one publish phase: which client got which update, counted by (client,
 * update) so that updates arriving in another order than sent count as delivered, and only the
 * same update reaching the same client twice counts as a duplicate.
 */
export class Deliveries {
  /**
   * @param {number} clients how many clients (slots 0…clients − 1)
   * @param {number} count how many updates the phase sends (sequence numbers 0…count − 1)
   * @param {number} recipients how many clients each update should reach
   */
  constructor(clients, count, recipients) {
    this.clients = clients;
    this.count = count;
    this.expected = count * recipients;
    this.seen = new Uint8Array(clients * count);
    /** Per update: how many clients have it, and when the last one got it. */
    this.delivered = new Int32Array(count);
    this.last = new Float64Array(count);
    this.latencies = new Float64Array(this.expected);
    this.received = 0;
    this.duplicates = 0;
    this.misdelivered = 0;
    /** Sequence numbers outside the phase (a bug in the sender or the parser). */
    this.unknown = 0;
  }

  /**
   * One receipt of update `seq` by client `slot` at `now`, `sentAt` ms after it was sent;
   * `wanted`: whether the client subscribed to one of the update's topics.
   */
  record(slot, seq, now, sentAt, wanted) {
    if (!(seq >= 0 && seq < this.count && slot >= 0 && slot < this.clients)) {
      this.unknown += 1;
      return 'unknown';
    }
    if (!wanted) {
      this.misdelivered += 1;
      return 'misdelivered';
    }
    const key = slot * this.count + seq;
    if (this.seen[key]) {
      this.duplicates += 1;
      return 'duplicate';
    }
    this.seen[key] = 1;
    this.delivered[seq] += 1;
    this.last[seq] = now;
    if (this.received < this.latencies.length) this.latencies[this.received] = now - sentAt;
    this.received += 1;
    return 'delivered';
  }

  get lost() {
    return Math.max(0, this.expected - this.received);
  }
}
