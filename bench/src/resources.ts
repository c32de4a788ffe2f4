// `nx run bench:resources`: the resource figures of issue 4.
// 1. In process (InMemoryState): updates/s to one type with 10 watchers attached, heap per 10,000
//    resources, and update -> watcher event latency (the lower bound of any watch through the API).
// 2. Through the system: a client-side Watch of `Service` through apid -> routerd -> machined on a
//    1-node process cluster; restarting a service is the only writer reachable through the API, so
//    the figures are "ServiceRestart issued -> DESTROYED seen" and "-> CREATED seen", which include
//    the service's own stop and start time.
import * as path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { resource } from '@talos/api';
import { Client } from '@talos/client';
import { InMemoryState, type Pointer } from '@talos/resources';
import { ClusterFixture } from './cluster-fixture';
import { Report, ms, rate, table } from './report';

interface Flags {
  updates: number;
  watchers: number;
  latencySamples: number;
  memoryResources: number;
  restarts: number;
  service: string;
  cidr: string;
  skipCluster: boolean;
}

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

function parseFlags(argv: string[]): Flags {
  return new Command('bench-resources')
    .description('resource runtime and resource API benchmark (issue 4 figures)')
    .option('--updates <n>', 'updates in the throughput run', positive, 100_000)
    .option('--watchers <n>', 'watchers attached during the throughput run', positive, 10)
    .option('--latency-samples <n>', 'in-process update -> event samples', positive, 10_000)
    .option('--memory-resources <n>', 'resources created for the memory figure', positive, 10_000)
    .option('--restarts <n>', 'service restarts watched through the API', positive, 20)
    .option('--service <id>', 'service restarted to cause Service events', 'timed')
    .option('--cidr <cidr>', 'loopback network of the benchmark cluster', '127.0.13.0/24')
    .option('--skip-cluster', 'only the in-process figures', false)
    .parse(argv)
    .opts<Flags>();
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function latencyRow(label: string, samples: number[]): (string | number)[] {
  const s = [...samples].sort((a, b) => a - b);
  return [label, s.length, ms(percentile(s, 50)), ms(percentile(s, 99)), ms(s[s.length - 1] ?? NaN)];
}

const LATENCY_HEADER = ['path', 'samples', 'p50', 'p99', 'max'];
const NS = 'runtime';
const TYPE = 'BenchResources.bench.talos.dev';
const ptr = (id: string): Pointer<{ n: number }> => ({ namespace: NS, type: TYPE, id });
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Updates to one resource while `watchers` watchKind loops count what they receive. */
async function throughput(report: Report, flags: Flags): Promise<void> {
  const state = new InMemoryState();
  await state.create(ptr('one'), { n: 0 });
  const abort = new AbortController();
  const counts = new Array<number>(flags.watchers).fill(0);
  let lastSeen = 0;
  const done = new Promise<void>((resolve) => {
    for (let w = 0; w < flags.watchers; w++) {
      void (async () => {
        for await (const ev of state.watchKind<{ n: number }>(NS, TYPE, { signal: abort.signal })) {
          if (ev.type !== 'updated') continue;
          counts[w] = (counts[w] as number) + 1;
          if (counts.every((c) => c >= flags.updates)) {
            lastSeen = performance.now();
            resolve();
          }
        }
      })();
    }
  });
  await tick();
  const t0 = performance.now();
  let version = 1;
  for (let i = 1; i <= flags.updates; i++) {
    version = (await state.update(ptr('one'), version, { n: i })).metadata.version;
    // Lets the watchers drain before their queues (1000 deep) could overrun.
    if (i % 200 === 0) await tick();
  }
  const written = performance.now();
  await done;
  abort.abort();
  const writeS = (written - t0) / 1000;
  const deliverS = (lastSeen - t0) / 1000;
  report.section(
    `1a. in process: ${flags.updates.toLocaleString('en-US')} updates to one type, ${flags.watchers} watchKind watchers attached`,
  );
  report.line(
    table(
      ['figure', 'value'],
      [
        ['updates written', rate(flags.updates / writeS)],
        ['updates, until every watcher saw the last one', rate(flags.updates / deliverS)],
        ['events delivered (all watchers)', rate((flags.updates * flags.watchers) / deliverS)],
      ],
    ),
  );
}

/** Heap growth for `n` resources of a small spec, measured between two full GCs. */
async function memory(report: Report, flags: Flags): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  report.section(`1b. in process: heap per ${flags.memoryResources.toLocaleString('en-US')} resources`);
  if (!gc) {
    report.line('n/a: run node with --expose-gc');
    return;
  }
  const state = new InMemoryState();
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < flags.memoryResources; i++) {
    await state.create(ptr(`res-${String(i).padStart(6, '0')}`), {
      running: true,
      healthy: true,
      address: `10.5.${i % 256}.${(i >> 8) % 256}/24`,
    } as unknown as { n: number });
  }
  gc();
  gc();
  const delta = process.memoryUsage().heapUsed - before;
  const kept = (await state.list(NS, TYPE)).length;
  report.line(
    table(
      ['figure', 'value'],
      [
        ['resources held', kept],
        ['heap used delta', `${(delta / 1024 / 1024).toFixed(2)} MB`],
        ['per resource', `${Math.round(delta / flags.memoryResources)} bytes`],
        ['spec', '{running, healthy, address} + full metadata (labels {}, finalizers [])'],
      ],
    ),
  );
}

/** One watcher; each update awaits its event before the next: update() call -> event in hand. */
async function inProcessLatency(flags: Flags): Promise<number[]> {
  const state = new InMemoryState();
  await state.create(ptr('lat'), { n: 0 });
  const abort = new AbortController();
  let waiter: ((t: number) => void) | undefined;
  void (async () => {
    for await (const ev of state.watchKind(NS, TYPE, { signal: abort.signal })) {
      if (ev.type === 'updated') waiter?.(performance.now());
    }
  })();
  await tick();
  const samples: number[] = [];
  let version = 1;
  for (let i = 1; i <= flags.latencySamples; i++) {
    const seen = new Promise<number>((r) => (waiter = r));
    const t0 = performance.now();
    version = (await state.update(ptr('lat'), version, { n: i })).metadata.version;
    samples.push((await seen) - t0);
  }
  abort.abort();
  return samples;
}

interface SeenEvent {
  type: resource.EventType;
  id: string;
  at: number;
}

/** Service events at a client through apid, while the bench restarts one service `restarts` times. */
async function throughApi(
  client: Client,
  flags: Flags,
  progress: (line: string) => void,
): Promise<{ destroyed: number[]; created: number[]; reply: number[] }> {
  const abort = new AbortController();
  const events: SeenEvent[] = [];
  let notify: (() => void) | undefined;
  let watchError: Error | undefined;
  const watching = (async () => {
    try {
      for await (const part of client.resourceWatch({ type: 'Service' }, { signal: abort.signal })) {
        if (part.error) throw new Error(`watch error from ${part.node}: ${part.error}`);
        const id = part.message.resource?.metadata?.id ?? '';
        events.push({
          type: part.message.eventType ?? resource.EventType.CREATED,
          id,
          at: performance.now(),
        });
        notify?.();
      }
    } catch (err) {
      if (!abort.signal.aborted) watchError = err as Error;
      notify?.();
    }
  })();
  const waitFor = async (type: resource.EventType, after: number, timeoutMs = 30_000): Promise<number> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (watchError) throw watchError;
      const hit = events.find((e) => e.id === flags.service && e.type === type && e.at >= after);
      if (hit) return hit.at;
      const left = deadline - performance.now();
      if (left <= 0)
        throw new Error(`no ${resource.EventType[type]} event for ${flags.service} within ${timeoutMs} ms`);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, Math.min(left, 1000));
        notify = () => {
          clearTimeout(timer);
          r();
        };
      });
    }
  };
  // The initial list: the service must be there (CREATED) before the first restart.
  await waitFor(resource.EventType.CREATED, 0);
  const destroyed: number[] = [];
  const created: number[] = [];
  const reply: number[] = [];
  try {
    for (let i = 0; i < flags.restarts; i++) {
      events.length = 0;
      const t0 = performance.now();
      const parts = await client.serviceRestart(flags.service);
      const failed = parts.find((p) => p.error);
      if (failed) throw new Error(`error restarting ${flags.service}: ${failed.error}`);
      reply.push(performance.now() - t0);
      destroyed.push((await waitFor(resource.EventType.DESTROYED, t0)) - t0);
      created.push((await waitFor(resource.EventType.CREATED, t0)) - t0);
      if ((i + 1) % 5 === 0) progress(`restart ${i + 1}/${flags.restarts}`);
      // Let health settle so the next restart starts from a steady Running service.
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    abort.abort();
    await watching;
  }
  return { destroyed, created, reply };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv);
  const script = process.argv[1] as string;
  const dist = path.resolve(path.dirname(script), '..', '..');
  const talosctl = path.join(dist, 'tools', 'talosctl', 'main.js');
  const t0 = performance.now();
  const progress = (line: string): void =>
    void process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);
  const report = new Report();
  report.line(`resource benchmark: node ${process.version}, ${new Date().toISOString()}`);

  await throughput(report, flags);
  await memory(report, flags);
  const inProcess = await inProcessLatency(flags);
  report.section('1c. in process: InMemoryState.update() -> event at a watchKind watcher (lower bound)');
  report.line(table(LATENCY_HEADER, [latencyRow('update -> watcher event', inProcess)]));
  if (flags.skipCluster) return;

  const fixture = new ClusterFixture(talosctl, progress, { cidr: flags.cidr, addressWaitMs: 120_000 });
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> => (cleaning ??= fixture.cleanup());
  let interrupted = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      interrupted = true;
      progress(`${sig}: tearing down the cluster`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  let client: Client | undefined;
  try {
    const cluster = await fixture.create('benchres', 1, 0);
    client = Client.connect({ ...cluster.credentials, endpoints: [cluster.controlPlane.address], nodes: [] });
    const r = await throughApi(client, flags, progress);
    report.section(
      `2. through the system: client Watch(Service) via apid -> routerd -> machined, ${flags.restarts} restarts of ${flags.service}`,
    );
    report.line(
      'each time INCLUDES the service stopping (DESTROYED) and starting again (CREATED), not just the watch path',
    );
    report.line(
      table(LATENCY_HEADER, [
        latencyRow('ServiceRestart issued -> reply', r.reply),
        ['ServiceRestart issued -> DESTROYED seen', ...latencyRow('', r.destroyed).slice(1)],
        ['ServiceRestart issued -> CREATED seen', ...latencyRow('', r.created).slice(1)],
        ['(lower bound) in-process update -> event', ...latencyRow('', inProcess).slice(1)],
      ]),
    );
  } catch (err) {
    if (interrupted) return;
    progress(`benchmark failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    client?.close();
    await cleanup();
    progress('done: cluster destroyed');
  }
}

void main();
