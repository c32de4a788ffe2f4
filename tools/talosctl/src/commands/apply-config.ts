// talosctl apply-config -f FILE [--on-reboot|--immediate]: sends a machine configuration to each
// node, which validates it in full before anything changes and says why when it refuses.
import { promises as fs } from 'node:fs';
import { Command, Option } from 'commander';
import { Client } from '@talos/client';
import { CliRun, globalsOf, messageOf } from '../cli';

interface ApplyFlags {
  file: string;
  onReboot?: boolean;
  immediate?: boolean;
  insecure?: boolean;
}

/**
 * `--insecure`: each node named by -n (else -e) is in maintenance mode, reached directly (maintenance
 * mode is never proxied), over TLS with no client certificate and no server check.
 */
async function applyInsecure(run: CliRun, cmd: Command, data: Buffer, flags: ApplyFlags): Promise<void> {
  const globals = globalsOf(cmd);
  const targets = globals.nodes.length > 0 ? globals.nodes : globals.endpoints;
  if (targets.length === 0) throw new Error('--insecure needs the nodes to configure: use --nodes (-n)');
  for (const target of targets) {
    const client = Client.connect({ endpoints: [target], insecure: true });
    try {
      const parts = await client.applyConfiguration(
        data,
        { onReboot: flags.onReboot ?? false, immediate: flags.immediate ?? false },
        { signal: run.signal },
      );
      run.answered(parts.map((p) => ({ ...p, node: target })));
    } catch (err) {
      run.nodeError(target, `error applying new configuration: ${messageOf(err)}`);
    } finally {
      client.close();
    }
  }
}

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
      let data: Buffer;
      try {
        data = await fs.readFile(flags.file);
      } catch (err) {
        throw new Error(`failed to read configuration from ${JSON.stringify(flags.file)}: ${messageOf(err)}`);
      }
      if (flags.insecure) {
        await applyInsecure(run, cmd, data, flags);
        return;
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
