// `nx run bench:api`: the API figures of issue 2 on real process clusters of our own (temp HOME):
// 1. unary Version through the request path vs direct, 2. fan-out to 1/3/10 nodes, 3. daemon
// memory, 4. cluster start-up. Prints a report; a missed target is reported, not an exit code.
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { PROVISION_POLL_INTERVAL_MS } from '@talos/constants';
import { findBundleDir } from '@talos/provision';
import { ClusterFixture, type BenchCluster } from './cluster-fixture';
import { startProfiling } from './cpu-profiler';
import { fanoutFigure } from './fanout-figure';
import { LOAD_WORKER_ENV, serveLoadWorker } from './load-workers';
import { memoryFigure } from './memory-figure';
import { findDaemonPids } from './node-processes';
import { Report } from './report';
import { unaryFigure } from './unary-figure';

const FIGURES = ['startup', 'memory', 'unary', 'fanout'] as const;
type Figure = (typeof FIGURES)[number];

interface Flags {
  duration: number;
  warmup: number;
  concurrency: number;
  generators: number[];
  fanoutDuration: number;
  fanoutConcurrency: number;
  fanoutNodes: number[];
  memoryCalls: number;
  settle: number;
  addressWait: number;
  cpuProf?: string;
  nodeOptions?: string;
  only: Figure[];
}

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
};
const list = (value: string): number[] => value.split(',').map((v) => Math.round(positive(v.trim())));
const figures = (value: string): Figure[] =>
  value.split(',').map((v) => {
    if (!(FIGURES as readonly string[]).includes(v.trim()))
      throw new InvalidArgumentError(`expected some of ${FIGURES.join(',')}`);
    return v.trim() as Figure;
  });
const env = (name: string, fallback: string): string => process.env[name] ?? fallback;

function parseFlags(argv: string[]): Flags {
  return new Command('bench-api')
    .description('API benchmark on process clusters (issue 2 figures)')
    .option(
      '--duration <s>',
      'measured seconds per unary row [BENCH_DURATION]',
      positive,
      positive(env('BENCH_DURATION', '10')),
    )
    .option(
      '--warmup <s>',
      'warm-up seconds before each row [BENCH_WARMUP]',
      positive,
      positive(env('BENCH_WARMUP', '2')),
    )
    .option('--concurrency <n>', 'unary calls in flight', positive, 64)
    .option(
      '--generators <list>',
      'load generator process counts to run [BENCH_GENERATORS]',
      list,
      list(env('BENCH_GENERATORS', '1,2')),
    )
    .option(
      '--fanout-duration <s>',
      'measured seconds per fan-out row',
      positive,
      positive(env('BENCH_FANOUT_DURATION', '5')),
    )
    .option('--fanout-concurrency <n>', 'fan-out calls in flight (1: pure latency)', positive, 1)
    .option(
      '--fanout-nodes <list>',
      'node counts to fan out to (the largest sizes the cluster)',
      list,
      [1, 3, 10],
    )
    .option('--memory-calls <n>', 'calls through apid between the two memory samples', positive, 10_000)
    .option('--settle <s>', 'quiet seconds after start-up before the idle memory sample', positive, 5)
    .option(
      '--address-wait <s>',
      'how long to wait for another process cluster to free 127.0.0.x',
      positive,
      600,
    )
    .option(
      '--node-options <flags>',
      'extra NODE_OPTIONS for every node process, e.g. --max-semi-space-size=1',
    )
    .option('--cpu-prof <dir>', 'profile every daemon into DIR (summarise with nx run bench:profile -- DIR)')
    .option(
      '--only <figures>',
      `figures to run, of ${FIGURES.join(',')} [BENCH_ONLY]`,
      figures,
      figures(env('BENCH_ONLY', FIGURES.join(','))),
    )
    .parse(argv, { from: 'node' })
    .opts<Flags>();
}

function header(report: Report, flags: Flags): void {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  report.line(`talos-ts API benchmark, ${new Date().toISOString()}`);
  report.line(
    `node ${process.version}, ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), ` +
      `load average at start ${load}`,
  );
  report.line(
    'the load generator runs on the same cores as the node daemons: its own CPU counts against them ' +
      `(unary rows for ${flags.generators.join(' and ')} generator process(es)); other work on this machine ` +
      'shows as "others" and skews every figure.',
  );
}

async function main(): Promise<void> {
  // grpc-js sets the TLS server name to the endpoint's IP; Node warns about it on every channel.
  process.noDeprecation = true;
  const flags = parseFlags(process.argv);
  const script = process.argv[1] as string;
  // The bundle sits at dist/bench/api/main.js; talosctl and the daemons beside it in dist/.
  const dist = path.resolve(path.dirname(script), '..', '..');
  const talosctl = path.join(dist, 'tools', 'talosctl', 'main.js');
  const bundleDir = findBundleDir({ script: talosctl });
  const t0 = performance.now();
  const progress = (line: string): void =>
    void process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);

  const report = new Report();
  const fixture = new ClusterFixture(talosctl, progress, {
    addressWaitMs: flags.addressWait * 1000,
    cpuProfileDir: flags.cpuProf,
    nodeOptions: flags.nodeOptions,
  });
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> => (cleaning ??= fixture.cleanup());
  let interrupted = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      interrupted = true;
      progress(`${sig}: tearing down the clusters`);
      void cleanup().finally(() => {
        progress('interrupted: every cluster destroyed');
        process.exit(130);
      });
    });
  }

  const wants = (f: Figure): boolean => flags.only.includes(f);
  // With --cpu-prof, daemons profile from the first measured figure on, start-up left out.
  const profile = (cluster: BenchCluster): void => {
    if (!flags.cpuProf) return;
    startProfiling(cluster.state.nodes.flatMap((n) => Object.values(findDaemonPids(n.root, bundleDir))));
    progress(`profiling the daemons of ${cluster.state.name} into ${flags.cpuProf} (written at destroy)`);
  };
  header(report, flags);
  if (flags.nodeOptions) report.line(`node processes run with NODE_OPTIONS=${flags.nodeOptions}`);
  try {
    if (wants('startup') || wants('memory') || wants('unary')) {
      const small: BenchCluster = await fixture.create('bench3', 1, 2);
      if (wants('startup')) {
        report.section(
          '4. start-up: `talosctl cluster create` of 1 control plane + 2 workers, until every node answers',
        );
        report.line(
          `${small.createSeconds.toFixed(1)} s wall time (talosctl polls apid every ${PROVISION_POLL_INTERVAL_MS / 1000} s, so up to that much is waiting)`,
        );
      }
      if (wants('memory')) {
        await memoryFigure(report, small, {
          calls: flags.memoryCalls,
          concurrency: flags.concurrency,
          settleMs: flags.settle * 1000,
          bundleDir,
        });
      }
      if (wants('unary')) {
        profile(small);
        await unaryFigure(report, small, {
          durationMs: flags.duration * 1000,
          warmupMs: flags.warmup * 1000,
          concurrency: flags.concurrency,
          generators: flags.generators,
          bundleDir,
          script,
        });
      }
      await fixture.destroy('bench3');
    }
    if (wants('fanout')) {
      const size = Math.max(...flags.fanoutNodes);
      const big = await fixture.create('bench10', 1, size - 1);
      profile(big);
      await fanoutFigure(report, big, {
        durationMs: flags.fanoutDuration * 1000,
        warmupMs: flags.warmup * 1000,
        concurrency: flags.fanoutConcurrency,
        nodeCounts: flags.fanoutNodes,
        bundleDir,
      });
      await fixture.destroy('bench10');
    }
    report.summary();
  } catch (err) {
    if (interrupted) return;
    progress(`benchmark failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
    progress('done: every cluster destroyed');
  }
}

if (process.env[LOAD_WORKER_ENV]) {
  process.noDeprecation = true;
  serveLoadWorker();
} else void main();
