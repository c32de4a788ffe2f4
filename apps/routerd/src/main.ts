// routerd: dispatches gRPC calls by service name to the daemon sockets, with routes that
// backends can change at run time.
import * as path from 'node:path';
import { Command } from 'commander';
import { NodePaths } from '@talos/constants';
import { createLogger } from '@talos/log';
import { RouteTable } from './route-table';
import { Router } from './router';

interface Flags {
  root: string;
}

async function main(): Promise<void> {
  const flags = new Command('routerd')
    .option('--root <dir>', 'node root: every path lives under it', '/')
    .parse()
    .opts<Flags>();
  const paths = new NodePaths(path.resolve(flags.root));
  const logger = createLogger({ name: 'routerd' });

  const router = new Router({ table: RouteTable.withDefaults(paths), logger });
  try {
    await router.listen(paths.socket('routerd'));
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, 'routerd failed to start');
    process.exit(1);
  }

  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping');
    router.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
