// DHCPv4 messages (RFC 2131 / 2132): the BOOTP layout, the options networkd asks for, and the
// IPv4 + UDP framing a link-layer socket needs (the client has no address to send from yet).
import { formatIPv4, parseIPv4 } from '@talos/sys';

export const DHCP_SERVER_PORT = 67;
export const DHCP_CLIENT_PORT = 68;

export const BOOTREQUEST = 1;
export const BOOTREPLY = 2;
const HTYPE_ETHER = 1;
const MAGIC_COOKIE = 0x63825363;
/** Ask servers to broadcast replies: we cannot receive unicast to an address we do not hold yet. */
const FLAG_BROADCAST = 0x8000;
const BOOTP_FIXED_LEN = 236;

/** DHCP message types (option 53). */
export const DHCPDISCOVER = 1;
export const DHCPOFFER = 2;
export const DHCPREQUEST = 3;
export const DHCPDECLINE = 4;
export const DHCPACK = 5;
export const DHCPNAK = 6;
export const DHCPRELEASE = 7;

/** Option codes (RFC 2132). */
export const OPT_PAD = 0;
export const OPT_SUBNET_MASK = 1;
export const OPT_ROUTER = 3;
export const OPT_DNS = 6;
export const OPT_HOSTNAME = 12;
export const OPT_DOMAIN = 15;
export const OPT_MTU = 26;
export const OPT_BROADCAST = 28;
export const OPT_NTP = 42;
export const OPT_REQUESTED_IP = 50;
export const OPT_LEASE_TIME = 51;
export const OPT_MESSAGE_TYPE = 53;
export const OPT_SERVER_ID = 54;
export const OPT_PARAMETER_LIST = 55;
export const OPT_RENEWAL_TIME = 58;
export const OPT_REBINDING_TIME = 59;
export const OPT_CLIENT_ID = 61;
export const OPT_END = 255;

/** The options networkd asks every server for. */
export const REQUESTED_PARAMETERS = [
  OPT_SUBNET_MASK,
  OPT_ROUTER,
  OPT_DNS,
  OPT_HOSTNAME,
  OPT_DOMAIN,
  OPT_MTU,
  OPT_BROADCAST,
  OPT_NTP,
  OPT_LEASE_TIME,
  OPT_RENEWAL_TIME,
  OPT_REBINDING_TIME,
];

export interface DhcpMessage {
  op: number;
  xid: number;
  secs?: number;
  broadcast?: boolean;
  ciaddr?: string;
  yiaddr?: string;
  siaddr?: string;
  /** The client's hardware address, 'aa:bb:cc:dd:ee:ff'. */
  chaddr: string;
  /** Options by code, raw values. */
  options: Map<number, Buffer>;
}

const ZERO = '0.0.0.0';

export function encodeDhcp(msg: DhcpMessage): Buffer {
  const head = Buffer.alloc(BOOTP_FIXED_LEN + 4);
  head.writeUInt8(msg.op, 0);
  head.writeUInt8(HTYPE_ETHER, 1);
  head.writeUInt8(6, 2);
  head.writeUInt32BE(msg.xid >>> 0, 4);
  head.writeUInt16BE(msg.secs ?? 0, 8);
  head.writeUInt16BE(msg.broadcast ? FLAG_BROADCAST : 0, 10);
  parseIPv4(msg.ciaddr ?? ZERO).copy(head, 12);
  parseIPv4(msg.yiaddr ?? ZERO).copy(head, 16);
  parseIPv4(msg.siaddr ?? ZERO).copy(head, 20);
  macBytes(msg.chaddr).copy(head, 28);
  head.writeUInt32BE(MAGIC_COOKIE, BOOTP_FIXED_LEN);
  const opts: Buffer[] = [];
  for (const [code, value] of msg.options) {
    // Values over 255 bytes would need RFC 3396 splitting; nothing we send is that long.
    opts.push(Buffer.from([code, value.length]), value);
  }
  opts.push(Buffer.from([OPT_END]));
  const out = Buffer.concat([head, ...opts]);
  // Some old relays and servers drop BOOTP messages shorter than the classic 300 bytes.
  return out.length >= 300 ? out : Buffer.concat([out, Buffer.alloc(300 - out.length)]);
}

export function decodeDhcp(buf: Buffer): DhcpMessage {
  if (buf.length < BOOTP_FIXED_LEN + 4) throw new Error(`short DHCP message: ${buf.length} bytes`);
  if (buf.readUInt32BE(BOOTP_FIXED_LEN) !== MAGIC_COOKIE)
    throw new Error('DHCP message without magic cookie');
  const hlen = Math.min(buf.readUInt8(2), 16);
  const options = new Map<number, Buffer>();
  let off = BOOTP_FIXED_LEN + 4;
  while (off < buf.length) {
    const code = buf.readUInt8(off++);
    if (code === OPT_PAD) continue;
    if (code === OPT_END) break;
    if (off >= buf.length) throw new Error(`truncated DHCP option ${code}`);
    const len = buf.readUInt8(off++);
    if (off + len > buf.length) throw new Error(`truncated DHCP option ${code}`);
    const value = buf.subarray(off, off + len);
    // A repeated option continues the previous one (RFC 3396).
    const prev = options.get(code);
    options.set(code, prev ? Buffer.concat([prev, value]) : Buffer.from(value));
    off += len;
  }
  return {
    op: buf.readUInt8(0),
    xid: buf.readUInt32BE(4),
    secs: buf.readUInt16BE(8),
    broadcast: (buf.readUInt16BE(10) & FLAG_BROADCAST) !== 0,
    ciaddr: formatIPv4(buf.subarray(12, 16)),
    yiaddr: formatIPv4(buf.subarray(16, 20)),
    siaddr: formatIPv4(buf.subarray(20, 24)),
    chaddr: [...buf.subarray(28, 28 + hlen)].map((b) => b.toString(16).padStart(2, '0')).join(':'),
    options,
  };
}

export function macBytes(mac: string): Buffer {
  const parts = mac.split(':');
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{2}$/.test(p))) {
    throw new Error(`invalid hardware address "${mac}"`);
  }
  return Buffer.from(parts.map((p) => parseInt(p, 16)));
}

// Option value helpers.
export const optU8 = (n: number): Buffer => Buffer.from([n]);
export const optIPs = (ips: string[]): Buffer => Buffer.concat(ips.map(parseIPv4));
export function optU32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function readIPs(v: Buffer | undefined): string[] {
  if (!v) return [];
  const out: string[] = [];
  for (let i = 0; i + 4 <= v.length; i += 4) out.push(formatIPv4(v.subarray(i, i + 4)));
  return out;
}
export const readU32 = (v: Buffer | undefined): number | undefined =>
  v && v.length >= 4 ? v.readUInt32BE(0) : undefined;
export const readU16 = (v: Buffer | undefined): number | undefined =>
  v && v.length >= 2 ? v.readUInt16BE(0) : undefined;
export const readU8 = (v: Buffer | undefined): number | undefined =>
  v && v.length >= 1 ? v.readUInt8(0) : undefined;
export function readString(v: Buffer | undefined): string | undefined {
  if (!v) return undefined;
  const nul = v.indexOf(0);
  const s = v.subarray(0, nul < 0 ? v.length : nul).toString('latin1');
  return s === '' ? undefined : s;
}

// ---- IPv4/UDP framing ----

const IPV4_HEADER_LEN = 20;
const UDP_HEADER_LEN = 8;
const IPPROTO_UDP = 17;

function checksum(buf: Buffer, initial = 0): number {
  let sum = initial;
  for (let i = 0; i + 1 < buf.length; i += 2) sum += buf.readUInt16BE(i);
  if (buf.length % 2) sum += buf.readUInt8(buf.length - 1) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** An IPv4 packet carrying one UDP datagram. */
export function encodeUdp4(src: string, dst: string, sport: number, dport: number, payload: Buffer): Buffer {
  const ip = Buffer.alloc(IPV4_HEADER_LEN);
  const total = IPV4_HEADER_LEN + UDP_HEADER_LEN + payload.length;
  ip.writeUInt8(0x45, 0); // version 4, 5 words
  ip.writeUInt16BE(total, 2);
  ip.writeUInt8(64, 8); // TTL
  ip.writeUInt8(IPPROTO_UDP, 9);
  parseIPv4(src).copy(ip, 12);
  parseIPv4(dst).copy(ip, 16);
  ip.writeUInt16BE(checksum(ip), 10);
  const udp = Buffer.alloc(UDP_HEADER_LEN);
  udp.writeUInt16BE(sport, 0);
  udp.writeUInt16BE(dport, 2);
  udp.writeUInt16BE(UDP_HEADER_LEN + payload.length, 4);
  // The pseudo-header (addresses, protocol, length) is part of the UDP checksum.
  const pseudo = Buffer.alloc(12);
  ip.copy(pseudo, 0, 12, 20);
  pseudo.writeUInt8(IPPROTO_UDP, 9);
  pseudo.writeUInt16BE(UDP_HEADER_LEN + payload.length, 10);
  const sum = checksum(Buffer.concat([pseudo, udp, payload]));
  udp.writeUInt16BE(sum === 0 ? 0xffff : sum, 6);
  return Buffer.concat([ip, udp, payload]);
}

export interface Udp4 {
  src: string;
  dst: string;
  sport: number;
  dport: number;
  payload: Buffer;
}

/** The UDP datagram inside an IPv4 packet; undefined for anything else (or a fragment). */
export function decodeUdp4(pkt: Buffer): Udp4 | undefined {
  if (pkt.length < IPV4_HEADER_LEN || pkt.readUInt8(0) >> 4 !== 4) return undefined;
  const ihl = (pkt.readUInt8(0) & 0x0f) * 4;
  if (pkt.readUInt8(9) !== IPPROTO_UDP || pkt.length < ihl + UDP_HEADER_LEN) return undefined;
  // A fragment (more-fragments set or an offset) cannot be a whole DHCP reply: skip it.
  if ((pkt.readUInt16BE(6) & 0x3fff) !== 0) return undefined;
  const total = Math.min(pkt.readUInt16BE(2), pkt.length);
  const udpLen = pkt.readUInt16BE(ihl + 4);
  const end = Math.min(ihl + udpLen, total);
  return {
    src: formatIPv4(pkt.subarray(12, 16)),
    dst: formatIPv4(pkt.subarray(16, 20)),
    sport: pkt.readUInt16BE(ihl),
    dport: pkt.readUInt16BE(ihl + 2),
    payload: pkt.subarray(ihl + UDP_HEADER_LEN, end),
  };
}
