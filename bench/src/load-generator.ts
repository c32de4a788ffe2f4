// A closed-loop load generator: `concurrency` loops, each issuing its next call when the last one
// answers, for a fixed time or a fixed number of calls. Latency is client-observed wall time.
import { LatencyHistogram, type HistogramSnapshot } from './latency-histogram';

/** One call; rejects when the call (or any node's part of it) failed. */
export type UnaryCall = () => Promise<unknown>;

export interface LoadOptions {
  concurrency: number;
  /** Stop issuing calls after this long... */
  durationMs?: number;
  /** ...or after this many calls, whichever comes first. */
  calls?: number;
}

export interface LoadResult {
  histogram: LatencyHistogram;
  calls: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  /** CPU time (user + system) this process spent during the run. */
  cpuMs: number;
}

/** The serialisable form of a LoadResult (worker processes send it over IPC). */
export interface LoadReport extends Omit<LoadResult, 'histogram'> {
  histogram: HistogramSnapshot;
}

export async function runLoad(call: UnaryCall, opts: LoadOptions): Promise<LoadResult> {
  if (opts.durationMs === undefined && opts.calls === undefined) {
    throw new Error('error starting load: give a duration or a number of calls');
  }
  const histogram = new LatencyHistogram();
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = opts.durationMs === undefined ? Infinity : t0 + opts.durationMs;
  const limit = opts.calls ?? Infinity;

  const loop = async (): Promise<void> => {
    while (issued < limit && performance.now() < deadline) {
      issued++;
      const start = performance.now();
      try {
        await call();
        histogram.record(performance.now() - start);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message ?? String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, loop));
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    histogram,
    calls: histogram.count,
    errors,
    firstError,
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

export function toReport(result: LoadResult): LoadReport {
  return { ...result, histogram: result.histogram.snapshot() };
}

/** Results of generators that ran side by side, as one: rate is total calls over the longest run. */
export function combineReports(reports: readonly LoadReport[]): LoadResult {
  const histogram = new LatencyHistogram();
  for (const r of reports) histogram.merge(r.histogram);
  return {
    histogram,
    calls: histogram.count,
    errors: reports.reduce((sum, r) => sum + r.errors, 0),
    firstError: reports.find((r) => r.firstError)?.firstError,
    elapsedMs: Math.max(0, ...reports.map((r) => r.elapsedMs)),
    cpuMs: reports.reduce((sum, r) => sum + r.cpuMs, 0),
  };
}

export function callsPerSecond(result: Pick<LoadResult, 'calls' | 'elapsedMs'>): number {
  return result.elapsedMs > 0 ? (result.calls * 1000) / result.elapsedMs : 0;
}
