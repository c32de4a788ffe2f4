// Latencies in log-spaced buckets (each 1% wider than the last), like an HDR histogram: constant
// memory whatever the call count, percentiles within 1%, and histograms of worker processes merge.

/** Relative width of a bucket: a percentile is off by at most this fraction. */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Values are microseconds; anything under 1 µs counts as 1 µs. */
const MIN_US = 1;

export interface HistogramSnapshot {
  /** [bucket index, count] pairs for the buckets that hold values. */
  buckets: Array<[number, number]>;
  count: number;
  sumUs: number;
  minUs: number;
  maxUs: number;
}

export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  private n = 0;
  private sum = 0;
  private min = Infinity;
  private max = 0;

  /** Records one latency, in milliseconds. */
  record(ms: number): void {
    const us = Math.max(MIN_US, ms * 1000);
    const index = Math.floor(Math.log(us) / LOG_GROWTH);
    this.counts.set(index, (this.counts.get(index) ?? 0) + 1);
    this.n++;
    this.sum += us;
    if (us < this.min) this.min = us;
    if (us > this.max) this.max = us;
  }

  get count(): number {
    return this.n;
  }

  /** Mean latency in milliseconds (NaN when empty). */
  get meanMs(): number {
    return this.n ? this.sum / this.n / 1000 : NaN;
  }

  get minMs(): number {
    return this.n ? this.min / 1000 : NaN;
  }

  get maxMs(): number {
    return this.n ? this.max / 1000 : NaN;
  }

  /**
   * The latency (ms) below which a fraction `q` of the calls fall (q in [0, 1]), by the
   * nearest-rank definition. The value is the middle of its bucket, clamped to the exact min/max.
   */
  percentile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new Error(`percentile out of range: ${q}`);
    if (this.n === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.n));
    // The extremes are known exactly.
    if (rank === 1) return this.min / 1000;
    if (rank === this.n) return this.max / 1000;
    let seen = 0;
    for (const index of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(index) as number;
      if (seen >= rank) {
        const mid = Math.sqrt(GROWTH ** index * GROWTH ** (index + 1));
        return Math.min(this.max, Math.max(this.min, mid)) / 1000;
      }
    }
    return this.max / 1000;
  }

  merge(other: LatencyHistogram | HistogramSnapshot): this {
    const snap = other instanceof LatencyHistogram ? other.snapshot() : other;
    for (const [index, count] of snap.buckets) this.counts.set(index, (this.counts.get(index) ?? 0) + count);
    this.n += snap.count;
    this.sum += snap.sumUs;
    if (snap.count) {
      this.min = Math.min(this.min, snap.minUs);
      this.max = Math.max(this.max, snap.maxUs);
    }
    return this;
  }

  /** A plain object that survives IPC (JSON): worker processes send their histograms this way. */
  snapshot(): HistogramSnapshot {
    return {
      buckets: [...this.counts.entries()],
      count: this.n,
      sumUs: this.sum,
      minUs: this.n ? this.min : 0,
      maxUs: this.max,
    };
  }

  static from(snap: HistogramSnapshot): LatencyHistogram {
    return new LatencyHistogram().merge(snap);
  }
}
