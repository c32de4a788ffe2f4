// talosctl reboot / shutdown: ask each node to run its reboot or shutdown sequence.
import { Command } from 'commander';
import { CliRun, messageOf } from '../cli';

export function registerPower(program: Command, run: CliRun): void {
  program
    .command('reboot')
    .description('Reboot a node')
    .action(async (_opts: unknown, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const parts = await client.reboot({ signal: run.signal }).catch((err: unknown) => {
          throw new Error(`error executing reboot: ${messageOf(err)}`);
        });
        run.answered(parts);
      });
    });

  program
    .command('shutdown')
    .description('Shutdown a node')
    .action(async (_opts: unknown, cmd: Command) => {
      await run.withClient(cmd, async (client) => {
        const parts = await client.shutdown({ signal: run.signal }).catch((err: unknown) => {
          throw new Error(`error executing shutdown: ${messageOf(err)}`);
        });
        run.answered(parts);
      });
    });
}
