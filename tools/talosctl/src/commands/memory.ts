// talosctl memory: memory usage per node, in MB (or /proc/meminfo style with --verbose).
import { Command } from 'commander';
import type { machine } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { Table } from '../output/table';

const MB = 1024; // meminfo counts kB

export function renderMemory(parts: readonly NodePart<machine.IMemory>[]): string {
  const table = new Table(['NODE', 'TOTAL', 'USED', 'FREE', 'SHARED', 'BUFFERS', 'CACHE', 'AVAILABLE']);
  for (const { node, message } of parts) {
    const m = message.meminfo ?? {};
    const total = m.memtotal ?? 0;
    const free = m.memfree ?? 0;
    const cached = m.cached ?? 0;
    const buffers = m.buffers ?? 0;
    const mb = (kb: number): number => Math.floor(kb / MB);
    table.add([
      node,
      mb(total),
      mb(total - free - cached - buffers),
      mb(free),
      mb(m.shmem ?? 0),
      mb(buffers),
      mb(cached),
      mb(m.memavailable ?? 0),
    ]);
  }
  return table.toString();
}

const VERBOSE_FIELDS: [label: string, field: keyof machine.IMemInfo, unit: boolean][] = [
  ['MemTotal', 'memtotal', true],
  ['MemFree', 'memfree', true],
  ['MemAvailable', 'memavailable', true],
  ['Buffers', 'buffers', true],
  ['Cached', 'cached', true],
  ['SwapCached', 'swapcached', true],
  ['Active', 'active', true],
  ['Inactive', 'inactive', true],
  ['SwapTotal', 'swaptotal', true],
  ['SwapFree', 'swapfree', true],
  ['Dirty', 'dirty', true],
  ['Writeback', 'writeback', true],
  ['AnonPages', 'anonpages', true],
  ['Mapped', 'mapped', true],
  ['Shmem', 'shmem', true],
  ['Slab', 'slab', true],
  ['KernelStack', 'kernelstack', true],
  ['PageTables', 'pagetables', true],
  ['CommitLimit', 'commitlimit', true],
  ['CommittedAS', 'committedas', true],
  ['HugePagesTotal', 'hugepagestotal', false],
  ['HugePagesFree', 'hugepagesfree', false],
  ['Hugepagesize', 'hugepagesize', true],
];

export function renderMemoryVerbose(parts: readonly NodePart<machine.IMemory>[]): string {
  let out = '';
  for (const { node, message } of parts) {
    const m = (message.meminfo ?? {}) as Record<string, unknown>;
    out += `NODE: ${node}\n`;
    for (const [label, field, unit] of VERBOSE_FIELDS) {
      out += `${label}: ${Number(m[field] ?? 0)}${unit ? ' kB' : ''}\n`;
    }
  }
  return out;
}

export function registerMemory(program: Command, run: CliRun): void {
  program
    .command('memory')
    .alias('m')
    .description('Show memory usage')
    .option('-v, --verbose', 'display extended memory statistics', false)
    .action(async (opts: { verbose: boolean }, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const parts = await client.memory({ signal: run.signal }).catch((err: unknown) => {
          throw new Error(`error getting memory stats: ${messageOf(err)}`);
        });
        const good = run.answered(parts);
        run.out(opts.verbose ? renderMemoryVerbose(good) : renderMemory(good));
      });
    });
}
