// One place for every path, port and default the system uses. No other file spells a socket path,
// a port number or a state location: import them from here.
import * as path from 'node:path';

export const VERSION = '0.9.3-ts';

// Stamped into bundles by scripts/bundle.mjs (esbuild `define`): the commit and its time, so that a
// rebuild of the same commit gives the same bundle. Unbundled code (tests) reports "unknown".
declare const __TALOS_BUILD_SHA__: string | undefined;
declare const __TALOS_BUILD_TIME__: string | undefined;
export const BUILD_SHA = typeof __TALOS_BUILD_SHA__ === 'string' ? __TALOS_BUILD_SHA__ : 'unknown';
export const BUILD_TIME = typeof __TALOS_BUILD_TIME__ === 'string' ? __TALOS_BUILD_TIME__ : '';
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

  /** `/system/run/<name>/<name>.cpuprofile`: where a process's `talos.cpuprofile` profile goes. */
  cpuProfile(name: string): string {
    return path.join(this.runDir(name), `${name}.cpuprofile`);
  }

  /** `/system/state`: the STATE partition's mount point; holds the machine config. */
  get stateDir(): string {
    return this.resolve('system', 'state');
  }

  get configFile(): string {
    return path.join(this.stateDir, 'config.yaml');
  }

  /**
   * The config as the daemons read it: the data of configFile as JSON, written by machined before
   * it starts them. Parsing the YAML cost each daemon's start a third of a second under emulation.
   */
  get daemonConfigFile(): string {
    return path.join(this.stateDir, 'config.json');
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
/** Set by apid on every call it hands to routerd, so routerd can refuse what must stay local. */
export const METADATA_FORWARDED_BY = 'talos-forwarded-by';

/** How long apid waits for another node's TLS connection before giving up on it (Talos: 20 s). */
export const NODE_DIAL_TIMEOUT_MS = 20_000;

/** Largest gRPC message the proxies accept in one frame (grpc-go and grpc-js default to 4 MiB). */
export const GRPC_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * The health-service name timed reports SERVING on once a sync has succeeded; machined's
 * TimeStatusController reads it (docs/decisions/0005).
 */
export const TIME_SYNC_HEALTH_SERVICE = 'timed.TimeSync';

/** Time. */
export const DEFAULT_NTP_SERVER = 'pool.ntp.org';
export const NTP_PORT = 123;
/** One SNTP query gives up after this long. */
export const NTP_QUERY_TIMEOUT_MS = 2000;
/** The syncer queries every MIN_POLL + random(MAX_POLL) (Talos timed's defaults: 64 s, 1024 s). */
export const NTP_MIN_POLL_MS = 64_000;
export const NTP_MAX_POLL_MS = 1_024_000;
/** Until the first successful sync, the syncer retries this often. */
export const NTP_INITIAL_RETRY_MS = 5_000;
/** Offsets up to this are slewed (adjtime); larger ones step the clock. */
export const NTP_ADJUST_LIMIT_MS = 128;

/** Service supervision (Talos defaults). */
export const SERVICE_EVENTS_KEPT = 64;
export const HEALTH_INITIAL_DELAY_MS = 1000;
export const HEALTH_PERIOD_MS = 5000;
/**
 * Until a run of a service first passes its check, it is checked this often instead of every
 * HEALTH_PERIOD_MS: every service that depends on it waits for that first success, and at 5 s a
 * boot spends most of a period per dependency edge waiting for the next check. Until a daemon's
 * socket exists, a check costs a stat (grpc-health.ts).
 */
export const HEALTH_START_PERIOD_MS = 250;
/**
 * Talos gives a check 500 ms; a node under software emulation (QEMU TCG) or a loaded CI host
 * answers a local health call in more than that while it is busy booting, and a check that flaps
 * holds back every service that depends on it.
 */
export const HEALTH_TIMEOUT_MS = 2000;
export const SERVICE_LOG_BUFFER_BYTES = 1024 * 1024;

/** Certificates. */
export const CA_LIFETIME_DAYS = 3650;
export const CLIENT_CERT_LIFETIME_DAYS = 365;
export const SERVING_CERT_LIFETIME_HOURS = 24;
/** Certificates machined's secrets controllers issue for etcd and Kubernetes (issued again at each boot). */
export const NODE_CERT_LIFETIME_HOURS = 365 * 24;
/** apid/trustd re-issue their serving certificates this often, well before they expire. */
export const SERVING_CERT_RENEW_HOURS = 12;
/** A failed renewal is retried after this long, doubling up to the maximum. */
export const SERVING_CERT_RENEW_RETRY_MIN_MS = 5_000;
/**
 * apid's first certificate request is retried after this, doubling up to its retry interval: apid
 * starts beside trustd at boot (as Talos's does) and should not sleep seconds once trustd listens.
 */
export const APID_CERT_FIRST_RETRY_MS = 500;
/**
 * The longest wait between apid's first certificate requests: at boot trustd comes up seconds
 * after apid, and a longer wait is time apid is not serving.
 */
export const APID_CERT_RETRY_MAX_MS = 1_000;
/** How long apid tries before it gives up (and machined restarts it). */
export const APID_CERT_TIMEOUT_MS = 5 * 60_000;
export const SERVING_CERT_RENEW_RETRY_MAX_MS = 5 * 60_000;

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

/** Process provisioner: nodes live on loopback addresses; node N (0-based) gets host N+2 of the CIDR. */
export const DEFAULT_PROCESS_CIDR = '127.0.0.0/24';
export function processNodeAddress(index: number, cidr: string = DEFAULT_PROCESS_CIDR): string {
  const [base, bits] = cidr.split('/');
  const octets = (base ?? '').split('.').map(Number);
  const prefix = Number(bits);
  if (
    octets.length !== 4 ||
    octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255) ||
    !(prefix >= 8 && prefix <= 30)
  ) {
    throw new Error(`invalid CIDR "${cidr}": expected an IPv4 network such as ${DEFAULT_PROCESS_CIDR}`);
  }
  const network =
    (((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0) &
    (~0 << (32 - prefix));
  const hosts = 2 ** (32 - prefix) - 2;
  if (index + 2 > hosts) throw new Error(`node ${index + 1} does not fit in ${cidr}`);
  const ip = (network + index + 2) >>> 0;
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}

/** The files `talosctl gen config` writes (and `cluster create --input-dir` reads). */
export const GENERATED_CONFIG_FILES = {
  init: 'init.yaml',
  controlplane: 'controlplane.yaml',
  join: 'join.yaml',
  talosconfig: 'talosconfig',
} as const;

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

/**
 * Node's options for every Node process of a node (machined and the daemons, in the image and in
 * process clusters): `--use-openssl-ca`. Without it, a process's first TLS context parses the 144
 * root certificates Node carries, about a second of CPU each in the VM (0.05 s under qemu-user),
 * and trustd, apid and machined each paid it on apid's path (trustd's createSecureContext went from
 * 0.9-1.2 s to 0.15 s, apid's from 0.9-1.4 s to 0.05 s). With it the store starts from OpenSSL's
 * files under /etc/ssl, which the image does not have: every TLS peer in a node names its own CA,
 * and machined's HTTPS config fetch names Node's roots itself (init/http-get.ts).
 *
 * No V8 flags: any flag V8 hashes (even `--max-semi-space-size=16`, the default value) makes V8
 * refuse the code cache Node carries for its own modules, and every start then compiles them:
 * about 0.25 s of CPU per start under qemu-user, twice that in the VM. networkd, timed, trustd and
 * udevd ran with `--max-semi-space-size=1` for memory, but after boot their PSS was no lower than
 * the others'. (Under load, in `nx run bench:api --only=memory,unary`, 4 MB semi-spaces on the
 * request path saved about 20 MB each and cost half again the CPU per call.)
 */
export const NODE_FLAGS: readonly string[] = ['--use-openssl-ca'];

/** Service restart back-off: doubles from INITIAL up to MAX; a run lasting STABLE resets it. */
export const SERVICE_RESTART_INITIAL_MS = 1000;
export const SERVICE_RESTART_MAX_MS = 30_000;
export const SERVICE_RESTART_STABLE_MS = 60_000;
/** Time a stopped service gets between SIGTERM and SIGKILL (Talos default). */
export const SERVICE_STOP_GRACE_MS = 10_000;
/** machine.Events kept for replay (`talosctl events --tail`), as Talos's runtime event buffer. */
export const MACHINE_EVENTS_KEPT = 1000;
/** The kernel log device read by `talosctl dmesg`. */
export const KMSG_PATH = '/dev/kmsg';

/** Kubernetes API server port (the control-plane endpoint is https://HOST:6443). */
export const KUBERNETES_API_PORT = 6443;
/** Process provisioner: how long `cluster create` waits for every node's apid, and how often it asks. */
export const PROVISION_READY_TIMEOUT_MS = 5 * 60_000;
export const PROVISION_POLL_INTERVAL_MS = 1000;
/** Process provisioner: time a node's machined gets between SIGTERM and SIGKILL on destroy. */
export const PROVISION_STOP_GRACE_MS = 15_000;
/** containerd namespace of the system services (Talos's `system`; Kubernetes uses `k8s.io`). */
export const SYSTEM_CONTAINERD_NAMESPACE = 'system';

/** Machine configuration defaults (Talos v0.9): applied where a config leaves the field out. */
export const DEFAULT_POD_SUBNET = '10.244.0.0/16';
export const DEFAULT_SERVICE_SUBNET = '10.96.0.0/12';
export const DEFAULT_DNS_DOMAIN = 'cluster.local';
export const DEFAULT_CNI = 'flannel';
export const DEFAULT_INSTALL_DISK = '/dev/sda';
export const DEFAULT_INSTALLER_IMAGE = 'ghcr.io/talos-systems/installer:v0.9.3';
export const DEFAULT_KUBERNETES_VERSION = '1.20.5';

// --- API roles (later Talos): a client certificate's Organization names its role. ---
export const ROLE_ADMIN = 'os:admin';
export const ROLE_OPERATOR = 'os:operator';
export const ROLE_READER = 'os:reader';
/** Organization trustd puts in every certificate it signs: marks a node's apid, never a user. */
export const ROLE_IMPERSONATOR = 'os:impersonator';
export type Role = typeof ROLE_ADMIN | typeof ROLE_OPERATOR | typeof ROLE_READER;
/** Weakest first: each role includes everything the ones before it may do. */
export const ROLES_ORDERED: readonly Role[] = [ROLE_READER, ROLE_OPERATOR, ROLE_ADMIN];
/** Metadata header carrying the original caller's role from apid to backends and to other nodes' apid. */
export const METADATA_ROLE = 'talos-role';
/** Compatibility switch default: a client certificate without a role is refused. */
export const DEFAULT_ALLOW_ROLELESS_ADMIN = false;

const READER_METHODS = [
  '/cluster.ClusterService/HealthCheck',
  '/inspect.InspectService/ControllerRuntimeDependencies',
  '/machine.MachineService/Containers',
  '/machine.MachineService/CPUInfo',
  '/machine.MachineService/DiskStats',
  '/machine.MachineService/DiskUsage',
  '/machine.MachineService/Dmesg',
  '/machine.MachineService/EtcdMemberList',
  '/machine.MachineService/Events',
  '/machine.MachineService/Hostname',
  '/machine.MachineService/List',
  '/machine.MachineService/LoadAvg',
  '/machine.MachineService/Logs',
  '/machine.MachineService/Memory',
  '/machine.MachineService/Mounts',
  '/machine.MachineService/NetworkDeviceStats',
  '/machine.MachineService/Processes',
  '/machine.MachineService/ServiceList',
  '/machine.MachineService/Stats',
  '/machine.MachineService/SystemStat',
  '/machine.MachineService/Version',
  '/network.NetworkService/Interfaces',
  '/network.NetworkService/Routes',
  '/resource.ResourceService/Get',
  '/resource.ResourceService/List',
  '/resource.ResourceService/Watch',
  '/storage.StorageService/Disks',
  '/time.TimeService/Time',
  '/time.TimeService/TimeCheck',
  '/grpc.health.v1.Health/Check',
  '/grpc.health.v1.Health/Watch',
  '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo',
  '/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo',
];
const OPERATOR_METHODS = [
  '/machine.MachineService/EtcdForfeitLeadership',
  '/machine.MachineService/Reboot',
  '/machine.MachineService/Restart',
  '/machine.MachineService/ServiceRestart',
  '/machine.MachineService/ServiceStart',
  '/machine.MachineService/ServiceStop',
  '/machine.MachineService/Shutdown',
];
/**
 * Minimum role per API method path. Admin methods are listed for the record (ApplyConfiguration,
 * Reset, Upgrade, Bootstrap, Read, Copy, Kubeconfig, Rollback, Recover, EtcdRemoveMember,
 * EtcdLeaveCluster, GenerateConfiguration...); any path not listed needs os:admin.
 */
export const METHOD_ROLES: Readonly<Record<string, Role>> = Object.freeze({
  ...Object.fromEntries(READER_METHODS.map((m): [string, Role] => [m, ROLE_READER])),
  ...Object.fromEntries(OPERATOR_METHODS.map((m): [string, Role] => [m, ROLE_OPERATOR])),
});

/** The least role that may call the method; unlisted methods are admin-only. */
export function requiredRole(path: string): Role {
  return METHOD_ROLES[path] ?? ROLE_ADMIN;
}

export function isRole(value: string): value is Role {
  return (ROLES_ORDERED as readonly string[]).includes(value);
}

/** The strongest role among a certificate's Organization values, or undefined when none is a role. */
export function strongestRole(organizations: readonly string[]): Role | undefined {
  let best = -1;
  for (const o of organizations) best = Math.max(best, ROLES_ORDERED.indexOf(o as Role));
  return best < 0 ? undefined : ROLES_ORDERED[best];
}

/** Whether a caller holding `held` may call a method needing `needed` (admin ⊃ operator ⊃ reader). */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES_ORDERED.indexOf(held) >= ROLES_ORDERED.indexOf(needed);
}

// ---- The node image: where things live in rootfs.sqsh, and what the initramfs hands over. ----

/** Root of the image's own files: bundles in apps/, the proto files they read, koffi in node_modules/. */
export const IMAGE_LIB_DIR = '/usr/lib/talos';
/** `<IMAGE_BUNDLE_DIR>/<daemon>/main.js` in the image (see daemonBundle). */
export const IMAGE_BUNDLE_DIR = `${IMAGE_LIB_DIR}/apps`;
/** The Node.js runtime in the image. */
export const IMAGE_NODE = '/usr/bin/node';
export const IMAGE_CONTAINERD = '/usr/bin/containerd';
export const IMAGE_CONTAINERD_SHIM = '/usr/bin/containerd-shim-runc-v2';
export const IMAGE_RUNC = '/usr/sbin/runc';
export const IMAGE_ETCD = '/usr/bin/etcd';
/** Where the initramfs keeps the rootfs image it mounts (read-only, through a loop device). */
export const INITRAMFS_ROOTFS_IMAGE = '/rootfs.sqsh';
/**
 * Runs a bundle with the V8 code cache the image build wrote beside it (image/src/loader.ts):
 * `node [NODE_FLAGS] IMAGE_LOADER <bundle> [args]`. Every Node process of the image starts through it.
 */
export const IMAGE_LOADER = `${IMAGE_LIB_DIR}/loader.js`;
/** A bundle's code cache: `<bundle>.cache`. */
export const CODE_CACHE_SUFFIX = '.cache';
/** Set to `write` (image build), the loader saves the bundle's code cache when the process exits. */
export const CODE_CACHE_MODE_ENV = 'TALOS_CODE_CACHE';
/** The argv the initramfs init execs as PID 1 after switch_root: machined. */
export const MACHINED_INIT_ARGV: readonly string[] = [
  IMAGE_NODE,
  ...NODE_FLAGS,
  IMAGE_LOADER,
  daemonBundle('machined', IMAGE_BUNDLE_DIR),
];
/** Kernel modules the initramfs loads, in order, before mounting the rootfs (names in modules.dep). */
export const INITRAMFS_MODULES: readonly string[] = [
  'virtio',
  'virtio_ring',
  'virtio_pci_legacy_dev',
  'virtio_pci_modern_dev',
  'virtio_pci',
  'virtio_blk',
  'failover',
  'net_failover',
  'virtio_net',
  'loop',
  'squashfs',
];

/** Kernel command line arguments machined reads. */
export const KERNEL_ARG_CONFIG = 'talos.config';
export const KERNEL_ARG_PLATFORM = 'talos.platform';
export const KERNEL_ARG_IGNORE_INTERFACE = 'talos.network.interface.ignore';
export const KERNEL_ARG_IP = 'ip';
/**
 * Ours, for measuring (not Talos's): `talos.cpuprofile=<seconds>` makes every Node process of the
 * image (machined and each daemon, through the loader) record a V8 CPU profile of its first
 * <seconds> and write it to `/system/run/<name>/<name>.cpuprofile` (`bench:boot --profile`).
 */
export const KERNEL_ARG_CPU_PROFILE = 'talos.cpuprofile';
/** The sampling interval of those profiles: V8's default (1 ms) costs too much under emulation. */
export const CPU_PROFILE_INTERVAL_US = 4000;
/** The kernel's default command line and the arguments machined requires live in @talos/kernel. */

/** containerd's namespace for Kubernetes' containers (CRI); Talos's own are in SYSTEM_CONTAINERD_NAMESPACE. */
export const K8S_CONTAINERD_NAMESPACE = 'k8s.io';

// ---- QEMU clusters (`talosctl cluster create --provisioner qemu`). ----

export const QEMU_BINARY = 'qemu-system-x86_64';
export const QEMU_DEFAULT_MEMORY_MB = 2048;
export const QEMU_DEFAULT_CPUS = 2;
/** A working KVM boots the probe kernel to its panic in well under this; a hanging one never does. */
export const QEMU_KVM_PROBE_TIMEOUT_MS = 8_000;
/** QEMU user-mode networking (slirp): the guest's DHCP address. */
export const SLIRP_GUEST_ADDRESS = '10.0.2.15';
/** Where the guest fetches its config (port 80): a guestfwd rule answers, no host port is open. */
export const SLIRP_CONFIG_ADDRESS = '10.0.2.100';
/** The image `nx run image:build` writes, relative to the workspace. */
export const DEFAULT_IMAGE_DIR = '_out/image';
export const IMAGE_DIR_ENV = 'TALOS_IMAGE_DIR';
/** File names of the image's boot artifacts in an image folder. */
export const IMAGE_KERNEL_FILE = 'vmlinuz';
export const IMAGE_INITRAMFS_FILE = 'initramfs.img';
/** The node boots under emulation: its apid answers well after a process node's. */
export const QEMU_READY_TIMEOUT_MS = 10 * 60_000;

// ---- pid1 (helper): machined as PID 1 of a metal node. ----

/** The kernel command line as the running kernel got it. */
export const PROC_CMDLINE_PATH = '/proc/cmdline';
/** The pseudo filesystems' view of processes (the reaper scans it for zombies). */
export const PROC_PATH = '/proc';
/** Where machined finds the running kernel's modules (`<dir>/<release>/modules.dep`). */
export const KERNEL_MODULES_DIR = '/lib/modules';
/** Mount points machined sets up at boot (absolute in the image; under --root in tests). */
export const METAL_MOUNT_POINTS = {
  devPts: '/dev/pts',
  devShm: '/dev/shm',
  run: '/run',
  tmp: '/tmp',
  cgroup: '/sys/fs/cgroup',
  system: '/system',
  /** The STATE partition (state helper): the machine config, kept across reboots. */
  systemState: '/system/state',
  var: '/var',
  etcHosts: '/etc/hosts',
  etcResolvConf: '/etc/resolv.conf',
} as const;
/** Folders machined creates on the /system tmpfs (relative to /system). */
export const SYSTEM_TMPFS_DIRS: readonly string[] = ['run', 'state', 'secrets', 'etc'];
/** Files in /system/etc: networkd rewrites them in place; the first two are bind-mounted over /etc. */
export const SYSTEM_ETC_HOSTS = 'hosts';
export const SYSTEM_ETC_RESOLV_CONF = 'resolv.conf';
export const SYSTEM_ETC_HOSTNAME = 'hostname';
/**
 * Kernel modules machined loads after the initramfs's, in this order, while the boot goes on (a
 * missing one is logged, not fatal): xfs, for STATE and EPHEMERAL, which are mounted once it is in.
 */
export const MACHINED_KERNEL_MODULES: readonly string[] = ['xfs'];
/**
 * Kernel modules for Kubernetes (containerd's overlayfs snapshotter, bridged pod traffic through
 * netfilter), which nothing of the boot needs: machined loads them once the services are up (or
 * after LATE_KERNEL_MODULES_WAIT_MS). Under emulation loading them took about 2 s of CPU, in the
 * middle of finding the config and starting containerd.
 */
export const LATE_KERNEL_MODULES: readonly string[] = ['overlay', 'br_netfilter'];
export const LATE_KERNEL_MODULES_WAIT_MS = 120_000;
/**
 * A node that cannot boot says why, waits this long (its last words stay on the console), then
 * powers off (refused kernel arguments) or reboots (a failed boot, as Talos: unless panic=0).
 */
export const FATAL_BOOT_DELAY_MS = 10_000;
/** Fetching the config named by talos.config=: per attempt, attempts, first back-off (doubling, capped). */
export const CONFIG_FETCH_TIMEOUT_MS = 30_000;
/**
 * The first retry comes soon: at boot the first attempt usually meets a network still getting its
 * DHCP lease (ENETUNREACH), fails at once, and the lease comes a fraction of a second later. The
 * attempts, doubling to the maximum, still span about three minutes.
 */
export const CONFIG_FETCH_ATTEMPTS = 12;
export const CONFIG_FETCH_BACKOFF_MS = 250;
export const CONFIG_FETCH_BACKOFF_MAX_MS = 30_000;
/** Zombies are reaped on SIGCHLD and, in case one was missed, on this period. */
export const REAPER_SCAN_INTERVAL_MS = 5_000;
/** At power down, the processes left after the services stopped get SIGTERM, then SIGKILL after this long. */
export const POWER_DOWN_KILL_GRACE_MS = 5_000;

// image (helper) ---- The node image's layout: its artifacts, signing, and what rootfs.sqsh holds. ----

/** The rootfs image inside an image folder (also inside the initramfs, as INITRAMFS_ROOTFS_IMAGE). */
export const IMAGE_ROOTFS_FILE = 'rootfs.sqsh';
/** The manifest (version, sha256 and size of each artifact), its ed25519 signature, and the public key. */
export const IMAGE_MANIFEST_FILE = 'manifest.json';
export const IMAGE_SIGNATURE_FILE = 'manifest.sig';
export const IMAGE_PUBLIC_KEY_FILE = 'signing.pub';
/** The image's signing key: a PEM ed25519 private key, or the path of a file holding one. */
export const IMAGE_SIGNING_KEY_ENV = 'TALOS_IMAGE_SIGNING_KEY';
/** Without a key given, a development key is generated once here (relative to the workspace) and reused. */
export const IMAGE_DEV_SIGNING_KEY = '_out/keys/image-signing.key';
/** Downloaded .deb files and their unpacked trees, reused across builds (relative to the workspace). */
export const IMAGE_CACHE_DIR = '_out/cache';
/** The dynamic loader every executable in the rootfs names (PT_INTERP). */
export const IMAGE_DYNAMIC_LOADER = '/lib64/ld-linux-x86-64.so.2';
/** The rootfs's CA bundle (Debian's ca-certificates, concatenated). */
export const IMAGE_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
/** Empty directories in the rootfs that machined mounts over at boot. */
export const IMAGE_MOUNT_POINTS: readonly string[] = [
  '/dev',
  '/proc',
  '/sys',
  '/run',
  '/system',
  '/var',
  '/tmp',
  '/etc/cni',
  '/etc/kubernetes',
  '/opt',
];
/** Empty files in the rootfs that machined bind-mounts over (from /system/etc). */
export const IMAGE_PLACEHOLDER_FILES: readonly string[] = [
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/machine-id',
];
/** Kernel modules machined loads after boot; the rootfs carries them with their dependencies. */
export const IMAGE_ROOTFS_MODULES: readonly string[] = ['xfs', 'overlay', 'bridge', 'veth', 'br_netfilter'];
/** Where the initramfs init mounts the rootfs before switching root to it. */
export const INITRAMFS_NEW_ROOT = '/newroot';
/** The seed's figure for Talos's rootfs; the image test fails above it. */
export const IMAGE_ROOTFS_MAX_BYTES = 80 * 1024 * 1024;

// ---- netd (helper): networkd, timed, udevd on a node they own. ----

/** devtmpfs: device nodes, and the /dev/disk/by-* links udevd keeps. */
export const DEV_DIR = '/dev';
/** sysfs: udevd coldplugs `<sysfs>/devices` and reads disk serials there. */
export const SYSFS_DIR = '/sys';
/** Resolvers written to resolv.conf when neither the config nor DHCP/ip= names any (Talos's). */
export const DEFAULT_NAMESERVERS: readonly string[] = ['1.1.1.1', '8.8.8.8'];
/** How long networkd's first configuration waits for DHCP before writing hosts/resolv.conf anyway. */
export const DHCP_INITIAL_WAIT_MS = 30_000;
/** The metric of a DHCP default route when the config gives none (Talos's). */
export const DHCP_DEFAULT_ROUTE_METRIC = 1024;
/** A metal node's daemons listen on every address (dev-mode nodes use their loopback address). */
export const METAL_LISTEN_ADDRESS = '0.0.0.0';
/** Where machined's progress lines go on a metal node (the kernel prints them on console=ttyS0). */
export const METAL_CONSOLE_PATH = KMSG_PATH;
/** The filesystem (and GPT partition) name of the disk-backed /var: the install disk's second partition. */
export const EPHEMERAL_LABEL = 'EPHEMERAL';
/** mkfs.xfs in the image (xfsprogs): formats STATE and EPHEMERAL on a blank install disk at first boot. */
export const MKFS_XFS_PATH = '/sbin/mkfs.xfs';
/** Where the kernel lists block devices (one folder per disk, its partitions inside). */
export const SYS_BLOCK_PATH = '/sys/block';

// ---- state (helper): the install disk's partitions, the config persisted across reboots. ----

/** The filesystem (and GPT partition) name of the partition holding the machine config, mounted on /system/state. */
export const STATE_LABEL = 'STATE';
/** STATE's size on a freshly partitioned install disk (Talos's). */
export const STATE_PARTITION_BYTES = 100 * 1024 * 1024;
/** Partitions start and end on 1 MiB boundaries (what partitioning tools do; good for any device's erase block). */
export const PARTITION_ALIGNMENT_BYTES = 1024 * 1024;
/** Every block device and partition the kernel lists (searched for the STATE and EPHEMERAL labels). */
export const SYS_CLASS_BLOCK_PATH = '/sys/class/block';
/** How long machined waits for devtmpfs to create a new partition's device node. */
export const PARTITION_DEVICE_WAIT_MS = 5_000;
/** The size of each QEMU node's sparse raw disk (Talos's `cluster create` default). */
export const QEMU_DEFAULT_DISK_MB = 6144;
/** The QEMU node's disk as the guest sees it: the first virtio disk, and so the configs' install disk. */
export const QEMU_INSTALL_DISK = '/dev/vda';
/** A QEMU node's disk file in the cluster's state folder: `<node>.disk`. */
export const QEMU_DISK_SUFFIX = '.disk';

/** PATH for a metal node's processes: the kernel starts init without one, and containerd finds its shim and runc through it. */
export const METAL_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';

// ---- containerd (helper): the system services as containers in containerd's `system` namespace. ----

/**
 * The system containerd's root (metadata; nothing is pulled into it: the containers' root is the
 * image), under /system's tmpfs as in Talos: it needs no EPHEMERAL /var, so containerd starts
 * while the install disk is still being partitioned.
 */
export const CONTAINERD_ROOT = '/system/var/lib/containerd';
/**
 * How many system containers start at once (each holds its slot until first healthy): under
 * software emulation a Node start takes seconds of CPU, and the first ones should be apid's path.
 */
export const SYSTEM_START_SLOTS = 3;
/**
 * Who starts before anything else may, in this order: apid answers once apid and routerd (which
 * routes its calls) serve. trustd, which only other nodes' apids need (a control-plane node's
 * apid issues its own certificate), starts next.
 */
export const SYSTEM_START_FIRST_WAVE: readonly string[] = ['apid', 'routerd'];
/** Who starts first: the first wave, then the rest. */
export const SYSTEM_START_PRIORITY: readonly string[] = [
  ...SYSTEM_START_FIRST_WAVE,
  'trustd',
  'networkd',
  'udevd',
  'timed',
];
/**
 * Metal boot (and MachineNode.startEarly) waits this long at most for the services it starts early
 * to run (containerd's process started) before the boot goes on with machined's thread.
 */
export const EARLY_START_WAIT_MS = 10_000;
/** The longest a starting system container holds its slot. */
export const SYSTEM_START_SLOT_HOLD_MS = 20_000;
/**
 * The first task creation waits this long at most for the first wave's other members to ask, so
 * that they are created in SYSTEM_START_FIRST_WAVE's order (they ask within ~0.1 s of each other).
 */
export const SYSTEM_FIRST_WAVE_ASSEMBLE_MS = 1_000;
/** The system containerd's config.toml, written by machined into its run dir (also its state dir). */
export const CONTAINERD_CONFIG_FILE = 'config.toml';
/** Under the containerd run dir: the FIFOs machined reads each container's stdout/stderr from. */
export const CONTAINERD_FIFO_SUBDIR = 'fifo';
/**
 * The system containers' root: a read-only bind of the image's `/` (runc cannot pivot_root into
 * the root it runs on; EBUSY).
 */
export const SYSTEM_CONTAINER_ROOTFS = '/run/talos/rootfs';
/** The cgroup parent of the system containers (`<parent>/<service>`). */
export const SYSTEM_CONTAINER_CGROUP_PARENT = '/system';
/** The runc v2 shim keeps runc's state here, one directory per namespace (fixed in containerd 1.6). */
export const RUNC_SHIM_STATE_ROOT = '/run/containerd/runc';
/**
 * The system containers share one runc shim (an OCI annotation groups them): each shim is two Go
 * process starts under emulation and about 9 MiB of PSS for its life. Tasks of one group are
 * created one after the other, which the first wave is anyway (task-gates.ts).
 */
export const SYSTEM_CONTAINERS_SHIM_GROUP = 'system';
/** containerd's runtime for the system containers. */
export const CONTAINERD_RUNTIME = 'io.containerd.runc.v2';
/** How long machined waits for the system containerd's Version RPC per health probe / at start. */
export const CONTAINERD_DIAL_TIMEOUT_MS = 2_000;
/** Deadline of containerd calls (but Wait, which has none). */
export const CONTAINERD_CALL_TIMEOUT_MS = 10_000;
/**
 * Deadline of creating and starting a task: they run the shim and runc, Go binaries started cold,
 * which under emulation on a busy host take many seconds; a call cut short there leaves a shim
 * half started.
 */
export const CONTAINERD_TASK_TIMEOUT_MS = 60_000;

const MiB = 1024 * 1024;
/** Hard memory limit of each system container (the node daemons stay well below). */
export const DAEMON_MEMORY_LIMIT_BYTES: Readonly<Record<Exclude<Daemon, 'machined'>, number>> = {
  apid: 256 * MiB,
  routerd: 192 * MiB,
  trustd: 128 * MiB,
  networkd: 128 * MiB,
  timed: 96 * MiB,
  udevd: 128 * MiB,
};
/**
 * Linux capabilities each system container keeps (all others dropped). networkd configures links,
 * routes and addresses (NET_ADMIN), sends DHCP over packet sockets (NET_RAW) and sets the node's
 * hostname in the host's UTS namespace (SYS_ADMIN); timed sets the clock (SYS_TIME). udevd runs as
 * uid 0 on root-owned /dev, /sys and uevent netlink (which the kernel lets anyone receive), so it
 * needs none; apid (50000), trustd (50001) and routerd (a unix socket) bind no privileged port.
 */
export const DAEMON_CAPABILITIES: Readonly<Record<Exclude<Daemon, 'machined'>, readonly string[]>> = {
  apid: [],
  routerd: [],
  trustd: [],
  networkd: ['CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_SYS_ADMIN'],
  timed: ['CAP_SYS_TIME'],
  udevd: [],
};
