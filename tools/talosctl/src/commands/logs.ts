// talosctl logs ID / dmesg: service and kernel logs, each line prefixed with its node.
import { Command, InvalidArgumentError } from 'commander';
import type { common } from '@talos/api';
import type { NodePart } from '@talos/client';
import { CliRun, messageOf } from '../cli';
import { NodeLines } from '../output/lines';

/** Prints a stream of Data parts line by line; nodes that fail are reported and the rest go on. */
export async function printDataStream(
  run: CliRun,
  stream: AsyncIterable<NodePart<common.IData>>,
): Promise<void> {
  const lines = new NodeLines((node, line) => run.out(`${node}: ${line}\n`));
  try {
    for await (const part of stream) {
      if (part.error !== undefined) run.nodeError(part.node, part.error);
      else if (part.message.bytes && part.message.bytes.length > 0) lines.push(part.node, part.message.bytes);
    }
  } finally {
    lines.flush();
  }
}

function parseTail(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected an integer');
  return n;
}

export function registerLogs(program: Command, run: CliRun): void {
  program
    .command('logs')
    .argument('<id>', 'service name')
    .description('Retrieve logs for a service')
    .option('-f, --follow', 'specify if the logs should be streamed', false)
    .option(
      '--tail <lines>',
      'lines of log file to display (default is to show from the beginning)',
      parseTail,
      -1,
    )
    .action(async (id: string, opts: { follow: boolean; tail: number }, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const stream = client.logs(id, { follow: opts.follow, tailLines: opts.tail }, { signal: run.signal });
        await printDataStream(run, stream).catch((err: unknown) => {
          throw new Error(`error getting logs: ${messageOf(err)}`);
        });
      });
    });

  program
    .command('dmesg')
    .description('Retrieve kernel logs')
    .option('-f, --follow', 'specify if the kernel log should be streamed', false)
    .option(
      '--tail',
      'specify if only new messages should be sent (makes sense only when combined with --follow)',
      false,
    )
    .action(async (opts: { follow: boolean; tail: boolean }, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const stream = client.dmesg({ follow: opts.follow, tail: opts.tail }, { signal: run.signal });
        await printDataStream(run, stream).catch((err: unknown) => {
          throw new Error(`error getting dmesg: ${messageOf(err)}`);
        });
      });
    });
}
