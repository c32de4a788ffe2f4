// talosctl time: the node's clock next to an NTP server's.
import { Command } from 'commander';
import type { time } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { goTime } from '../output/format';
import { Table } from '../output/table';

type Timestamp = { seconds?: number | null; nanos?: number | null };

export function renderTime(parts: readonly NodePart<time.ITime>[]): string {
  const table = new Table(['NODE', 'NTP-SERVER', 'MACHINE-TIME', 'NTP-SERVER-TIME']);
  for (const { node, message } of parts) {
    table.add([
      node,
      message.server ?? '',
      goTime(message.localtime as Timestamp | null | undefined),
      goTime(message.remotetime as Timestamp | null | undefined),
    ]);
  }
  return table.toString();
}

export function registerTime(program: Command, run: CliRun): void {
  program
    .command('time')
    .description('Gets current server time')
    .option(
      '-c, --check <server>',
      "checks server time against specified ntp server (default: the node's configured server)",
    )
    .action(async (opts: { check?: string }, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const call = opts.check
          ? client.timeCheck(opts.check, { signal: run.signal })
          : client.time({ signal: run.signal });
        const parts = await call.catch((err: unknown) => {
          throw new Error(`error fetching time: ${messageOf(err)}`);
        });
        run.out(renderTime(run.answered(parts)));
      });
    });
}
