// The OCI spec of one node daemon's container. The daemon sees the node's paths at their usual
// places (`--root /`): the image's root read-only, /system/run shared with every daemon (their
// sockets), the config read-only, its own secrets directory; the host's network namespace.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { systemContainerSpec, type BindMount, type OciSpec } from '@talos/containerd';
import {
  DAEMON_CAPABILITIES,
  DAEMON_MEMORY_LIMIT_BYTES,
  IMAGE_BUNDLE_DIR,
  IMAGE_LOADER,
  IMAGE_NODE,
  METAL_MOUNT_POINTS,
  NodePaths,
  SYSTEM_CONTAINER_CGROUP_PARENT,
  SYSTEM_CONTAINERS_SHIM_GROUP,
} from '@talos/constants';
import { daemonArgs, type NodeDaemon } from '../dev/daemon-table';

export interface DaemonContainerOptions {
  /** The node's root on the host (`/` on a node). */
  root: string;
  /** Host path of the container root (a read-only bind of the image's `/`). */
  rootfs: string;
  address: string;
  /** The machine config on the host. */
  configPath: string;
  /** node and the bundles inside the rootfs (defaults: the image's). */
  node?: string;
  bundleDir?: string;
  env?: Record<string, string>;
  cgroupParent?: string;
  /** Override the capability table (tests). */
  capabilities?: readonly string[];
}

export function daemonContainerSpec(daemon: NodeDaemon, o: DaemonContainerOptions): OciSpec {
  const host = new NodePaths(o.root);
  const inside = new NodePaths('/');
  const bind = (hostPath: string, containerPath: string, readonly: boolean): BindMount => ({
    source: hostPath,
    destination: containerPath,
    readonly,
  });
  const binds: BindMount[] = [
    bind(host.resolve('system', 'run'), inside.resolve('system', 'run'), false),
    bind(host.stateDir, inside.stateDir, true),
    bind(host.secretsDir(daemon), inside.secretsDir(daemon), false),
    // networkd writes hosts and resolv.conf there; the others read them.
    bind(host.etcDir, inside.etcDir, daemon !== 'networkd'),
  ];
  // The node's /etc/hosts and /etc/resolv.conf are binds of networkd's files, and the rootfs bind
  // does not carry mounts: bind them again, once networkd has written them.
  for (const file of [METAL_MOUNT_POINTS.etcHosts, METAL_MOUNT_POINTS.etcResolvConf]) {
    const source = path.join(host.etcDir, path.basename(file));
    if (existsSync(source)) binds.push(bind(source, file, true));
  }

  // Bundles from elsewhere than the image (tests, development) come in by a bind of their own: the
  // root bind carries no submounts, and the container's /tmp is a tmpfs of its own. The bind is
  // of the bundles' parent, which holds the proto/ folder they read beside apps/.
  if (o.bundleDir && o.bundleDir !== IMAGE_BUNDLE_DIR) {
    const libDir = path.dirname(o.bundleDir);
    binds.push(bind(libDir, libDir, true));
  }

  let configPath = o.configPath;
  const rel = path.relative(o.root, o.configPath);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) configPath = path.join('/', rel);
  else binds.push(bind(o.configPath, o.configPath, true));

  return systemContainerSpec({
    id: daemon,
    rootfs: o.rootfs,
    args: daemonArgs(daemon, {
      node: o.node ?? IMAGE_NODE,
      bundleDir: o.bundleDir ?? IMAGE_BUNDLE_DIR,
      // The image's bundles have code caches beside them; bundles from elsewhere start plainly.
      loader: o.bundleDir === undefined || o.bundleDir === IMAGE_BUNDLE_DIR ? IMAGE_LOADER : undefined,
      root: '/',
      address: o.address,
      configPath,
    }),
    env: o.env,
    // The image has /system only as the mount point of machined's tmpfs; its folders are not there.
    tmpfs: [inside.system],
    capabilities: o.capabilities ?? DAEMON_CAPABILITIES[daemon],
    memoryLimitBytes: DAEMON_MEMORY_LIMIT_BYTES[daemon],
    binds,
    // udevd makes links under /dev and coldplugs through /sys.
    hostDev: daemon === 'udevd',
    sysWritable: daemon === 'udevd',
    // networkd sets the node's hostname.
    hostUts: daemon === 'networkd',
    cgroupParent: o.cgroupParent ?? SYSTEM_CONTAINER_CGROUP_PARENT,
    // One shim for every system container (SYSTEM_CONTAINERS_SHIM_GROUP).
    shimGroup: SYSTEM_CONTAINERS_SHIM_GROUP,
  });
}

/** The host directories a daemon's container binds, made before it starts. */
export function daemonContainerDirs(daemon: NodeDaemon, root: string): { dir: string; mode: number }[] {
  const host = new NodePaths(root);
  return [
    { dir: host.runDir(daemon), mode: 0o755 },
    { dir: host.stateDir, mode: 0o700 },
    { dir: host.secretsDir(daemon), mode: 0o700 },
    { dir: host.etcDir, mode: 0o755 },
  ];
}
