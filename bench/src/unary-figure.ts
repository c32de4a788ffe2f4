// Figure 1: unary Version through the whole request path (talosctl's client library -> apid over
// mTLS -> routerd -> machined) side by side with a plain grpc-js client on machined's socket, at the
// same concurrency, in this run, on the same node.
import * as os from 'node:os';
import { NodePaths } from '@talos/constants';
import type { CallTarget } from './call-targets';
import type { BenchCluster } from './cluster-fixture';
import { CpuMeter, type CpuUse } from './cpu-meter';
import { callsPerSecond, type LoadResult } from './load-generator';
import { runPlan, runPlanInWorkers, type LoadPlan } from './load-workers';
import { findDaemonPids } from './node-processes';
import { Report, ms, rate, table, type Cell } from './report';

export interface UnaryOptions {
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  /** Load generator process counts to run, e.g. [1, 2]; 1 is this process. */
  generators: number[];
  bundleDir: string;
  /** This script, started again as a load worker. */
  script: string;
}

export const P50_RATIO_TARGET = 3;
export const THROUGHPUT_TARGET = 3000;

const WATCHED = ['apid', 'routerd', 'machined'] as const;

interface Measured {
  result: LoadResult;
  cpu: CpuUse;
}

export async function unaryFigure(report: Report, cluster: BenchCluster, opts: UnaryOptions): Promise<void> {
  const node = cluster.controlPlane;
  const pids = findDaemonPids(node.root, opts.bundleDir);
  const watched: Record<string, number> = {};
  for (const d of WATCHED) {
    const pid = pids[d];
    if (pid === undefined) throw new Error(`error finding ${d} of ${node.name} in /proc`);
    watched[d] = pid;
  }
  const paths: Array<[string, CallTarget]> = [
    [
      'direct: grpc-js -> machined (unix)',
      { kind: 'direct', socket: new NodePaths(node.root).socket('machined') },
    ],
    [
      'client lib -> apid (mTLS) -> routerd -> machined',
      { kind: 'apid', endpoint: node.address, ...cluster.credentials, nodes: [] },
    ],
  ];

  report.section(
    `1. unary Version, ${opts.concurrency} calls in flight, ${opts.durationMs / 1000} s per row after ${opts.warmupMs / 1000} s warm-up`,
  );
  report.line(
    `node ${node.name} (${node.address}); machine: ${os.availableParallelism()} cores shared by the load generator(s),`,
  );
  report.line('the node daemons and anything else running (other tenants show up as "others").');

  const rows: Cell[][] = [];
  const errors: string[] = [];
  for (const generators of opts.generators) {
    const byPath: Measured[] = [];
    for (const [label, target] of paths) {
      const plan: LoadPlan = {
        target,
        concurrency: opts.concurrency,
        durationMs: opts.durationMs,
        warmupMs: opts.warmupMs,
      };
      let meter: CpuMeter | undefined;
      const onMeasure = (): void => void (meter = new CpuMeter(watched));
      const result =
        generators === 1
          ? await runPlan(plan, onMeasure)
          : await runPlanInWorkers(plan, generators, opts.script, onMeasure);
      const cpu = (meter as CpuMeter | undefined)?.stop() ?? { elapsedMs: 0, byName: {}, machineMs: 0 };
      byPath.push({ result, cpu });
      rows.push(row(label, generators, result, cpu, target.kind === 'apid'));
      if (result.errors)
        errors.push(`${label} (${generators} gen.): ${result.errors} errors, first: ${result.firstError}`);
    }
    const [direct, viaApid] = byPath as [Measured, Measured];
    const ratio = viaApid.result.histogram.percentile(0.5) / direct.result.histogram.percentile(0.5);
    const suffix = generators === 1 ? '1 generator process' : `${generators} generator processes`;
    report.line();
    report.line(
      table(
        [
          'PATH',
          'GEN',
          'CALLS',
          'RATE',
          'P50',
          'P99',
          'MEAN',
          'ERR',
          'CPU µs/call: CLIENT',
          'APID',
          'ROUTERD',
          'MACHINED',
          'MACHINE BUSY (OTHERS)',
        ],
        rows.splice(0),
      ),
    );
    report.check({
      figure: `unary p50 apid path / direct (${suffix})`,
      target: `≤ ${P50_RATIO_TARGET}x direct`,
      actual: `${ratio.toFixed(2)}x (${ms(viaApid.result.histogram.percentile(0.5))} vs ${ms(direct.result.histogram.percentile(0.5))})`,
      pass: ratio <= P50_RATIO_TARGET,
    });
    const apidRate = callsPerSecond(viaApid.result);
    report.check({
      figure: `unary throughput apid path (${suffix})`,
      target: `≥ ${THROUGHPUT_TARGET.toLocaleString('en-US')} calls/s`,
      actual: rate(apidRate),
      pass: apidRate >= THROUGHPUT_TARGET && viaApid.result.errors === 0,
    });
  }
  for (const e of errors) report.line(`errors: ${e}`);
}

function row(label: string, generators: number, r: LoadResult, cpu: CpuUse, proxied: boolean): Cell[] {
  const perCall = (cpuMs: number | undefined): Cell =>
    cpuMs === undefined || !Number.isFinite(cpuMs) || r.calls === 0
      ? '-'
      : Math.round((cpuMs * 1000) / r.calls);
  const ours = r.cpuMs + WATCHED.reduce((sum, d) => sum + (cpu.byName[d] ?? 0), 0);
  const pct = (v: number): string => `${Math.round((100 * v) / Math.max(1, cpu.elapsedMs))}%`;
  return [
    label,
    generators,
    r.calls,
    rate(callsPerSecond(r)),
    ms(r.histogram.percentile(0.5)),
    ms(r.histogram.percentile(0.99)),
    ms(r.histogram.meanMs),
    r.errors,
    perCall(r.cpuMs),
    proxied ? perCall(cpu.byName.apid) : '-',
    proxied ? perCall(cpu.byName.routerd) : '-',
    perCall(cpu.byName.machined),
    `${pct(cpu.machineMs)} (${pct(Math.max(0, cpu.machineMs - ours))})`,
  ];
}
