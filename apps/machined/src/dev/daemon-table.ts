// The node daemons machined supervises, as data shared by dev mode (child processes) and the image
// (containers): which daemon waits for which, which flags it gets, how its health is checked.
import { isControlPlane, type MachineType } from '@talos/config';
import { NODE_FLAGS, type Daemon, daemonBundle } from '@talos/constants';

export type DaemonFlag = 'address' | 'config';

export interface DaemonSpec {
  dependsOn(controlPlane: boolean): string[];
  /** Flags besides --root. */
  flags: DaemonFlag[];
  /** grpc: the standard health service on its unix socket; tls: its TLS port shows our OS CA. */
  health?: 'grpc' | 'tls';
  controlPlaneOnly?: boolean;
}

export type NodeDaemon = Exclude<Daemon, 'machined'>;

export const DAEMON_SPECS: Readonly<Record<NodeDaemon, DaemonSpec>> = {
  udevd: { dependsOn: () => [], flags: [], health: 'grpc' },
  routerd: { dependsOn: () => ['machined'], flags: [], health: 'grpc' },
  networkd: { dependsOn: () => ['machined'], flags: ['config'], health: 'grpc' },
  timed: { dependsOn: () => ['networkd'], flags: ['config'], health: 'grpc' },
  // trustd serves only TCP with TLS, no unix socket. As in Talos it waits for no daemon (for
  // containerd only, on a node): it needs nothing but its config, and apid's start waits on it.
  trustd: {
    dependsOn: () => [],
    flags: ['address', 'config'],
    health: 'tls',
    controlPlaneOnly: true,
  },
  // As in Talos, apid waits for no other daemon: it starts beside trustd and retries its
  // certificate request until trustd (a control plane's own, or a worker's control planes')
  // answers, and reaches routerd when a call comes. Its Node start then overlaps theirs.
  apid: {
    dependsOn: () => [],
    flags: ['address', 'config'],
    health: 'grpc',
  },
};

/** The daemons a node of this type runs, in table order. */
export function nodeDaemons(machineType: MachineType): [NodeDaemon, DaemonSpec][] {
  const controlPlane = isControlPlane(machineType);
  return (Object.entries(DAEMON_SPECS) as [NodeDaemon, DaemonSpec][]).filter(
    ([, spec]) => controlPlane || !spec.controlPlaneOnly,
  );
}

export interface DaemonArgsOptions {
  node: string;
  bundleDir: string;
  root: string;
  address: string;
  configPath: string;
  /** The image's loader (IMAGE_LOADER), which starts the bundle with its code cache. */
  loader?: string;
}

/** argv of a daemon: node, NODE_FLAGS, [the loader,] its bundle, --root and its spec's flags. */
export function daemonArgs(daemon: NodeDaemon, o: DaemonArgsOptions): string[] {
  const spec = DAEMON_SPECS[daemon];
  const bundle = daemonBundle(daemon, o.bundleDir);
  const args = [o.node, ...NODE_FLAGS, ...(o.loader ? [o.loader] : []), bundle, '--root', o.root];
  if (spec.flags.includes('address')) args.push('--address', o.address);
  if (spec.flags.includes('config')) args.push('--config', o.configPath);
  return args;
}
