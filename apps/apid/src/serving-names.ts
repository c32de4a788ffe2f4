// The names apid's certificate must carry: the addresses clients and other nodes dial, plus
// machine.certSANs (IPs among them as IP SANs, the rest as DNS names).
import * as net from 'node:net';
import * as os from 'node:os';
import type { CertificateNames } from './certificate-provider';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** Addresses of this node: the listen address, or every interface address when it is a wildcard. */
export function nodeAddresses(
  listen: string,
  interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces(),
): string[] {
  if (!WILDCARDS.has(listen)) return [listen];
  const out: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const iface of list ?? []) {
      // Link-local IPv6 needs a zone to be dialed; nobody names a node by it.
      if (iface.family === 'IPv6' && iface.address.toLowerCase().startsWith('fe80:')) continue;
      out.push(iface.address);
    }
  }
  return [...new Set(out)];
}

export function servingNames(
  addresses: string[],
  certSANs: string[],
  hostname: string = os.hostname(),
): CertificateNames {
  const ips = new Set(addresses);
  const dns = new Set([hostname]);
  for (const san of certSANs) (net.isIP(san) ? ips : dns).add(san);
  return { commonName: hostname, ipAddresses: [...ips], dnsNames: [...dns] };
}
