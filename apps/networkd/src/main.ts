// networkd: the node's network state (network.NetworkService).
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { daemonCommand, runDaemon } from '@talos/daemon';
import { Networkd } from './networkd';

const flags = daemonCommand('networkd')
  // Accepted now so machined can pass it; networkd reads machine.network once it configures links.
  .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml)')
  .parse()
  .opts<{ root: string; config?: string }>();
const paths = new NodePaths(path.resolve(flags.root));

void runDaemon('networkd', (logger) => Networkd.start({ socketPath: paths.socket('networkd'), logger }));
