// timed: SNTP time sync and time.TimeService.
import { Command } from 'commander';
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { createLogger } from '@talos/log';
import { loadTimeSettings } from './time-config';
import { Timed } from './timed';

interface Flags {
  root: string;
  config?: string;
  servers?: string;
}

async function main(): Promise<void> {
  const flags = new Command('timed')
    .option('--root <dir>', 'node root: every path lives under it', '/')
    .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml, if present)')
    .option('--servers <list>', 'NTP servers, comma-separated (host or host:port); overrides the config')
    .parse()
    .opts<Flags>();
  const root = path.resolve(flags.root);
  const paths = new NodePaths(root);
  const logger = createLogger({ name: 'timed' });

  // Only a node's own timed steers the clock: a dev-mode node is a folder of processes on a
  // shared host, whose clock is not ours to set.
  let clockDisabledReason: string | undefined;
  if (root !== '/') clockDisabledReason = `dev mode (--root ${root})`;
  else if (process.getuid?.() !== 0) clockDisabledReason = 'not running as root';

  let timed: Timed;
  try {
    const settings = await loadTimeSettings({
      serversFlag: flags.servers,
      configFile: flags.config ?? paths.configFile,
      configFileExplicit: flags.config !== undefined,
    });
    timed = await Timed.start({ socketPath: paths.socket('timed'), settings, logger, clockDisabledReason });
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, 'timed failed to start');
    process.exit(1);
  }

  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping');
    timed.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
