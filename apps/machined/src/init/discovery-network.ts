// The network a node needs before it has a config: to fetch `talos.config=<URL>`, or to serve
// maintenance mode, the links must be up with an address, and networkd (DHCP by default) starts
// as a container only once the config is there. So, as Talos's discovery network does, machined
// configures the network itself until the config is known, with the configurator networkd runs
// (@talos/network); the networkd container takes over afterwards. In machined's own process: a
// Node start costs seconds under software emulation, at the head of the boot.
import type { MachineNetworkConfig } from '@talos/config';
import { NodePaths } from '@talos/constants';
import type { Logger } from '@talos/log';
import { configureNodeNetwork, type NetworkConfigurator } from '@talos/network';
import { syscalls } from '@talos/sys';

export interface DiscoveryNetworkOptions {
  /** The node's root: only a node's own machined (`/`) touches links; tests pass a folder. */
  root: string;
  logger: Logger;
  /** The kernel command line (`ip=`, `talos.network.interface.ignore`). */
  cmdline: () => string;
  /** The config's network, when the config is known (a later boot's, from STATE). */
  network?: MachineNetworkConfig;
}

export interface DiscoveryNetwork {
  /** Settles once the links were first configured (or that failed, which is logged). */
  ready: Promise<void>;
  /** Stops renewing leases (addresses stay until networkd reconfigures the links). */
  stop(): Promise<void>;
}

export function startDiscoveryNetwork(opts: DiscoveryNetworkOptions): DiscoveryNetwork {
  const { logger } = opts;
  if (opts.root !== '/') {
    logger.info(`starting the discovery network: links left alone in dev mode (--root ${opts.root})`);
    return { ready: Promise.resolve(), stop: async () => logger.info('discovery network stopped') };
  }
  logger.info('starting the discovery network');
  const abort = new AbortController();
  const configured: Promise<NetworkConfigurator | undefined> = configureNodeNetwork({
    cmdline: opts.cmdline(),
    ...(opts.network ? { network: opts.network } : {}),
    etcDir: new NodePaths(opts.root).etcDir,
    setHostname: (name) => syscalls.sethostname(name),
    logger,
    signal: abort.signal,
  }).then(
    ({ configurator }) => configurator,
    (err: Error) => {
      logger.error(`error configuring the discovery network: ${err.message}`);
      return undefined;
    },
  );
  return {
    ready: configured.then(() => undefined),
    async stop() {
      abort.abort();
      await (await configured)?.settled();
      logger.info('discovery network stopped');
    },
  };
}
