// The talosctl command tree: global flags, one module per command, and the exit code
// (1 when the command failed or any node did).
import { Command, CommanderError } from 'commander';
import { VERSION } from '@talos/constants';
import { addGlobalOptions, CliDeps, CliRun, messageOf } from './cli';
import { registerApplyConfig } from './commands/apply-config';
import { registerCluster } from './commands/cluster';
import { registerConfig } from './commands/config';
import { registerContainers } from './commands/containers';
import { registerEvents } from './commands/events';
import { registerGen } from './commands/gen';
import { registerGet } from './commands/get';
import { registerInspect } from './commands/inspect';
import { registerLogs } from './commands/logs';
import { registerMemory } from './commands/memory';
import { registerMounts } from './commands/mounts';
import { registerNetwork } from './commands/network';
import { registerPower } from './commands/power';
import { registerProcesses } from './commands/processes';
import { registerRead } from './commands/read';
import { registerService } from './commands/service';
import { registerTime } from './commands/time';
import { registerValidate } from './commands/validate';
import { registerVersion } from './commands/version';

export function buildProgram(run: CliRun): Command {
  const program = addGlobalOptions(
    new Command('talosctl')
      .description('A CLI for out-of-band management of Kubernetes nodes created by Talos')
      .version(VERSION, '--cli-version'),
  );
  program
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => run.out(s), writeErr: (s) => run.err(s) });

  for (const register of [
    registerConfig,
    registerGen,
    registerVersion,
    registerMemory,
    registerProcesses,
    registerMounts,
    registerContainers,
    registerRead,
    registerService,
    registerLogs,
    registerEvents,
    registerTime,
    registerNetwork,
    registerPower,
    registerApplyConfig,
    registerCluster,
    registerGet,
    registerInspect,
    registerValidate,
  ]) {
    register(program, run);
  }
  // Sub-commands report through the same writers and never call process.exit themselves.
  const configure = (cmd: Command): void => {
    cmd.exitOverride().configureOutput({ writeOut: (s) => run.out(s), writeErr: (s) => run.err(s) });
    cmd.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** Runs talosctl with `argv` (as process.argv: node, script, args...) and returns the exit code. */
export async function runTalosctl(argv: readonly string[], deps: CliDeps): Promise<number> {
  const run = new CliRun(deps);
  const program = buildProgram(run);
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" with exit code 0; usage errors are already printed.
      return err.exitCode;
    }
    run.err(`${messageOf(err)}\n`);
    return 1;
  }
  return run.failed ? 1 : 0;
}
