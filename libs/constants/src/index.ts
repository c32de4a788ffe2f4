// One place for every path, port and default the system uses. No other file spells a socket path,
// a port number or a state location: import them from here.
import * as path from 'node:path';

export const VERSION = '0.9.3-ts';
export const API_VERSION = 'v1alpha1';

/** TCP ports. */
export const APID_PORT = 50000;
export const TRUSTD_PORT = 50001;

/** The daemons of a node; each is one Node.js process (one Nx app). */
export const DAEMONS = ['machined', 'apid', 'routerd', 'networkd', 'timed', 'trustd', 'udevd'] as const;
export type Daemon = (typeof DAEMONS)[number];

/** Socket file name of each daemon, inside `<root>/system/run/<daemon>/`. */
const SOCKET_FILES: Record<string, string> = {
  machined: 'machine.sock',
  apid: 'apid.sock',
  routerd: 'routerd.sock',
  networkd: 'networkd.sock',
  timed: 'timed.sock',
  trustd: 'trustd.sock',
  udevd: 'udevd.sock',
  containerd: 'containerd.sock',
};

/** Every path of a node lives under its root: `/` in the image, a folder in dev mode. */
export class NodePaths {
  constructor(readonly root: string = '/') {}

  resolve(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  /** `/system`: tmpfs with reproducible runtime files. */
  get system(): string {
    return this.resolve('system');
  }

  /** `/system/run/<daemon>`: the directory holding a daemon's sockets. */
  runDir(daemon: string): string {
    return this.resolve('system', 'run', daemon);
  }

  /** Unix socket of a daemon: `/system/run/<daemon>/<name>.sock`. */
  socket(daemon: string): string {
    const file = SOCKET_FILES[daemon] ?? `${daemon}.sock`;
    return path.join(this.runDir(daemon), file);
  }

  /** `/system/state`: the STATE partition's mount point; holds the machine config. */
  get stateDir(): string {
    return this.resolve('system', 'state');
  }

  get configFile(): string {
    return path.join(this.stateDir, 'config.yaml');
  }

  /** `/system/secrets/<daemon>`: key material a daemon keeps on disk (0700 dir, 0600 files). */
  secretsDir(daemon: string): string {
    return this.resolve('system', 'secrets', daemon);
  }

  /** `/var`: the EPHEMERAL partition. */
  get varDir(): string {
    return this.resolve('var');
  }

  get logDir(): string {
    return this.resolve('var', 'log');
  }

  get etcDir(): string {
    return this.resolve('system', 'etc');
  }
}

/** gRPC service names and the daemon routerd sends each to by default. */
export const DEFAULT_ROUTES: Readonly<Record<string, Daemon>> = {
  'machine.MachineService': 'machined',
  'resource.ResourceService': 'machined',
  'cluster.ClusterService': 'machined',
  'inspect.InspectService': 'machined',
  'time.TimeService': 'timed',
  'network.NetworkService': 'networkd',
};

/** Our own service (routerd's route registration), reachable only on routerd's unix socket. */
export const ROUTER_SERVICE = 'routerd.RouterService';

/** Per-call metadata keys used by apid and trustd. */
export const METADATA_NODES = 'nodes';
export const METADATA_PROXY_FROM = 'proxyfrom';
export const METADATA_TOKEN = 'token';

/** Time. */
export const DEFAULT_NTP_SERVER = 'pool.ntp.org';
export const NTP_PORT = 123;

/** Service supervision (Talos defaults). */
export const SERVICE_EVENTS_KEPT = 64;
export const HEALTH_INITIAL_DELAY_MS = 1000;
export const HEALTH_PERIOD_MS = 5000;
export const HEALTH_TIMEOUT_MS = 500;
export const SERVICE_LOG_BUFFER_BYTES = 1024 * 1024;

/** Certificates. */
export const CA_LIFETIME_DAYS = 3650;
export const CLIENT_CERT_LIFETIME_DAYS = 365;
export const SERVING_CERT_LIFETIME_HOURS = 24;

/** Client configuration (talosconfig) locations. */
export const TALOSCONFIG_ENV = 'TALOSCONFIG';
export function defaultTalosconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env[TALOSCONFIG_ENV]) return env[TALOSCONFIG_ENV] as string;
  if (env.XDG_CONFIG_HOME) return path.join(env.XDG_CONFIG_HOME, 'talos', 'config.yaml');
  return path.join(env.HOME ?? '/root', '.talos', 'config');
}

/** Where `talosctl cluster create` keeps a cluster's state. */
export function clustersDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.HOME ?? '/root', '.talos', 'clusters');
}

/** Process provisioner: node N (0-based) listens on 127.0.0.(N+2). */
export function processNodeAddress(index: number): string {
  return `127.0.0.${index + 2}`;
}

/** Default cluster name (`talosctl cluster create`). */
export const DEFAULT_CLUSTER_NAME = 'talos-default';

/**
 * Where a daemon's bundle lives: `<bundleDir>/<daemon>/main.js`. Bundles sit side by side
 * (dist/apps/* in a checkout, /usr/lib/talos/apps/* in the image), so machined finds its
 * siblings relative to its own bundle unless TALOS_BUNDLE_DIR says otherwise.
 */
export function daemonBundle(daemon: string, bundleDir: string): string {
  return path.join(bundleDir, daemon, 'main.js');
}
export const BUNDLE_DIR_ENV = 'TALOS_BUNDLE_DIR';
