// udevd: kernel uevents (device management comes with the image).
import { Command } from 'commander';
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { createLogger } from '@talos/log';
import { Udevd } from './udevd';

async function main(): Promise<void> {
  const flags = new Command('udevd')
    .option('--root <dir>', 'node root: every path lives under it', '/')
    .parse()
    .opts<{ root: string }>();
  const paths = new NodePaths(path.resolve(flags.root));
  const logger = createLogger({ name: 'udevd' });

  let udevd: Udevd;
  try {
    udevd = await Udevd.start({ socketPath: paths.socket('udevd'), logger });
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, 'udevd failed to start');
    process.exit(1);
  }

  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping');
    udevd.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
