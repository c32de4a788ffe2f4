// talosctl read PATH: a file's bytes from the node, as they are (no node prefix: a file is not
// lines, and Talos prints it raw too).
import { Command } from 'commander';
import { CliRun, messageOf } from '../cli';

export function registerRead(program: Command, run: CliRun): void {
  program
    .command('read')
    .alias('cat')
    .argument('<path>', 'the file to read')
    .description('Read a file on the machine')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        try {
          for await (const part of client.read(file, { signal: run.signal })) {
            if (part.error !== undefined) run.nodeError(part.node, part.error);
            else if (part.message.bytes?.length) run.out(Buffer.from(part.message.bytes).toString());
          }
        } catch (err) {
          throw new Error(`error reading file: ${messageOf(err)}`);
        }
      });
    });
}
