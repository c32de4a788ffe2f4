// Where a daemon's CPU went, from the .cpuprofile files `--cpu-prof` writes (bench:api --cpu-prof
// DIR runs every node process with it). Self time is grouped by source file, through the bundle's
// source map, so that "grpc-js http2 transport" or "our router" stands out from a bundle of one
// file. Run: npx nx run bench:profile -- DIR
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { table, type Cell } from './report';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** The bundle the process ran (dist/apps/<daemon>/main.js), or the file name. */
  program: string;
  totalMs: number;
  /** Sampled time not idle. */
  busyMs: number;
  /** Self time by group, largest first. */
  byGroup: Array<{ group: string; ms: number }>;
  byFunction: Array<{ name: string; ms: number }>;
  /** Busy time by layer: our code, npm packages, Node's JS, native bindings, V8 (GC, (program)). */
  byLayer: Record<string, number>;
}

function layerOf(group: string): string {
  if (group === '(idle)') return 'idle';
  if (group === '(garbage collector)' || group === '(program)') return 'v8 gc/native';
  if (group.startsWith('node: ')) return 'node js';
  if (/^(apps|libs|tools)\//.test(group)) return 'ours';
  if (group.includes('/')) return 'packages';
  return 'bindings';
}

const sourceMaps = new Map<string, SourceMap | undefined>();

function sourceMapOf(url: string): SourceMap | undefined {
  if (!sourceMaps.has(url)) {
    let map: SourceMap | undefined;
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    sourceMaps.set(url, map);
  }
  return sourceMaps.get(url);
}

/** A readable group for a frame: the original source (package or our folder), or V8's own label. */
function groupOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName || '(anonymous)';
  if (frame.url.startsWith('node:')) return `node: ${frame.url.slice(5).split('/').slice(0, 2).join('/')}`;
  if (!frame.url.startsWith('file:')) return frame.url;
  const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) as
    { originalSource?: string } | undefined;
  const source = entry?.originalSource;
  if (!source) return path.basename(frame.url);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(source);
  if (pkg) return `${pkg[1]}/${path.basename(pkg[2] as string)}`;
  const ours = /((?:apps|libs|tools)\/.*)$/.exec(source);
  return ours ? (ours[1] as string) : source;
}

/** Nodes under the profiler's own preload (starting the profiler costs a few hundred ms). */
function profilerNodes(nodes: readonly ProfileNode[]): Set<number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const marked = new Set<number>();
  const mark = (id: number): void => {
    marked.add(id);
    for (const child of byId.get(id)?.children ?? []) mark(child);
  };
  for (const n of nodes) if (n.callFrame.url.endsWith('/cpu-profiler.js')) mark(n.id);
  return marked;
}

export function summarize(profile: CpuProfile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const skipped = profilerNodes(profile.nodes);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (!skipped.has(id)) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let program = '';
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    if (!program && /\/dist\/.*main\.js$/.test(frame.url)) program = fileURLToPath(frame.url);
    const group = groupOf(frame);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} [${group}]`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>): Array<[string, number]> =>
    [...m.entries()]
      .filter(([key]) => !key.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
  const all = [...groups.values()].reduce((a, b) => a + b, 0);
  const byLayer: Record<string, number> = {};
  for (const [group, us] of groups) {
    const layer = layerOf(group);
    if (layer !== 'idle') byLayer[layer] = (byLayer[layer] ?? 0) + us / 1000;
  }
  return {
    program,
    totalMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: (all - (groups.get('(idle)') ?? 0)) / 1000,
    byGroup: sorted(groups).map(([group, us]) => ({ group, ms: us / 1000 })),
    byFunction: sorted(functions).map(([name, us]) => ({ name, ms: us / 1000 })),
    byLayer,
  };
}

export function renderSummary(file: string, s: ProfileSummary): string {
  const busyMs = s.busyMs;
  const rows = (items: Array<{ label: string; ms: number }>): Cell[][] =>
    items.map((i) => [
      i.label,
      `${i.ms.toFixed(0)} ms`,
      `${((100 * i.ms) / Math.max(1, busyMs)).toFixed(1)}%`,
    ]);
  return [
    `${path.basename(file)}: ${s.program || 'unknown program'} (${(s.totalMs / 1000).toFixed(1)} s profiled, ${(s.busyMs / 1000).toFixed(1)} s busy)`,
    `by layer: ${Object.entries(s.byLayer)
      .sort((a, b) => b[1] - a[1])
      .map(([layer, v]) => `${layer} ${((100 * v) / Math.max(1, busyMs)).toFixed(0)}%`)
      .join(', ')}`,
    table(
      ['SELF TIME BY SOURCE', 'MS', 'OF BUSY*'],
      rows(s.byGroup.map((g) => ({ label: g.group, ms: g.ms }))),
    ),
    table(
      ['SELF TIME BY FUNCTION', 'MS', 'OF BUSY*'],
      rows(s.byFunction.map((f) => ({ label: f.name, ms: f.ms }))),
    ),
    '* of the busy (not idle) time of the profile',
  ].join('\n');
}

function main(): void {
  const [dir, ...args] = process.argv.slice(2);
  if (!dir) {
    console.error(
      'usage: profile-summary DIR [--top N] [DAEMON...]: the N busiest profiles (default 3) of DIR',
    );
    process.exit(2);
  }
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 3;
  const wanted = args.filter((a, i) => a !== '--top' && i !== topAt + 1);
  const profiles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((name) => {
      const file = path.join(dir, name);
      return { file, summary: summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile) };
    })
    .filter((p) => wanted.length === 0 || wanted.some((w) => p.summary.program.includes(`/${w}/`)))
    .sort((a, b) => b.summary.busyMs - a.summary.busyMs);
  console.log(
    table(
      ['PROFILE', 'PROFILED', 'BUSY'],
      profiles.map((p) => [
        path.basename(p.file),
        `${(p.summary.totalMs / 1000).toFixed(1)} s`,
        `${(p.summary.busyMs / 1000).toFixed(1)} s`,
      ]),
    ),
  );
  for (const p of profiles.slice(0, top)) console.log(`\n${renderSummary(p.file, p.summary)}`);
}

if (require.main === module) main();
