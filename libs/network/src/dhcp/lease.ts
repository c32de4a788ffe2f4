// What an ACK grants, read from its options: the address and prefix, routers, resolvers, names,
// NTP servers and the lease times (T1/T2 default to 1/2 and 7/8 of the lease, RFC 2131 4.4.5).
import { netmaskToPrefix } from '@talos/sys';
import {
  type DhcpMessage,
  OPT_DNS,
  OPT_DOMAIN,
  OPT_HOSTNAME,
  OPT_LEASE_TIME,
  OPT_MTU,
  OPT_NTP,
  OPT_REBINDING_TIME,
  OPT_RENEWAL_TIME,
  OPT_ROUTER,
  OPT_SERVER_ID,
  OPT_SUBNET_MASK,
  readIPs,
  readString,
  readU16,
  readU32,
} from './message';

/** A lease with no lease-time option: RFC 2131 has no default; a day is what most servers give. */
const DEFAULT_LEASE_SECONDS = 86_400;
/** A server's "infinite" lease time. */
const INFINITE = 0xffffffff;

export interface Lease {
  address: string;
  prefixLen: number;
  serverId: string;
  routers: string[];
  dns: string[];
  ntp: string[];
  hostname?: string;
  domain?: string;
  mtu?: number;
  /** Seconds; Infinity for an infinite lease. */
  leaseSeconds: number;
  renewSeconds: number;
  rebindSeconds: number;
  /** When the lease was granted (ms since the epoch, the client's clock). */
  obtainedAt: number;
}

function classfulPrefix(address: string): number {
  const first = Number(address.split('.')[0]);
  return first < 128 ? 8 : first < 192 ? 16 : 24;
}

export function leaseFromAck(ack: DhcpMessage, serverIdFallback: string, now: number): Lease {
  const address = ack.yiaddr ?? '0.0.0.0';
  if (address === '0.0.0.0') throw new Error('DHCP ACK without an address');
  const mask = readIPs(ack.options.get(OPT_SUBNET_MASK))[0];
  const raw = readU32(ack.options.get(OPT_LEASE_TIME));
  const leaseSeconds = raw === undefined ? DEFAULT_LEASE_SECONDS : raw === INFINITE ? Infinity : raw;
  const t1 = readU32(ack.options.get(OPT_RENEWAL_TIME));
  const t2 = readU32(ack.options.get(OPT_REBINDING_TIME));
  const hostname = readString(ack.options.get(OPT_HOSTNAME));
  const domain = readString(ack.options.get(OPT_DOMAIN));
  const mtu = readU16(ack.options.get(OPT_MTU));
  return {
    address,
    prefixLen: mask !== undefined ? netmaskToPrefix(mask) : classfulPrefix(address),
    serverId: readIPs(ack.options.get(OPT_SERVER_ID))[0] ?? serverIdFallback,
    routers: readIPs(ack.options.get(OPT_ROUTER)),
    dns: readIPs(ack.options.get(OPT_DNS)),
    ntp: readIPs(ack.options.get(OPT_NTP)),
    ...(hostname !== undefined ? { hostname } : {}),
    ...(domain !== undefined ? { domain } : {}),
    ...(mtu !== undefined && mtu >= 68 ? { mtu } : {}),
    leaseSeconds,
    renewSeconds: t1 ?? leaseSeconds / 2,
    rebindSeconds: t2 ?? (leaseSeconds * 7) / 8,
    obtainedAt: now,
  };
}
