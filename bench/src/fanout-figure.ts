// Figure 2: one Version call fanned out by apid to 1, 3 and 10 nodes (`nodes` metadata), against
// the same call without `nodes` (answered by the endpoint's own routerd) for reference.
import * as os from 'node:os';
import type { BenchCluster } from './cluster-fixture';
import { CpuMeter, type CpuUse } from './cpu-meter';
import { callsPerSecond, type LoadResult } from './load-generator';
import { runPlan } from './load-workers';
import { findDaemonPids } from './node-processes';
import { Report, ms, rate, table, type Cell } from './report';

export interface FanoutOptions {
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  /** Node counts to fan out to, e.g. [1, 3, 10]. */
  nodeCounts: number[];
  bundleDir: string;
}

const ENDPOINT_APID = 'endpoint apid';

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
  report.line(
    `all nodes share this machine's ${os.availableParallelism()} cores: CPU FLOOR = (all daemons + client CPU per call) / cores, ` +
      'the least wall time a call can take here.',
  );

  // CPU of the endpoint's apid alone, and of every daemon of every node (the whole cluster's cost).
  const watched: Record<string, number> = {};
  for (const node of cluster.state.nodes) {
    for (const [daemon, pid] of Object.entries(findDaemonPids(node.root, opts.bundleDir))) {
      watched[`${node.name}/${daemon}`] = pid;
    }
  }
  const endpointApid = findDaemonPids(cluster.controlPlane.root, opts.bundleDir).apid;
  if (endpointApid !== undefined) watched[ENDPOINT_APID] = endpointApid;

  const results = new Map<number, LoadResult>();
  const rows: Cell[][] = [];
  for (const count of [0, ...opts.nodeCounts]) {
    if (count > addresses.length)
      throw new Error(`cannot fan out to ${count} nodes: the cluster has ${addresses.length}`);
    const nodes = addresses.slice(0, count);
    let meter: CpuMeter | undefined;
    const result = await runPlan(
      {
        target: { kind: 'apid', endpoint, ...cluster.credentials, nodes },
        concurrency: opts.concurrency,
        durationMs: opts.durationMs,
        warmupMs: opts.warmupMs,
      },
      () => void (meter = new CpuMeter(watched)),
    );
    const cpu = (meter as CpuMeter | undefined)?.stop();
    results.set(count, result);
    rows.push([
      count === 0 ? '(none: local routerd)' : String(count),
      result.calls,
      rate(callsPerSecond(result)),
      ms(result.histogram.percentile(0.5)),
      ms(result.histogram.percentile(0.99)),
      result.errors,
      ...cpuCells(result, cpu),
    ]);
    if (result.errors) report.line(`nodes = ${count}: ${result.errors} errors, first: ${result.firstError}`);
  }
  report.line();
  report.line(
    table(
      [
        'NODES',
        'CALLS',
        'RATE',
        'P50',
        'P99',
        'ERR',
        'CPU µs/call: ENDPOINT APID',
        'ALL DAEMONS',
        'CLIENT',
        'CPU FLOOR',
        'MACHINE BUSY',
      ],
      rows,
    ),
  );

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

function cpuCells(result: LoadResult, cpu: CpuUse | undefined): Cell[] {
  if (!cpu || result.calls === 0) return ['-', '-', '-', '-', '-'];
  const perCall = (cpuMs: number): Cell => Math.round((cpuMs * 1000) / result.calls);
  const daemons = Object.entries(cpu.byName)
    .filter(([name, v]) => name !== ENDPOINT_APID && Number.isFinite(v))
    .reduce((sum, [, v]) => sum + v, 0);
  return [
    perCall(cpu.byName[ENDPOINT_APID] ?? NaN),
    perCall(daemons),
    perCall(result.cpuMs),
    // Every node shares this machine's cores: a call cannot finish faster than its CPU time spread
    // over all of them (on real hardware each node brings its own).
    ms((daemons + result.cpuMs) / result.calls / os.availableParallelism()),
    `${Math.round((100 * cpu.machineMs) / Math.max(1, cpu.elapsedMs))}%`,
  ];
}
