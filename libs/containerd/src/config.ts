// containerd's config.toml for a Talos node's system instance: everything under our paths, no CRI
// (Kubernetes gets its own instance), no plugins that want writable host paths.
export interface ContainerdConfigOptions {
  /** Persistent data (content, snapshots, metadata db). */
  root: string;
  /** Runtime state (task bundles, fifos) — a tmpfs on a node. */
  state: string;
  /** The gRPC unix socket. */
  socket: string;
  /** Keep the CRI plugin (default false: the system instance serves no kubelet). */
  cri?: boolean;
}

// opt wants /opt/containerd (read-only root); the others are snapshotters for filesystems we do not use.
const ALWAYS_DISABLED = [
  'io.containerd.internal.v1.opt',
  'io.containerd.snapshotter.v1.aufs',
  'io.containerd.snapshotter.v1.btrfs',
  'io.containerd.snapshotter.v1.devmapper',
  'io.containerd.snapshotter.v1.zfs',
  'io.containerd.tracing.processor.v1.otlp',
];

const toml = (s: string): string => JSON.stringify(s);

export function containerdConfig(o: ContainerdConfigOptions): string {
  const disabled = [...(o.cri ? [] : ['io.containerd.grpc.v1.cri']), ...ALWAYS_DISABLED];
  return [
    'version = 2',
    `root = ${toml(o.root)}`,
    `state = ${toml(o.state)}`,
    `disabled_plugins = [${disabled.map(toml).join(', ')}]`,
    '',
    '[grpc]',
    `  address = ${toml(o.socket)}`,
    '',
    '[ttrpc]',
    `  address = ${toml(`${o.socket}.ttrpc`)}`,
    '',
  ].join('\n');
}
