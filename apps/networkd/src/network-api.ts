// The answers of network.NetworkService, built from the kernel's own view (rtnetlink) in the
// shapes Talos v0.9.3 gave: Go's net.Flags bitmask, "addr/len" strings, every routing table.
import type { network } from '@talos/api';
import {
  AF_INET,
  AF_INET6,
  IFF_BROADCAST,
  IFF_LOOPBACK,
  IFF_MULTICAST,
  IFF_POINTOPOINT,
  IFF_UP,
  formatCIDR,
  type Address,
  type Link,
  type Route,
} from '@talos/sys';

/** What the API reads of the kernel; RtNetlink in production. */
export interface NetworkState {
  links(): Promise<Link[]>;
  addresses(family?: number): Promise<Address[]>;
  routes(family?: number): Promise<Route[]>;
}

/**
 * Kernel IFF_* flags to the bitmask Talos put in Interface.flags (Go's net.Flags: up 1,
 * broadcast 2, loopback 4, point-to-point 8, multicast 16).
 */
export function interfaceFlags(iff: number): number {
  let flags = 0;
  if (iff & IFF_UP) flags |= 1 << 0;
  if (iff & IFF_BROADCAST) flags |= 1 << 1;
  if (iff & IFF_LOOPBACK) flags |= 1 << 2;
  if (iff & IFF_POINTOPOINT) flags |= 1 << 3;
  if (iff & IFF_MULTICAST) flags |= 1 << 4;
  return flags;
}

/** The only gateway prefix length Talos printed, whatever the family. */
const GATEWAY_PREFIX_LEN = 32;

export class NetworkApi {
  constructor(private readonly state: NetworkState) {}

  async interfaces(): Promise<network.IInterfacesResponse> {
    const [links, v4, v6] = await Promise.all([
      this.state.links(),
      this.state.addresses(AF_INET),
      this.state.addresses(AF_INET6),
    ]);
    // IPv4 addresses first, then IPv6, each in kernel order.
    const byLink = new Map<number, string[]>();
    for (const a of [...v4, ...v6]) {
      const list = byLink.get(a.index) ?? [];
      list.push(`${a.address}/${a.prefixLen}`);
      byLink.set(a.index, list);
    }
    return {
      messages: [
        {
          interfaces: links.map((l) => ({
            index: l.index,
            mtu: l.mtu,
            name: l.name,
            hardwareaddr: l.hardwareAddr,
            flags: interfaceFlags(l.flags) as network.InterfaceFlags,
            ipaddress: byLink.get(l.index) ?? [],
          })),
        },
      ],
    };
  }

  async routes(): Promise<network.IRoutesResponse> {
    const [links, routes] = await Promise.all([this.state.links(), this.state.routes()]);
    const names = new Map(links.map((l) => [l.index, l.name]));
    const out: network.IRoute[] = [];
    for (const r of routes) {
      // A route without an output link (unreachable, blackhole) has no interface to show.
      const name = r.oif !== undefined ? names.get(r.oif) : undefined;
      if (name === undefined) continue;
      out.push({
        interface: name,
        destination: formatCIDR(r.family, r.destination, r.dstLen),
        gateway: formatCIDR(r.family, r.gateway, GATEWAY_PREFIX_LEN),
        metric: r.priority ?? 0,
        scope: r.scope,
        source: formatCIDR(r.family, r.prefsrc, r.srcLen),
        family: r.family as network.AddressFamily,
        protocol: r.protocol as network.RouteProtocol,
        flags: r.flags,
      });
    }
    return { messages: [{ routes: out }] };
  }
}
