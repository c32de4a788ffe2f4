// Addresses from their text form to the bytes the kernel wants (netlink attributes, packet
// headers), and IPv4 prefix arithmetic for configuring interfaces.
import { isIPv4, isIPv6 } from 'node:net';
import { AF_INET, AF_INET6 } from './ip';

export function parseIPv4(text: string): Buffer {
  if (!isIPv4(text)) throw new Error(`invalid IPv4 address "${text}"`);
  return Buffer.from(text.split('.').map(Number));
}

export function parseIPv6(text: string): Buffer {
  if (!isIPv6(text)) throw new Error(`invalid IPv6 address "${text}"`);
  let s = text;
  const out = Buffer.alloc(16);
  // A trailing dotted IPv4 (::ffff:1.2.3.4) fills the last two groups.
  const lastColon = s.lastIndexOf(':');
  let tail: number[] = [];
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    tail = [v4.readUInt16BE(0), v4.readUInt16BE(2)];
    s = s.slice(0, lastColon + 1) + (s.endsWith('::') ? '' : '0');
    if (s.endsWith(':0')) s = s.slice(0, -2);
  }
  const [head = '', rest] = s.split('::');
  const groups = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = [...(rest !== undefined ? groups(rest) : []), ...tail];
  const all =
    rest !== undefined
      ? [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
      : [...left, ...tail];
  all.slice(0, 8).forEach((g, i) => out.writeUInt16BE(g, i * 2));
  return out;
}

/** The bytes of an address of either family, and that family. */
export function parseIP(text: string): { family: number; bytes: Buffer } {
  if (isIPv4(text)) return { family: AF_INET, bytes: parseIPv4(text) };
  if (isIPv6(text)) return { family: AF_INET6, bytes: parseIPv6(text) };
  throw new Error(`invalid IP address "${text}"`);
}

export interface CIDR {
  address: string;
  prefixLen: number;
  family: number;
}

/** "10.0.0.2/24" → address and prefix length; a bare address is a host route (/32, /128). */
export function parseCIDR(text: string): CIDR {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const { family } = parseIP(address);
  const max = family === AF_INET ? 32 : 128;
  const prefixLen = slash < 0 ? max : Number(text.slice(slash + 1));
  if (!Number.isInteger(prefixLen) || prefixLen < 0 || prefixLen > max || text.slice(slash + 1) === '') {
    throw new Error(`invalid prefix length in "${text}"`);
  }
  return { address, prefixLen, family };
}

/** A dotted netmask (255.255.255.0) as a prefix length; throws on a non-contiguous mask. */
export function netmaskToPrefix(mask: string): number {
  const n = parseIPv4(mask).readUInt32BE(0);
  const prefix = 32 - Math.log2(((~n >>> 0) + 1) >>> 0 || 2 ** 32);
  if (!Number.isInteger(prefix) || ((n << prefix) >>> 0 !== 0 && prefix !== 32)) {
    throw new Error(`invalid netmask "${mask}"`);
  }
  return prefix;
}

/** The IPv4 broadcast address of `address/prefixLen`. */
export function ipv4Broadcast(address: string, prefixLen: number): string {
  const n = parseIPv4(address).readUInt32BE(0);
  const host = prefixLen === 32 ? 0 : (0xffffffff >>> prefixLen) >>> 0;
  const b = Buffer.alloc(4);
  b.writeUInt32BE((n | host) >>> 0);
  return b.join('.');
}

/** The network address of `address/prefixLen` (IPv4). */
export function ipv4Network(address: string, prefixLen: number): string {
  const n = parseIPv4(address).readUInt32BE(0);
  const mask = prefixLen === 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;
  const b = Buffer.alloc(4);
  b.writeUInt32BE((n & mask) >>> 0);
  return b.join('.');
}
