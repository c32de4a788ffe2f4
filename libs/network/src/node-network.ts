// Configuring the network of a node networkd owns: read the links, plan from the config and the
// kernel command line, run the configurator. main.ts calls it with the real hostname setter and
// /system/etc; the netns tests call it with theirs.
import type { MachineNetworkConfig } from '@talos/config';
import { KernelCmdline } from '@talos/kernel';
import type { Logger } from '@talos/log';
import { RtNetlink } from '@talos/sys';
import { type ConfiguratorOptions, NetworkConfigurator, type NetworkStatus } from './configurator';
import { planNetwork } from './plan';

export interface NodeNetworkOptions {
  /** The kernel command line (/proc/cmdline's text). */
  cmdline: string;
  network?: MachineNetworkConfig;
  etcDir: string;
  setHostname: (name: string) => void;
  logger: Logger;
  signal: AbortSignal;
  netlink?: RtNetlink;
  dhcpInitialWaitMs?: ConfiguratorOptions['dhcpInitialWaitMs'];
}

export interface NodeNetwork {
  configurator: NetworkConfigurator;
  /** The state after the first configuration (files written). */
  status: NetworkStatus;
}

export async function configureNodeNetwork(opts: NodeNetworkOptions): Promise<NodeNetwork> {
  const netlink = opts.netlink ?? new RtNetlink();
  const links = await netlink.links();
  const plan = planNetwork({
    links,
    cmdline: KernelCmdline.parse(opts.cmdline),
    ...(opts.network ? { network: opts.network } : {}),
  });
  opts.logger.info(
    { links: plan.links.map((l) => `${l.name}:${l.dhcp ? 'dhcp' : 'static'}(${l.source})`) },
    'configuring network',
  );
  const configurator = new NetworkConfigurator({
    plan,
    logger: opts.logger,
    etcDir: opts.etcDir,
    setHostname: opts.setHostname,
    netlink,
    ...(opts.dhcpInitialWaitMs !== undefined ? { dhcpInitialWaitMs: opts.dhcpInitialWaitMs } : {}),
  });
  const status = await configurator.run(opts.signal);
  return { configurator, status };
}
