// Which link gets what: the machine config's interfaces first, then the kernel's `ip=`, then DHCP
// on every other physical link. Loopback is only brought up (the kernel leaves it down, and every
// local TCP connection needs it); ignored links and virtual links (bridges, bonds, VLANs, tunnels:
// made by something else, configured by it) are left alone.
import type { MachineNetworkConfig, RouteConfig } from '@talos/config';
import { KERNEL_ARG_IGNORE_INTERFACE, KERNEL_ARG_IP } from '@talos/constants';
import type { KernelCmdline } from '@talos/kernel';
import { IFF_LOOPBACK, type Link, parseCIDR } from '@talos/sys';
import { type IpArg, parseIpArg } from './ip-arg';

/** Link kinds another component creates and owns; a veth is a cable and counts as physical. */
const VIRTUAL_KINDS = new Set([
  'bridge',
  'bond',
  'vlan',
  'dummy',
  'tun',
  'wireguard',
  'vxlan',
  'macvlan',
  'ipvlan',
  'ipip',
  'sit',
  'gre',
  'gretap',
  'ip6tnl',
]);

export interface LinkPlan {
  name: string;
  index: number;
  mac: string;
  /** Where the plan came from, for logs. */
  source: 'config' | 'ip=' | 'default' | 'loopback';
  dhcp: boolean;
  /** Static addresses as CIDR strings. */
  addresses: string[];
  routes: RouteConfig[];
  mtu?: number;
  /** DHCP default-route metric (machine.network.interfaces[].dhcpOptions.routeMetric). */
  dhcpRouteMetric?: number;
}

export interface NetworkPlan {
  links: LinkPlan[];
  ignored: string[];
  /** Config hostname (wins over everything). */
  hostname?: string;
  /** Config nameservers (win over DHCP and ip=). */
  nameservers?: string[];
  /** The parsed `ip=`, when given (its hostname, resolvers and NTP server are fallbacks). */
  ipArg?: IpArg;
  extraHosts: { ip: string; aliases: string[] }[];
}

export interface PlanInput {
  links: Link[];
  cmdline: KernelCmdline;
  network?: MachineNetworkConfig;
}

export function planNetwork(input: PlanInput): NetworkPlan {
  const { cmdline, network } = input;
  const ignored = new Set(cmdline.getAll(KERNEL_ARG_IGNORE_INTERFACE).filter((v): v is string => !!v));
  for (const i of network?.interfaces ?? []) if (i.ignore) ignored.add(i.interface);
  const ipValue = cmdline.get(KERNEL_ARG_IP);
  const ipArg = ipValue !== undefined ? parseIpArg(ipValue) : undefined;
  const configured = new Map((network?.interfaces ?? []).map((i) => [i.interface, i]));

  const candidates = input.links.filter(
    (l) =>
      !(l.flags & IFF_LOOPBACK) &&
      !(l.kind !== undefined && VIRTUAL_KINDS.has(l.kind)) &&
      l.master === undefined,
  );
  // ip= without a device names the first physical link, as the kernel picks its first device.
  const ipDevice = ipArg && (ipArg.device ?? candidates.find((l) => !ignored.has(l.name))?.name);

  const links: LinkPlan[] = [];
  for (const link of input.links) {
    const cfg = configured.get(link.name);
    const base = { name: link.name, index: link.index, mac: link.hardwareAddr, routes: [] as RouteConfig[] };
    if (ignored.has(link.name)) continue;
    if (link.flags & IFF_LOOPBACK && !cfg) {
      links.push({ ...base, source: 'loopback', dhcp: false, addresses: [] });
      continue;
    }
    if (cfg) {
      // An interface named in the config is configured as written, virtual or not.
      const plan: LinkPlan = {
        ...base,
        source: 'config',
        dhcp: cfg.dhcp === true || (cfg.cidr === undefined && cfg.dhcp === undefined),
        addresses: cfg.cidr ? [cfg.cidr] : [],
        routes: [...(cfg.routes ?? [])],
        ...(cfg.mtu !== undefined ? { mtu: cfg.mtu } : {}),
        ...(cfg.dhcpOptions?.routeMetric !== undefined
          ? { dhcpRouteMetric: cfg.dhcpOptions.routeMetric }
          : {}),
      };
      for (const c of plan.addresses) parseCIDR(c);
      links.push(plan);
      continue;
    }
    if (!candidates.includes(link)) continue;
    if (ipArg && link.name === ipDevice && ipArg.autoconf !== 'dhcp') {
      if (ipArg.autoconf === 'off' || ipArg.address === undefined) continue;
      links.push({
        ...base,
        source: 'ip=',
        dhcp: false,
        addresses: [`${ipArg.address}/${ipArg.prefixLen ?? 32}`],
        routes: ipArg.gateway ? [{ network: '0.0.0.0/0', gateway: ipArg.gateway }] : [],
      });
      continue;
    }
    links.push({
      ...base,
      source: ipArg && link.name === ipDevice ? 'ip=' : 'default',
      dhcp: true,
      addresses: [],
    });
  }

  const nameservers = network?.nameservers?.length ? [...network.nameservers] : undefined;
  return {
    links,
    ignored: [...ignored].sort(),
    ...(network?.hostname ? { hostname: network.hostname } : {}),
    ...(nameservers ? { nameservers } : {}),
    ...(ipArg ? { ipArg } : {}),
    extraHosts: (network?.extraHostEntries ?? []).map((e) => ({ ip: e.ip, aliases: [...e.aliases] })),
  };
}
