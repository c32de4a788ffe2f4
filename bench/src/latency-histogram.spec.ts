import * as fc from 'fast-check';
import { LatencyHistogram } from './latency-histogram';
import { callsPerSecond, combineReports, runLoad, toReport } from './load-generator';

/** Nearest-rank percentile of exact values, the definition the histogram approximates. */
function exactPercentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

const latencies = fc.array(fc.double({ min: 0.001, max: 60_000, noNaN: true }), {
  minLength: 1,
  maxLength: 500,
});

describe('LatencyHistogram', () => {
  it('gives every percentile within 1% of the exact nearest-rank value', () => {
    fc.assert(
      fc.property(latencies, fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const h = new LatencyHistogram();
        for (const v of values) h.record(v);
        const exact = exactPercentile(values, q);
        expect(Math.abs(h.percentile(q) - exact) / exact).toBeLessThanOrEqual(0.01);
      }),
    );
  });

  it('reports exact count, mean, min and max', () => {
    const h = new LatencyHistogram();
    for (const v of [1, 2, 3, 10]) h.record(v);
    expect(h.count).toBe(4);
    expect(h.meanMs).toBeCloseTo(4, 9);
    expect(h.minMs).toBeCloseTo(1, 9);
    expect(h.maxMs).toBeCloseTo(10, 9);
    expect(h.percentile(1)).toBeCloseTo(10, 9);
    expect(h.percentile(0)).toBeCloseTo(1, 9);
  });

  it('is empty-safe and refuses a percentile outside [0, 1]', () => {
    const h = new LatencyHistogram();
    expect(h.percentile(0.5)).toBeNaN();
    expect(h.meanMs).toBeNaN();
    expect(() => h.percentile(1.5)).toThrow('percentile out of range');
  });

  it('merges snapshots (as worker processes send them) into the histogram of all values', () => {
    fc.assert(
      fc.property(latencies, latencies, (a, b) => {
        const ha = new LatencyHistogram();
        const hb = new LatencyHistogram();
        const all = new LatencyHistogram();
        for (const v of a) {
          ha.record(v);
          all.record(v);
        }
        for (const v of b) {
          hb.record(v);
          all.record(v);
        }
        const merged = LatencyHistogram.from(JSON.parse(JSON.stringify(ha.snapshot()))).merge(hb);
        expect(merged.count).toBe(all.count);
        for (const q of [0, 0.5, 0.9, 0.99, 1]) expect(merged.percentile(q)).toBe(all.percentile(q));
      }),
    );
  });
});

describe('runLoad', () => {
  it('stops after the given number of calls, with the given number in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const call = async (): Promise<void> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
    };
    const result = await runLoad(call, { concurrency: 8, calls: 100 });
    expect(result.calls).toBe(100);
    expect(peak).toBe(8);
    expect(result.errors).toBe(0);
  });

  it('counts failed calls apart and keeps the first error', async () => {
    let n = 0;
    const result = await runLoad(
      async () => {
        if (++n % 2 === 0) throw new Error(`boom ${n}`);
      },
      { concurrency: 1, calls: 10 },
    );
    expect(result.calls).toBe(5);
    expect(result.errors).toBe(5);
    expect(result.firstError).toBe('boom 2');
  });

  it('combines generators: calls add up, rate is over the longest run', () => {
    const h = new LatencyHistogram();
    h.record(1);
    const one = toReport({ histogram: h, calls: 1, errors: 0, elapsedMs: 500, cpuMs: 1 });
    const combined = combineReports([one, { ...one, elapsedMs: 1000 }]);
    expect(combined.calls).toBe(2);
    expect(callsPerSecond(combined)).toBe(2);
    expect(combined.cpuMs).toBe(2);
  });
});
