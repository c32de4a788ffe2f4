// talosctl apply-config -f FILE [--on-reboot|--immediate]: sends a machine configuration to each
// node, which validates it in full before anything changes and says why when it refuses.
import { promises as fs } from 'node:fs';
import { Command, Option } from 'commander';
import { CliRun, messageOf } from '../cli';

interface ApplyFlags {
  file: string;
  onReboot?: boolean;
  immediate?: boolean;
  insecure?: boolean;
}

export const MAINTENANCE_NOT_IMPLEMENTED =
  'maintenance mode is not implemented yet: --insecure is not supported';

export function registerApplyConfig(program: Command, run: CliRun): void {
  program
    .command('apply-config')
    .description('Apply a new configuration to a node')
    .requiredOption('-f, --file <file>', 'the filename of the updated configuration')
    .addOption(new Option('--on-reboot', 'apply the config on reboot (store it only)').conflicts('immediate'))
    .addOption(new Option('--immediate', 'apply the config immediately (without a reboot where possible)'))
    .option(
      '-i, --insecure',
      'apply the config using the insecure (encrypted with no auth) maintenance service',
    )
    .action(async (flags: ApplyFlags, cmd: Command) => {
      if (flags.insecure) throw new Error(MAINTENANCE_NOT_IMPLEMENTED);
      let data: Buffer;
      try {
        data = await fs.readFile(flags.file);
      } catch (err) {
        throw new Error(`failed to read configuration from ${JSON.stringify(flags.file)}: ${messageOf(err)}`);
      }
      await run.withClient(cmd, async (client) => {
        const parts = await client
          .applyConfiguration(
            data,
            { onReboot: flags.onReboot ?? false, immediate: flags.immediate ?? false },
            { signal: run.signal },
          )
          .catch((err: unknown) => {
            throw new Error(`error applying new configuration: ${messageOf(err)}`);
          });
        run.answered(parts);
      });
    });
}
