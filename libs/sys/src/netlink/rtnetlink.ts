// rtnetlink (NETLINK_ROUTE) dumps of links, addresses and routes, parsed from the kernel's own
// messages: ifinfomsg, ifaddrmsg and rtmsg, each followed by rtattrs.
import { SyscallError } from '../errno';
import { AF_INET, AF_UNSPEC, formatIP, formatMAC } from '../ip';
import { parseIP } from '../ip-bytes';
import {
  NLMSG_DONE,
  NLMSG_ERROR,
  NLMSG_NOOP,
  NLMSG_OVERRUN,
  NLM_F_ACK,
  NLM_F_DUMP,
  NLM_F_REQUEST,
  attributeMap,
  attributeString,
  attributeU32,
  attributeU8,
  encodeAttribute,
  encodeMessage,
  messageError,
  parseAttributes,
  parseMessages,
  type NetlinkMessage,
} from './message';
import { NETLINK_ROUTE, NetlinkSocket } from './socket';

export const RTM_NEWLINK = 16;
export const RTM_GETLINK = 18;
export const RTM_NEWADDR = 20;
export const RTM_DELADDR = 21;
export const RTM_GETADDR = 22;
export const RTM_NEWROUTE = 24;
export const RTM_DELROUTE = 25;
export const RTM_GETROUTE = 26;

const NLM_F_REPLACE = 0x100;
const NLM_F_CREATE = 0x400;

const IFINFOMSG_LEN = 16;
const IFADDRMSG_LEN = 8;
const RTMSG_LEN = 12;

const IFLA_ADDRESS = 1;
const IFLA_BROADCAST = 2;
const IFLA_IFNAME = 3;
const IFLA_MTU = 4;
const IFLA_MASTER = 10;
const IFLA_OPERSTATE = 16;
const IFLA_LINKINFO = 18;
const IFLA_INFO_KIND = 1;

const IFA_ADDRESS = 1;
const IFA_LOCAL = 2;
const IFA_LABEL = 3;
const IFA_BROADCAST = 4;
const IFA_FLAGS = 8;

const RTA_DST = 1;
const RTA_SRC = 2;
const RTA_IIF = 3;
const RTA_OIF = 4;
const RTA_GATEWAY = 5;
const RTA_PRIORITY = 6;
const RTA_PREFSRC = 7;
const RTA_TABLE = 15;

/** Interface flags (linux/if.h). */
export const IFF_UP = 0x1;
export const IFF_BROADCAST = 0x2;
export const IFF_LOOPBACK = 0x8;
export const IFF_POINTOPOINT = 0x10;
export const IFF_RUNNING = 0x40;
export const IFF_MULTICAST = 0x1000;

/** Route origins (RTPROT_*), scopes (RT_SCOPE_*) and types (RTN_*) (linux/rtnetlink.h). */
export const RTPROT_BOOT = 3;
export const RTPROT_STATIC = 4;
export const RTPROT_DHCP = 16;
export const RT_SCOPE_UNIVERSE = 0;
export const RT_SCOPE_LINK = 253;
export const RT_SCOPE_HOST = 254;
export const RTN_UNICAST = 1;

/** Routing tables (linux/rtnetlink.h). */
export const RT_TABLE_MAIN = 254;
export const RT_TABLE_LOCAL = 255;

/** RFC 2863 operational states, indexed by IFLA_OPERSTATE's value. */
export const OPER_STATES = [
  'unknown',
  'notpresent',
  'down',
  'lowerlayerdown',
  'testing',
  'dormant',
  'up',
] as const;
export type OperState = (typeof OPER_STATES)[number];

export interface Link {
  index: number;
  name: string;
  mtu: number;
  /** IFF_* bitmask. */
  flags: number;
  /** ARPHRD_* hardware type. */
  type: number;
  /** 'aa:bb:cc:dd:ee:ff', or '' when the link has none (loopback). */
  hardwareAddr: string;
  broadcastAddr: string;
  operState: OperState;
  /** Index of the bridge/bond this link is enslaved to. */
  master?: number;
  /** Link kind from IFLA_LINKINFO (bridge, veth, bond...), when the driver reports one. */
  kind?: string;
}

export interface Address {
  /** Index of the link holding the address. */
  index: number;
  family: number;
  prefixLen: number;
  /** IFA_F_* flags (the 32-bit IFA_FLAGS attribute when present). */
  flags: number;
  scope: number;
  /** The interface's own address: IFA_LOCAL when present (point-to-point), else IFA_ADDRESS. */
  address: string;
  /** The peer's address on point-to-point links (IFA_ADDRESS when it differs from IFA_LOCAL). */
  peer?: string;
  broadcast?: string;
  label?: string;
}

export interface Route {
  family: number;
  table: number;
  dstLen: number;
  srcLen: number;
  tos: number;
  /** RTPROT_* (kernel, boot, static, dhcp...). */
  protocol: number;
  /** RT_SCOPE_* (universe 0, link 253, host 254...). */
  scope: number;
  /** RTN_* (unicast, local, broadcast...). */
  type: number;
  /** RTM_F_* flags. */
  flags: number;
  destination?: string;
  source?: string;
  gateway?: string;
  /** Output interface index. */
  oif?: number;
  iif?: number;
  /** Metric. */
  priority?: number;
  /** Preferred source address. */
  prefsrc?: string;
}

export function parseLink(payload: Buffer): Link {
  if (payload.length < IFINFOMSG_LEN) throw new Error(`short ifinfomsg: ${payload.length} bytes`);
  const attrs = attributeMap(payload, IFINFOMSG_LEN);
  let kind: string | undefined;
  const linkinfo = attrs.get(IFLA_LINKINFO);
  if (linkinfo) kind = attributeString(attributeMap(linkinfo).get(IFLA_INFO_KIND));
  const oper = attributeU8(attrs.get(IFLA_OPERSTATE)) ?? 0;
  const master = attributeU32(attrs.get(IFLA_MASTER));
  return {
    index: payload.readInt32LE(4),
    type: payload.readUInt16LE(2),
    flags: payload.readUInt32LE(8),
    name: attributeString(attrs.get(IFLA_IFNAME)) ?? '',
    mtu: attributeU32(attrs.get(IFLA_MTU)) ?? 0,
    hardwareAddr: formatMAC(attrs.get(IFLA_ADDRESS)),
    broadcastAddr: formatMAC(attrs.get(IFLA_BROADCAST)),
    operState: OPER_STATES[oper] ?? 'unknown',
    ...(master !== undefined && master !== 0 ? { master } : {}),
    ...(kind !== undefined ? { kind } : {}),
  };
}

export function parseAddress(payload: Buffer): Address {
  if (payload.length < IFADDRMSG_LEN) throw new Error(`short ifaddrmsg: ${payload.length} bytes`);
  const attrs = attributeMap(payload, IFADDRMSG_LEN);
  const ip = (t: number): string | undefined => {
    const v = attrs.get(t);
    return v ? formatIP(v) : undefined;
  };
  const local = ip(IFA_LOCAL);
  const addr = ip(IFA_ADDRESS);
  const address = local ?? addr;
  if (address === undefined) throw new Error('address message without IFA_ADDRESS or IFA_LOCAL');
  const broadcast = ip(IFA_BROADCAST);
  const label = attributeString(attrs.get(IFA_LABEL));
  return {
    family: payload.readUInt8(0),
    prefixLen: payload.readUInt8(1),
    flags: attributeU32(attrs.get(IFA_FLAGS)) ?? payload.readUInt8(2),
    scope: payload.readUInt8(3),
    index: payload.readUInt32LE(4),
    address,
    ...(local !== undefined && addr !== undefined && addr !== local ? { peer: addr } : {}),
    ...(broadcast !== undefined ? { broadcast } : {}),
    ...(label !== undefined ? { label } : {}),
  };
}

export function parseRoute(payload: Buffer): Route {
  if (payload.length < RTMSG_LEN) throw new Error(`short rtmsg: ${payload.length} bytes`);
  const attrs = new Map(parseAttributes(payload, RTMSG_LEN).map((a) => [a.type, a.value]));
  const route: Route = {
    family: payload.readUInt8(0),
    dstLen: payload.readUInt8(1),
    srcLen: payload.readUInt8(2),
    tos: payload.readUInt8(3),
    // RTA_TABLE carries table ids above 255; rtm_table holds RT_TABLE_COMPAT (252) for those.
    table: attributeU32(attrs.get(RTA_TABLE)) ?? payload.readUInt8(4),
    protocol: payload.readUInt8(5),
    scope: payload.readUInt8(6),
    type: payload.readUInt8(7),
    flags: payload.readUInt32LE(8),
  };
  const ip = (t: number): string | undefined => {
    const v = attrs.get(t);
    return v && (v.length === 4 || v.length === 16) ? formatIP(v) : undefined;
  };
  const set = <K extends keyof Route>(key: K, value: Route[K] | undefined): void => {
    if (value !== undefined) route[key] = value;
  };
  set('destination', ip(RTA_DST));
  set('source', ip(RTA_SRC));
  set('gateway', ip(RTA_GATEWAY));
  set('prefsrc', ip(RTA_PREFSRC));
  set('oif', attributeU32(attrs.get(RTA_OIF)));
  set('iif', attributeU32(attrs.get(RTA_IIF)));
  set('priority', attributeU32(attrs.get(RTA_PRIORITY)));
  return route;
}

/** Opens a NETLINK_ROUTE socket; replaced in tests that feed captured messages. */
export type RouteSocketFactory = () => Pick<NetlinkSocket, 'send' | 'receive' | 'close' | 'pid'>;

/** An address to add to or delete from a link. */
export interface AddressSpec {
  index: number;
  /** 'a.b.c.d' or an IPv6 address. */
  address: string;
  prefixLen: number;
  /** IPv4 broadcast; computed by the caller (ipv4Broadcast) when wanted. */
  broadcast?: string;
}

/** A route to add or delete (main table unless `table` says otherwise). */
export interface RouteSpec {
  family?: number;
  /** Destination network address; undefined (or dstLen 0) for the default route. */
  destination?: string;
  dstLen: number;
  gateway?: string;
  oif?: number;
  priority?: number;
  prefsrc?: string;
  /** RTPROT_*; RTPROT_STATIC by default. */
  protocol?: number;
  /** RT_SCOPE_*; universe with a gateway, link without one, by default. */
  scope?: number;
  table?: number;
}

/** Reads (dumps) and changes (links up, MTU, addresses, routes) the kernel's network state. */
export class RtNetlink {
  private seq = Math.floor(Math.random() * 0x7fffffff);

  constructor(private readonly openSocket: RouteSocketFactory = () => NetlinkSocket.open(NETLINK_ROUTE)) {}

  async links(signal?: AbortSignal): Promise<Link[]> {
    const msgs = await this.dump('links', RTM_GETLINK, Buffer.alloc(IFINFOMSG_LEN), signal);
    return msgs.filter((m) => m.type === RTM_NEWLINK).map((m) => parseLink(m.payload));
  }

  /** Addresses of every link, or of one family (AF_INET, AF_INET6). */
  async addresses(family = AF_UNSPEC, signal?: AbortSignal): Promise<Address[]> {
    const req = Buffer.alloc(IFADDRMSG_LEN);
    req.writeUInt8(family, 0);
    const msgs = await this.dump('addresses', RTM_GETADDR, req, signal);
    return msgs.filter((m) => m.type === RTM_NEWADDR).map((m) => parseAddress(m.payload));
  }

  /** Routes of every table, or of one family. */
  async routes(family = AF_UNSPEC, signal?: AbortSignal): Promise<Route[]> {
    const req = Buffer.alloc(RTMSG_LEN);
    req.writeUInt8(family, 0);
    const msgs = await this.dump('routes', RTM_GETROUTE, req, signal);
    return msgs.filter((m) => m.type === RTM_NEWROUTE).map((m) => parseRoute(m.payload));
  }

  /** Sets a link administratively up (IFF_UP), as `ip link set dev X up`. */
  async setLinkUp(index: number, signal?: AbortSignal): Promise<void> {
    const req = Buffer.alloc(IFINFOMSG_LEN);
    req.writeInt32LE(index, 4);
    req.writeUInt32LE(IFF_UP, 8); // ifi_flags
    req.writeUInt32LE(IFF_UP, 12); // ifi_change: only this bit
    await this.change(`setting link ${index} up`, RTM_NEWLINK, 0, req, signal);
  }

  async setLinkMtu(index: number, mtu: number, signal?: AbortSignal): Promise<void> {
    const req = Buffer.alloc(IFINFOMSG_LEN);
    req.writeInt32LE(index, 4);
    await this.change(
      `setting link ${index} mtu ${mtu}`,
      RTM_NEWLINK,
      0,
      Buffer.concat([req, encodeAttribute(IFLA_MTU, u32(mtu))]),
      signal,
    );
  }

  /** Adds an address; an address the link already holds is replaced (lifetimes, broadcast). */
  async addAddress(spec: AddressSpec, signal?: AbortSignal): Promise<void> {
    await this.change(
      `adding address ${spec.address}/${spec.prefixLen} to link ${spec.index}`,
      RTM_NEWADDR,
      NLM_F_CREATE | NLM_F_REPLACE,
      addressMessage(spec),
      signal,
    );
  }

  async deleteAddress(spec: AddressSpec, signal?: AbortSignal): Promise<void> {
    await this.change(
      `deleting address ${spec.address}/${spec.prefixLen} from link ${spec.index}`,
      RTM_DELADDR,
      0,
      addressMessage(spec),
      signal,
    );
  }

  /** Adds a route; one with the same destination, metric and table is replaced. */
  async addRoute(spec: RouteSpec, signal?: AbortSignal): Promise<void> {
    await this.change(
      `adding route ${describeRoute(spec)}`,
      RTM_NEWROUTE,
      NLM_F_CREATE | NLM_F_REPLACE,
      routeMessage(spec),
      signal,
    );
  }

  async deleteRoute(spec: RouteSpec, signal?: AbortSignal): Promise<void> {
    await this.change(`deleting route ${describeRoute(spec)}`, RTM_DELROUTE, 0, routeMessage(spec), signal);
  }

  /** Sends one change request and waits for the kernel's acknowledgement (or its errno). */
  private async change(
    what: string,
    type: number,
    flags: number,
    payload: Buffer,
    signal?: AbortSignal,
  ): Promise<void> {
    const seq = (this.seq = (this.seq + 1) & 0x7fffffff);
    let sock: ReturnType<RouteSocketFactory>;
    try {
      sock = this.openSocket();
    } catch (err) {
      throw new Error(`error ${what}: ${(err as Error).message}`, { cause: err });
    }
    try {
      sock.send(encodeMessage({ type, flags: NLM_F_REQUEST | NLM_F_ACK | flags, seq }, payload));
      for (;;) {
        const { data, senderPid } = await sock.receive(signal);
        if (senderPid !== 0) continue;
        for (const msg of parseMessages(data)) {
          if (msg.seq !== seq || msg.type !== NLMSG_ERROR) continue;
          const errno = messageError(msg);
          if (errno !== 0) throw new SyscallError(what, errno);
          return;
        }
      }
    } finally {
      sock.close();
    }
  }

  /** Sends a dump request and collects the multipart reply up to NLMSG_DONE. */
  private async dump(
    what: string,
    type: number,
    payload: Buffer,
    signal?: AbortSignal,
  ): Promise<NetlinkMessage[]> {
    const seq = (this.seq = (this.seq + 1) & 0x7fffffff);
    let sock: ReturnType<RouteSocketFactory>;
    try {
      sock = this.openSocket();
    } catch (err) {
      throw new Error(`error listing ${what}: ${(err as Error).message}`, { cause: err });
    }
    try {
      sock.send(encodeMessage({ type, flags: NLM_F_REQUEST | NLM_F_DUMP, seq }, payload));
      const out: NetlinkMessage[] = [];
      for (;;) {
        const { data, senderPid } = await sock.receive(signal);
        if (senderPid !== 0) continue; // only the kernel answers a dump
        for (const msg of parseMessages(data)) {
          if (msg.seq !== seq) continue;
          if (msg.type === NLMSG_DONE) return out;
          if (msg.type === NLMSG_ERROR) {
            const errno = messageError(msg);
            if (errno !== 0) throw new SyscallError(`netlink dump of ${what}`, errno);
            continue;
          }
          if (msg.type === NLMSG_OVERRUN) throw new Error(`error listing ${what}: netlink overrun`);
          if (msg.type === NLMSG_NOOP) continue;
          out.push(msg);
        }
      }
    } finally {
      sock.close();
    }
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function addressMessage(spec: AddressSpec): Buffer {
  const { family, bytes } = parseIP(spec.address);
  const head = Buffer.alloc(IFADDRMSG_LEN);
  head.writeUInt8(family, 0);
  head.writeUInt8(spec.prefixLen, 1);
  head.writeUInt32LE(spec.index, 4);
  const attrs = [encodeAttribute(IFA_LOCAL, bytes), encodeAttribute(IFA_ADDRESS, bytes)];
  if (spec.broadcast !== undefined && family === AF_INET) {
    attrs.push(encodeAttribute(IFA_BROADCAST, parseIP(spec.broadcast).bytes));
  }
  return Buffer.concat([head, ...attrs]);
}

function routeMessage(spec: RouteSpec): Buffer {
  const family =
    spec.family ??
    (spec.destination
      ? parseIP(spec.destination).family
      : spec.gateway
        ? parseIP(spec.gateway).family
        : AF_INET);
  const table = spec.table ?? RT_TABLE_MAIN;
  const head = Buffer.alloc(RTMSG_LEN);
  head.writeUInt8(family, 0);
  head.writeUInt8(spec.dstLen, 1);
  head.writeUInt8(table < 256 ? table : 252, 4);
  head.writeUInt8(spec.protocol ?? RTPROT_STATIC, 5);
  head.writeUInt8(spec.scope ?? (spec.gateway ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK), 6);
  head.writeUInt8(RTN_UNICAST, 7);
  const attrs: Buffer[] = [encodeAttribute(RTA_TABLE, u32(table))];
  if (spec.destination !== undefined && spec.dstLen > 0) {
    attrs.push(encodeAttribute(RTA_DST, parseIP(spec.destination).bytes));
  }
  if (spec.gateway !== undefined) attrs.push(encodeAttribute(RTA_GATEWAY, parseIP(spec.gateway).bytes));
  if (spec.oif !== undefined) attrs.push(encodeAttribute(RTA_OIF, u32(spec.oif)));
  if (spec.priority !== undefined) attrs.push(encodeAttribute(RTA_PRIORITY, u32(spec.priority)));
  if (spec.prefsrc !== undefined) attrs.push(encodeAttribute(RTA_PREFSRC, parseIP(spec.prefsrc).bytes));
  return Buffer.concat([head, ...attrs]);
}

function describeRoute(spec: RouteSpec): string {
  const dst = spec.dstLen > 0 && spec.destination ? `${spec.destination}/${spec.dstLen}` : 'default';
  return `${dst}${spec.gateway ? ` via ${spec.gateway}` : ''}${spec.oif !== undefined ? ` dev ${spec.oif}` : ''}`;
}
