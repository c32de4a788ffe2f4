// talosctl processes: processes per node, sorted by resident memory (or CPU time).
import * as path from 'node:path';
import { Command } from 'commander';
import type { machine } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { humanizeBytes } from '../output/format';
import { formatTable } from '../output/table';

export type ProcessSort = 'rss' | 'cpu';

/** The command line to show: the executable's full path in place of argv[0] when they match. */
export function processCommand(p: machine.IProcessInfo): string {
  const executable = p.executable ?? '';
  const args = p.args ?? '';
  if (!executable) return p.command ?? '';
  const argv0 = args.trim().split(/\s+/)[0] ?? '';
  const exe0 = executable.trim().split(/\s+/)[0] ?? '';
  if (args && argv0 === path.basename(exe0)) return args.replace(argv0, executable);
  return args;
}

export function renderProcesses(
  parts: readonly NodePart<machine.IProcess>[],
  sort: ProcessSort = 'rss',
): string {
  // Talos prints this table with columnize: two spaces between columns.
  const rows: string[][] = [['NODE', 'PID', 'STATE', 'THREADS', 'CPU-TIME', 'VIRTMEM', 'RESMEM', 'COMMAND']];
  for (const { node, message } of parts) {
    const procs = [...(message.processes ?? [])];
    procs.sort((a, b) =>
      sort === 'cpu'
        ? Number(b.cpuTime ?? 0) - Number(a.cpuTime ?? 0)
        : Number(b.residentMemory ?? 0) - Number(a.residentMemory ?? 0),
    );
    for (const p of procs) {
      rows.push([
        node,
        String(p.pid ?? 0),
        p.state ?? '',
        String(p.threads ?? 0),
        Number(p.cpuTime ?? 0).toFixed(2),
        humanizeBytes(Number(p.virtualMemory ?? 0)),
        humanizeBytes(Number(p.residentMemory ?? 0)),
        processCommand(p),
      ]);
    }
  }
  return formatTable(rows, 2);
}

export function registerProcesses(program: Command, run: CliRun): void {
  program
    .command('processes')
    .aliases(['p', 'ps'])
    .description('List running processes')
    .option('-s, --sort <column>', 'column to sort output by [rss|cpu]', 'rss')
    .action(async (opts: { sort: string }, cmd: Command) => {
      if (opts.sort !== 'rss' && opts.sort !== 'cpu')
        throw new Error(`unknown sort column "${opts.sort}": use rss or cpu`);
      await run.withClient(cmd, async (client) => {
        const parts = await client.processes({ signal: run.signal }).catch((err: unknown) => {
          throw new Error(`error getting processes: ${messageOf(err)}`);
        });
        run.out(renderProcesses(run.answered(parts), opts.sort as ProcessSort));
      });
    });
}
