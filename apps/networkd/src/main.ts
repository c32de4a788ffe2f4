// networkd: the node's network state (network.NetworkService), and on a node it owns (`--root /`
// as root: the image) the network configuration itself. In dev mode (`--root DIR`) it never
// touches the host's links, hostname or files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type MachineNetworkConfig, loadConfig } from '@talos/config';
import { NodePaths, PROC_CMDLINE_PATH } from '@talos/constants';
import { daemonCommand, runDaemon } from '@talos/daemon';
import { syscalls } from '@talos/sys';
import { Networkd } from './networkd';
import { configureNodeNetwork } from '@talos/network';

const flags = daemonCommand('networkd')
  .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml, if present)')
  .parse()
  .opts<{ root: string; config?: string }>();
const root = path.resolve(flags.root);
const paths = new NodePaths(root);
const ownsNode = root === '/' && process.getuid?.() === 0;

async function machineNetwork(): Promise<MachineNetworkConfig | undefined> {
  const file = flags.config ?? paths.configFile;
  if (flags.config === undefined && !fs.existsSync(file)) return undefined;
  return (await loadConfig(file)).machine.network;
}

void runDaemon('networkd', async (logger) => {
  if (!ownsNode)
    logger.info(
      `not configuring the network: ${root !== '/' ? `dev mode (--root ${root})` : 'not running as root'}`,
    );
  const network = ownsNode ? await machineNetwork() : undefined;
  return Networkd.start({
    socketPath: paths.socket('networkd'),
    logger,
    ...(ownsNode
      ? {
          configure: async (signal: AbortSignal) =>
            (
              await configureNodeNetwork({
                cmdline: await fs.promises.readFile(PROC_CMDLINE_PATH, 'utf8'),
                ...(network ? { network } : {}),
                etcDir: paths.etcDir,
                setHostname: (name) => syscalls.sethostname(name),
                logger,
                signal,
              })
            ).configurator,
        }
      : {}),
  });
});
