// Figure 3: memory of the seven daemons of one node (the first control plane runs all of them),
// idle and after N Version calls through apid. RSS counts shared pages (the node binary) in full
// in every process; PSS splits them among the processes that share them; PRIVATE is what each
// process alone holds.
import { DAEMONS } from '@talos/constants';
import { bindCall } from './call-targets';
import type { BenchCluster } from './cluster-fixture';
import { runLoad } from './load-generator';
import { findDaemonPids, sampleMemory, type MemorySample } from './node-processes';
import { Report, mb, table, type Cell } from './report';

export interface MemoryOptions {
  calls: number;
  concurrency: number;
  /** Quiet time after start-up before the idle sample. */
  settleMs: number;
  bundleDir: string;
}

export const RSS_LIMIT_KB = 100 * 1024;
export const PSS_TOTAL_LIMIT_KB = 250 * 1024;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function memoryFigure(
  report: Report,
  cluster: BenchCluster,
  opts: MemoryOptions,
): Promise<void> {
  const node = cluster.controlPlane;
  const pids = findDaemonPids(node.root, opts.bundleDir);
  const missing = DAEMONS.filter((d) => pids[d] === undefined);
  if (missing.length)
    throw new Error(`error finding daemons of ${node.name} in /proc: ${missing.join(', ')} not running`);

  await sleep(opts.settleMs);
  const sampleAll = (): MemorySample[] => DAEMONS.map((d) => sampleMemory(pids[d] as number));
  const idle = sampleAll();

  const bound = bindCall({ kind: 'apid', endpoint: node.address, ...cluster.credentials, nodes: [] });
  let result;
  try {
    result = await runLoad(bound.call, { concurrency: opts.concurrency, calls: opts.calls });
  } finally {
    bound.close();
  }
  const after = sampleAll();

  report.section(
    `3. memory of the daemons of ${node.name}: idle, and after ${opts.calls.toLocaleString('en-US')} Version calls through apid`,
  );
  report.line(
    `(${result.calls} calls answered, ${result.errors} errors, ${opts.concurrency} in flight; sampled from /proc/PID/smaps_rollup)`,
  );
  const rows: Cell[][] = DAEMONS.map((d, i) => {
    const a = idle[i] as MemorySample;
    const b = after[i] as MemorySample;
    return [
      d,
      pids[d] as number,
      mb(a.rssKb),
      mb(a.pssKb),
      mb(a.privateKb),
      mb(b.rssKb),
      mb(b.pssKb),
      mb(b.privateKb),
    ];
  });
  const sum = (samples: MemorySample[], key: keyof MemorySample): number =>
    samples.reduce((s, m) => s + m[key], 0);
  rows.push([
    'all seven',
    '',
    mb(sum(idle, 'rssKb')),
    mb(sum(idle, 'pssKb')),
    mb(sum(idle, 'privateKb')),
    mb(sum(after, 'rssKb')),
    mb(sum(after, 'pssKb')),
    mb(sum(after, 'privateKb')),
  ]);
  report.line();
  report.line(
    table(
      ['DAEMON', 'PID', 'RSS IDLE', 'PSS IDLE', 'PRIVATE IDLE', 'RSS AFTER', 'PSS AFTER', 'PRIVATE AFTER'],
      rows,
    ),
  );
  report.line(
    "note: PSS shares the node binary's pages among every node process on this machine (all nodes of the " +
      "cluster, other tenants' node processes): on a real node, with fewer sharers, PSS is closer to PRIVATE + binary/7.",
  );

  const maxRss = (samples: MemorySample[]): { daemon: string; kb: number } =>
    samples.reduce(
      (best, m, i) => (m.rssKb > best.kb ? { daemon: DAEMONS[i] as string, kb: m.rssKb } : best),
      { daemon: '', kb: 0 },
    );
  const worstIdle = maxRss(idle);
  const worstAfter = maxRss(after);
  report.check({
    figure: 'largest daemon RSS',
    target: `≤ ${mb(RSS_LIMIT_KB)} each`,
    actual: `idle ${mb(worstIdle.kb)} (${worstIdle.daemon}), after ${mb(worstAfter.kb)} (${worstAfter.daemon})`,
    pass: Math.max(worstIdle.kb, worstAfter.kb) <= RSS_LIMIT_KB,
  });
  const pssIdle = sum(idle, 'pssKb');
  const pssAfter = sum(after, 'pssKb');
  report.check({
    figure: 'PSS of the seven daemons',
    target: `≤ ${mb(PSS_TOTAL_LIMIT_KB)} together`,
    actual: `idle ${mb(pssIdle)}, after ${mb(pssAfter)}`,
    pass: Math.max(pssIdle, pssAfter) <= PSS_TOTAL_LIMIT_KB,
  });
}
