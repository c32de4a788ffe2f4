// networkd: the node's network state (network.NetworkService).
import { Command } from 'commander';
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { createLogger } from '@talos/log';
import { Networkd } from './networkd';

interface Flags {
  root: string;
  config?: string;
}

async function main(): Promise<void> {
  const flags = new Command('networkd')
    .option('--root <dir>', 'node root: every path lives under it', '/')
    // Accepted now so machined can pass it; networkd reads machine.network once it configures links.
    .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml)')
    .parse()
    .opts<Flags>();
  const paths = new NodePaths(path.resolve(flags.root));
  const logger = createLogger({ name: 'networkd' });

  let networkd: Networkd;
  try {
    networkd = await Networkd.start({ socketPath: paths.socket('networkd'), logger });
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, 'networkd failed to start');
    process.exit(1);
  }

  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping');
    networkd.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
