// routerd: dispatches gRPC calls by service name to the daemon sockets, with routes that
// backends can change at run time.
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { daemonCommand, runDaemon } from '@talos/daemon';
import { RouteTable } from './route-table';
import { Router } from './router';

const flags = daemonCommand('routerd').parse().opts<{ root: string }>();
const paths = new NodePaths(path.resolve(flags.root));

void runDaemon('routerd', async (logger) => {
  const router = new Router({ table: RouteTable.withDefaults(paths), logger });
  await router.listen(paths.socket('routerd'));
  return { stop: () => router.close() };
});
