// The folders and first files of the /system tmpfs. networkd rewrites the etc files in place once the
// network is up; until then the node has a loopback-only hosts file and no resolvers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  NodePaths,
  SYSTEM_ETC_HOSTNAME,
  SYSTEM_ETC_HOSTS,
  SYSTEM_ETC_RESOLV_CONF,
  SYSTEM_TMPFS_DIRS,
} from '@talos/constants';

/** hosts(5) for a node that knows only its name. */
export function hostsFile(hostname: string): string {
  const lines = ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback'];
  if (hostname) lines.push(`127.0.1.1\t${hostname}`);
  return `${lines.join('\n')}\n`;
}

/** Creates /system's folders (secrets 0700) and writes hosts, resolv.conf and hostname. */
export function writeSystemFiles(paths: NodePaths, hostname: string): void {
  for (const dir of SYSTEM_TMPFS_DIRS) {
    const full = path.join(paths.system, dir);
    fs.mkdirSync(full, { recursive: true, mode: dir === 'secrets' ? 0o700 : 0o755 });
  }
  fs.writeFileSync(path.join(paths.etcDir, SYSTEM_ETC_HOSTS), hostsFile(hostname), { mode: 0o644 });
  fs.writeFileSync(path.join(paths.etcDir, SYSTEM_ETC_RESOLV_CONF), '', { mode: 0o644 });
  fs.writeFileSync(path.join(paths.etcDir, SYSTEM_ETC_HOSTNAME), hostname ? `${hostname}\n` : '', {
    mode: 0o644,
  });
}
