// machined: as PID 1 of a node (metal), it sets the node up and runs the daemons as containers
// (init/metal-main.ts); otherwise (dev mode) it supervises them as child processes. Both serve the
// machine API.
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '@talos/config';
import { BUNDLE_DIR_ENV, NodePaths } from '@talos/constants';
import { createLogger } from '@talos/log';
import { awaitConfigInMaintenance } from './maintenance/maintenance-mode';
import { MachineNode } from './node';
import { LogBuffer } from './system/log-buffer';

interface Flags {
  root: string;
  address: string;
  config?: string;
  hostname?: string;
  metal?: boolean;
  cmdline?: string;
  console?: string;
  fatalDelay?: string;
}

/** machined's own output goes to stdout and to its log buffer (`talosctl logs machined`). */
function teeToStdout(log: LogBuffer): Writable {
  const buffer = log.writable();
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      process.stdout.write(chunk);
      buffer.write(chunk, cb);
    },
  });
}

async function main(): Promise<void> {
  const flags = new Command('machined')
    .option('--root <dir>', 'node root: every path lives under it', '/')
    .option('--address <ip>', "the node's IP address (children listen on it)", '127.0.0.1')
    .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml)')
    .option('--hostname <name>', "the node's hostname (default: from the config, else the host's)")
    .option('--metal', 'run as the init of a node (implied when PID 1; tests: PID 1 of a pid namespace)')
    .option('--cmdline <file>', 'metal: the kernel command line file (default /proc/cmdline)')
    .option('--console <device>', 'metal: where progress lines go (default /dev/kmsg)')
    .option('--fatal-delay <ms>', 'metal: wait before going down when the node cannot boot')
    .parse()
    .opts<Flags>();

  const root = path.resolve(flags.root);
  if (process.pid === 1 || flags.metal) {
    // Metal mode signals every process and calls reboot(2): never anywhere but as an init.
    if (process.pid !== 1) {
      process.stderr.write('machined: --metal needs PID 1 (run it under unshare --pid --fork)\n');
      process.exit(2);
    }
    const { runMetal } = await import('./init/metal-main');
    await runMetal({
      root,
      cmdline: flags.cmdline,
      console: flags.console,
      fatalDelay: flags.fatalDelay,
      bundleDir: process.env[BUNDLE_DIR_ENV],
    });
    return;
  }

  const machinedLog = new LogBuffer();
  const logger = createLogger({ name: 'machined', destination: teeToStdout(machinedLog) });
  const configPath = flags.config ?? new NodePaths(root).configFile;

  let node: MachineNode;
  try {
    if (!existsSync(configPath)) {
      // No config: maintenance mode on the node's API port until one is applied (--insecure).
      const abort = new AbortController();
      process.once('SIGTERM', () => abort.abort());
      process.once('SIGINT', () => abort.abort());
      const given = await awaitConfigInMaintenance({
        address: flags.address,
        configPath,
        mode: 'dev',
        logger,
        hostname: flags.hostname,
        signal: abort.signal,
      });
      if (!given) process.exit(0);
      process.removeAllListeners('SIGTERM');
      process.removeAllListeners('SIGINT');
    }
    const config = await loadConfig(configPath);
    // The MachineConfig resource shows the file as written, comments included.
    const configText = await readFile(configPath, 'utf8');
    node = new MachineNode({
      root,
      address: flags.address,
      configPath,
      config,
      configText,
      hostname: flags.hostname,
      bundleDir: process.env[BUNDLE_DIR_ENV] ?? path.resolve(__dirname, '..'),
      machinedLog,
      logger,
      onShutdown: () => process.exit(0),
    });
    await node.start();
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, 'machined failed to start');
    process.exit(1);
  }
  logger.info({ root, address: flags.address }, 'machined started');

  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping services');
    node.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
