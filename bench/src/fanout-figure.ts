// Figure 2: one Version call fanned out by apid to 1, 3 and 10 nodes (`nodes` metadata), against
// the same call without `nodes` (answered by the endpoint's own routerd) for reference.
import type { BenchCluster } from './cluster-fixture';
import { callsPerSecond, type LoadResult } from './load-generator';
import { runPlan } from './load-workers';
import { Report, ms, rate, table, type Cell } from './report';

export interface FanoutOptions {
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  /** Node counts to fan out to, e.g. [1, 3, 10]. */
  nodeCounts: number[];
}

export const FANOUT_RATIO_TARGET = 2;

export async function fanoutFigure(
  report: Report,
  cluster: BenchCluster,
  opts: FanoutOptions,
): Promise<void> {
  const addresses = cluster.state.nodes.map((n) => n.address);
  const endpoint = cluster.controlPlane.address;
  report.section(
    `2. fan-out: Version with nodes = ${opts.nodeCounts.join(', ')}; ${opts.concurrency} call(s) in flight, ` +
      `${opts.durationMs / 1000} s per row`,
  );
  report.line(
    `endpoint ${endpoint} (${cluster.state.nodes.length}-node cluster, created in ${cluster.createSeconds.toFixed(1)} s); ` +
      'nodes = N lists the first N nodes, the endpoint first (apid calls itself over mTLS for it).',
  );

  const results = new Map<number, LoadResult>();
  const rows: Cell[][] = [];
  for (const count of [0, ...opts.nodeCounts]) {
    if (count > addresses.length)
      throw new Error(`cannot fan out to ${count} nodes: the cluster has ${addresses.length}`);
    const nodes = addresses.slice(0, count);
    const result = await runPlan({
      target: { kind: 'apid', endpoint, ...cluster.credentials, nodes },
      concurrency: opts.concurrency,
      durationMs: opts.durationMs,
      warmupMs: opts.warmupMs,
    });
    results.set(count, result);
    rows.push([
      count === 0 ? '(none: local routerd)' : String(count),
      result.calls,
      rate(callsPerSecond(result)),
      ms(result.histogram.percentile(0.5)),
      ms(result.histogram.percentile(0.99)),
      result.errors,
    ]);
    if (result.errors) report.line(`nodes = ${count}: ${result.errors} errors, first: ${result.firstError}`);
  }
  report.line();
  report.line(table(['NODES', 'CALLS', 'RATE', 'P50', 'P99', 'ERR'], rows));

  const one = results.get(1);
  const most = Math.max(...opts.nodeCounts);
  const many = results.get(most);
  if (one && many && most > 1) {
    const ratio = many.histogram.percentile(0.5) / one.histogram.percentile(0.5);
    report.check({
      figure: `fan-out p50 ${most} nodes / 1 node`,
      target: `≤ ${FANOUT_RATIO_TARGET}x one node`,
      actual: `${ratio.toFixed(2)}x (${ms(many.histogram.percentile(0.5))} vs ${ms(one.histogram.percentile(0.5))})`,
      pass: ratio <= FANOUT_RATIO_TARGET && many.errors === 0,
    });
  }
}
