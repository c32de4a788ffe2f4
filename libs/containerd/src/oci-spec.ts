// The subset of the OCI runtime spec 1.0 (config.json) machined fills in, and the builder for
// Talos's system service containers. runc reads exactly these field names.
export const OCI_VERSION = '1.0.2';

export interface OciCapabilities {
  bounding: string[];
  effective: string[];
  permitted: string[];
  inheritable?: string[];
  ambient?: string[];
}

export interface OciRlimit {
  type: string;
  hard: number;
  soft: number;
}

export interface OciProcess {
  terminal?: boolean;
  user: { uid: number; gid: number };
  args: string[];
  env: string[];
  cwd: string;
  capabilities: OciCapabilities;
  rlimits?: OciRlimit[];
  noNewPrivileges: boolean;
}

export interface OciMount {
  destination: string;
  type: string;
  source: string;
  options?: string[];
}

export type OciNamespaceType = 'pid' | 'network' | 'mount' | 'ipc' | 'uts' | 'user' | 'cgroup';

export interface OciDeviceRule {
  allow: boolean;
  type?: 'a' | 'c' | 'b';
  major?: number;
  minor?: number;
  access?: string;
}

export interface OciLinux {
  namespaces: { type: OciNamespaceType; path?: string }[];
  resources?: { memory?: { limit?: number }; devices?: OciDeviceRule[] };
  cgroupsPath?: string;
  maskedPaths?: string[];
  readonlyPaths?: string[];
}

export interface OciSpec {
  ociVersion: string;
  process: OciProcess;
  root: { path: string; readonly: boolean };
  hostname?: string;
  mounts: OciMount[];
  linux: OciLinux;
  annotations?: Record<string, string>;
}

/**
 * The OCI annotation by which the runc v2 shim groups containers: the containers of one group share
 * one shim process (containerd's CRI groups a pod's containers by its sandbox id the same way).
 */
export const RUNC_SHIM_GROUP_ANNOTATION = 'io.containerd.runc.v2.group';

/** A host directory bound into the container. */
export interface BindMount {
  /** Path on the host (absolute). */
  source: string;
  /** Path in the container; defaults to `source`. */
  destination?: string;
  readonly: boolean;
}

export interface SystemContainerOptions {
  /** Container id; also the hostname and the cgroup's leaf. */
  id: string;
  /** argv; args[0] is the executable inside the rootfs. */
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Host path of the container's root filesystem (mounted read-only). */
  rootfs: string;
  /** Linux capabilities (CAP_*) the process keeps; everything else is dropped. */
  capabilities?: readonly string[];
  /** Hard memory limit in bytes (cgroup memory.limit_in_bytes / memory.max). */
  memoryLimitBytes?: number;
  /**
   * Directories that get an empty tmpfs before the binds: binds into a read-only root need their
   * mount points to exist, and a tmpfs lets runc create them (e.g. /system for /system/run).
   */
  tmpfs?: readonly string[];
  binds?: readonly BindMount[];
  /** Bind the host's /dev (rw) instead of a private tmpfs /dev; also lifts the device cgroup. */
  hostDev?: boolean;
  /** Bind the host's /sys read-write (default: read-only). */
  sysWritable?: boolean;
  /** cgroup parent, e.g. `/system`; the container's cgroup is `<parent>/<id>`. */
  cgroupParent?: string;
  /** Share the host's UTS namespace (networkd sets the node's hostname); no own hostname then. */
  hostUts?: boolean;
  /** RLIMIT_NOFILE soft and hard; default: inherited (raising it needs CAP_SYS_RESOURCE, dropped). */
  nofile?: number;
  /** Containers with the same group share one runc shim (default: a shim of its own). */
  shimGroup?: string;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

// What runc's default spec masks: kernel interfaces a container has no business reading or writing.
const MASKED_PATHS = [
  '/proc/acpi',
  '/proc/asound',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/**
 * The spec of one system service container: the image's root read-only, the host's network
 * namespace (no network entry: the daemons serve on the node's addresses, as in Talos), its own
 * mount, pid, ipc and uts namespaces, only the listed capabilities.
 */
export function systemContainerSpec(o: SystemContainerOptions): OciSpec {
  const caps = [...new Set(o.capabilities ?? [])].sort();
  const env = { PATH: DEFAULT_PATH, ...o.env };
  const mounts: OciMount[] = [
    { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
    o.hostDev
      ? { destination: '/dev', type: 'bind', source: '/dev', options: ['rbind', 'rw', 'nosuid'] }
      : {
          destination: '/dev',
          type: 'tmpfs',
          source: 'tmpfs',
          options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'],
        },
    ...(o.hostDev
      ? []
      : [
          {
            destination: '/dev/pts',
            type: 'devpts',
            source: 'devpts',
            options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620'],
          },
          {
            destination: '/dev/shm',
            type: 'tmpfs',
            source: 'shm',
            options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'],
          },
          {
            destination: '/dev/mqueue',
            type: 'mqueue',
            source: 'mqueue',
            options: ['nosuid', 'noexec', 'nodev'],
          },
        ]),
    // A bind, not a fresh sysfs: mounting sysfs fails (EBUSY) in a container sharing the host's
    // network namespace.
    {
      destination: '/sys',
      type: 'bind',
      source: '/sys',
      options: ['rbind', o.sysWritable ? 'rw' : 'ro', 'nosuid', 'noexec', 'nodev'],
    },
    {
      destination: '/tmp',
      type: 'tmpfs',
      source: 'tmpfs',
      options: ['nosuid', 'nodev', 'mode=1777', 'size=65536k'],
    },
    ...(o.tmpfs ?? []).map((destination): OciMount => ({
      destination,
      type: 'tmpfs',
      source: 'tmpfs',
      options: ['nosuid', 'nodev', 'noexec', 'mode=755', 'size=64k'],
    })),
    ...(o.binds ?? []).map((b): OciMount => ({
      destination: b.destination ?? b.source,
      type: 'bind',
      source: b.source,
      options: ['rbind', b.readonly ? 'ro' : 'rw'],
    })),
  ];

  const linux: OciLinux = {
    namespaces: [
      { type: 'pid' },
      { type: 'ipc' },
      ...(o.hostUts ? [] : [{ type: 'uts' as const }]),
      { type: 'mount' },
    ],
    resources: {
      ...(o.memoryLimitBytes !== undefined ? { memory: { limit: o.memoryLimitBytes } } : {}),
      // udevd works on device nodes; the others get runc's default device allow list only.
      devices: o.hostDev ? [{ allow: true, access: 'rwm' }] : [{ allow: false, access: 'rwm' }],
    },
    cgroupsPath: `${o.cgroupParent ?? '/system'}/${o.id}`,
    maskedPaths: MASKED_PATHS,
    readonlyPaths: READONLY_PATHS,
  };

  return {
    ociVersion: OCI_VERSION,
    process: {
      user: { uid: 0, gid: 0 },
      args: o.args,
      env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
      cwd: o.cwd ?? '/',
      capabilities: { bounding: caps, effective: caps, permitted: caps },
      ...(o.nofile !== undefined
        ? { rlimits: [{ type: 'RLIMIT_NOFILE', hard: o.nofile, soft: o.nofile }] }
        : {}),
      noNewPrivileges: true,
    },
    root: { path: o.rootfs, readonly: true },
    ...(o.hostUts ? {} : { hostname: o.id }),
    mounts,
    linux,
    ...(o.shimGroup ? { annotations: { [RUNC_SHIM_GROUP_ANNOTATION]: o.shimGroup } } : {}),
  };
}
