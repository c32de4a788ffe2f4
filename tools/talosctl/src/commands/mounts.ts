// talosctl mounts: filesystems per node with sizes in GB.
import { Command } from 'commander';
import type { machine } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { Table } from '../output/table';

export function renderMounts(parts: readonly NodePart<machine.IMounts>[]): string {
  const table = new Table([
    'NODE',
    'FILESYSTEM',
    'SIZE(GB)',
    'USED(GB)',
    'AVAILABLE(GB)',
    'PERCENT USED',
    'MOUNTED ON',
  ]);
  for (const { node, message } of parts) {
    for (const stat of message.stats ?? []) {
      const size = Number(stat.size ?? 0);
      const available = Number(stat.available ?? 0);
      // Pseudo filesystems report no size; a percentage of nothing means nothing.
      if (size === 0) continue;
      const percentUsed = 100 - (100 * available) / size;
      table.add([
        node,
        stat.filesystem ?? '',
        (size * 1e-9).toFixed(2),
        ((size - available) * 1e-9).toFixed(2),
        (available * 1e-9).toFixed(2),
        `${percentUsed.toFixed(2)}%`,
        stat.mountedOn ?? '',
      ]);
    }
  }
  return table.toString();
}

export function registerMounts(program: Command, run: CliRun): void {
  program
    .command('mounts')
    .description('List mounts')
    .action(async (_opts: unknown, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const parts = await client.mounts({ signal: run.signal }).catch((err: unknown) => {
          throw new Error(`error getting mounts: ${messageOf(err)}`);
        });
        run.out(renderMounts(run.answered(parts)));
      });
    });
}
