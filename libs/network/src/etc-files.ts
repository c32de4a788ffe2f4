// The files networkd owns under /system/etc (bind-mounted over /etc by machined): hosts and
// resolv.conf, and the hostname rule. Written in place, never by rename: a bind mount pins the
// inode, so a renamed-over file would leave /etc showing the old one.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** resolv.conf keeps at most this many nameservers (glibc's MAXNS). */
const MAX_NAMESERVERS = 3;

export interface HostsInput {
  hostname: string;
  domain?: string;
  /** The node's primary address; 127.0.1.1 when it has none. */
  address?: string;
  extraHosts: { ip: string; aliases: string[] }[];
}

export function renderHosts(input: HostsInput): string {
  const names = input.domain ? [`${input.hostname}.${input.domain}`, input.hostname] : [input.hostname];
  const lines = [
    '127.0.0.1\tlocalhost',
    `${input.address ?? '127.0.1.1'}\t${names.join(' ')}`,
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'ff02::1\tip6-allnodes',
    'ff02::2\tip6-allrouters',
  ];
  for (const e of input.extraHosts) lines.push(`${e.ip}\t${e.aliases.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

export function renderResolvConf(nameservers: string[], searchDomains: string[] = []): string {
  const lines = nameservers.slice(0, MAX_NAMESERVERS).map((ns) => `nameserver ${ns}`);
  if (searchDomains.length) lines.push(`search ${searchDomains.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** Talos's hostname for a node nobody named: `talos-` and its address with dashes. */
export function defaultHostname(address: string | undefined): string | undefined {
  return address ? `talos-${address.replace(/[.:]/g, '-')}` : undefined;
}

/** Writes `content` into `file` in place (see above), creating the folder when missing. */
export async function writeInPlace(file: string, content: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  try {
    await fs.promises.writeFile(file, content, { mode: 0o644 });
  } catch (err) {
    throw new Error(`error writing ${file}: ${(err as Error).message}`, { cause: err });
  }
}
