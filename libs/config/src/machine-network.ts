// `machine.network`: hostname, interfaces (addressing, routes, VLANs, bonds), resolvers, /etc/hosts.
import { cidrProblem, hostnameProblem, ipProblem } from './field-checks';
import { type FieldReader, put } from './validation';

export interface RouteConfig {
  /** Destination CIDR; 0.0.0.0/0 for the default route. */
  network: string;
  gateway: string;
  metric?: number;
}

export interface VlanConfig {
  vlanId: number;
  cidr?: string;
  dhcp?: boolean;
  routes?: RouteConfig[];
}

export const BOND_MODES = [
  'balance-rr',
  'active-backup',
  'balance-xor',
  'broadcast',
  '802.3ad',
  'balance-tlb',
  'balance-alb',
] as const;

export interface BondConfig {
  interfaces: string[];
  mode?: (typeof BOND_MODES)[number];
  arpIPTarget?: string[];
  xmitHashPolicy?: string;
  lacpRate?: string;
  adActorSystem?: string;
  arpValidate?: string;
  arpAllTargets?: string;
  primary?: string;
  primaryReselect?: string;
  failOverMac?: string;
  adSelect?: string;
  miimon?: number;
  updelay?: number;
  downdelay?: number;
  arpInterval?: number;
  resendIgmp?: number;
  minLinks?: number;
  lpInterval?: number;
  packetsPerSlave?: number;
  numPeerNotif?: number;
  tlbDynamicLb?: number;
  allSlavesActive?: number;
  useCarrier?: boolean;
  adActorSysPrio?: number;
  adUserPortKey?: number;
  peerNotifyDelay?: number;
}

export interface NetworkInterfaceConfig {
  interface: string;
  cidr?: string;
  dhcp?: boolean;
  dhcpOptions?: { routeMetric?: number };
  routes?: RouteConfig[];
  mtu?: number;
  ignore?: boolean;
  dummy?: boolean;
  vlans?: VlanConfig[];
  bond?: BondConfig;
}

export interface ExtraHostEntry {
  ip: string;
  aliases: string[];
}

export interface MachineNetworkConfig {
  hostname?: string;
  interfaces?: NetworkInterfaceConfig[];
  nameservers?: string[];
  extraHostEntries?: ExtraHostEntry[];
}

const BOND_STRINGS = [
  'xmitHashPolicy',
  'lacpRate',
  'adActorSystem',
  'arpValidate',
  'arpAllTargets',
  'primary',
  'primaryReselect',
  'failOverMac',
  'adSelect',
] as const;
const BOND_NUMBERS = [
  'miimon',
  'updelay',
  'downdelay',
  'arpInterval',
  'resendIgmp',
  'minLinks',
  'lpInterval',
  'packetsPerSlave',
  'numPeerNotif',
  'tlbDynamicLb',
  'allSlavesActive',
  'adActorSysPrio',
  'adUserPortKey',
  'peerNotifyDelay',
] as const;

function readRoute(at: FieldReader, value: unknown): RouteConfig | undefined {
  const raw = at.mapping(value, ['network', 'gateway', 'metric']);
  if (!raw) return undefined;
  const network = at.at('network').checked(raw.network, cidrProblem, { required: true });
  const gateway = at.at('gateway').checked(raw.gateway, ipProblem, { required: true });
  const metric = at.at('metric').integer(raw.metric, { min: 0, max: 2 ** 32 - 1 });
  if (network === undefined || gateway === undefined) return undefined;
  const out: RouteConfig = { network, gateway };
  put(out, 'metric', metric);
  return out;
}

function addressingProblem(at: FieldReader, cidr: string | undefined, dhcp: boolean | undefined): void {
  // Talos refuses a static address and DHCP on one link: which one wins would be a guess.
  if (cidr !== undefined && dhcp === true) at.problem('dhcp and cidr are mutually exclusive');
}

function readVlan(at: FieldReader, value: unknown): VlanConfig | undefined {
  const raw = at.mapping(value, ['vlanId', 'cidr', 'dhcp', 'routes']);
  if (!raw) return undefined;
  const vlanId = at.at('vlanId').integer(raw.vlanId, { required: true, min: 1, max: 4094 });
  const cidr = at.at('cidr').checked(raw.cidr, cidrProblem);
  const dhcp = at.at('dhcp').boolean(raw.dhcp);
  const routes = at.at('routes').list(raw.routes, readRoute);
  addressingProblem(at, cidr, dhcp);
  if (vlanId === undefined) return undefined;
  const out: VlanConfig = { vlanId };
  put(out, 'cidr', cidr);
  put(out, 'dhcp', dhcp);
  put(out, 'routes', routes);
  return out;
}

function readBond(at: FieldReader, value: unknown): BondConfig | undefined {
  const raw = at.mapping(value, [
    'interfaces',
    'mode',
    'arpIPTarget',
    'useCarrier',
    ...BOND_STRINGS,
    ...BOND_NUMBERS,
  ]);
  if (!raw) return undefined;
  const interfaces = at.at('interfaces').stringList(raw.interfaces);
  if (Array.isArray(raw.interfaces) && raw.interfaces.length === 0)
    at.at('interfaces').problem('must list at least one link');
  else if (raw.interfaces === undefined || raw.interfaces === null)
    at.at('interfaces').problem('is required');
  const out: BondConfig = { interfaces: interfaces ?? [] };
  put(out, 'mode', at.at('mode').oneOf(raw.mode, BOND_MODES));
  put(out, 'arpIPTarget', at.at('arpIPTarget').checkedList(raw.arpIPTarget, ipProblem));
  put(out, 'useCarrier', at.at('useCarrier').boolean(raw.useCarrier));
  for (const key of BOND_STRINGS) put(out, key, at.at(key).string(raw[key], { nonEmpty: true }));
  for (const key of BOND_NUMBERS) put(out, key, at.at(key).integer(raw[key], { min: 0 }));
  return interfaces && interfaces.length > 0 ? out : undefined;
}

const INTERFACE_KEYS = [
  'interface',
  'cidr',
  'dhcp',
  'dhcpOptions',
  'routes',
  'mtu',
  'ignore',
  'dummy',
  'vlans',
  'bond',
];

function readInterface(at: FieldReader, value: unknown): NetworkInterfaceConfig | undefined {
  const raw = at.mapping(value, INTERFACE_KEYS);
  if (!raw) return undefined;
  const name = at.at('interface').string(raw.interface, { required: true });
  const cidr = at.at('cidr').checked(raw.cidr, cidrProblem);
  const dhcp = at.at('dhcp').boolean(raw.dhcp);
  addressingProblem(at, cidr, dhcp);
  const optionsRaw = at.at('dhcpOptions').section(raw.dhcpOptions, ['routeMetric']);
  const routeMetric = at
    .at('dhcpOptions')
    .at('routeMetric')
    .integer(optionsRaw?.routeMetric, { min: 0, max: 2 ** 32 - 1 });
  const out: NetworkInterfaceConfig = { interface: name ?? '' };
  put(out, 'cidr', cidr);
  put(out, 'dhcp', dhcp);
  if (optionsRaw) out.dhcpOptions = routeMetric === undefined ? {} : { routeMetric };
  put(out, 'routes', at.at('routes').list(raw.routes, readRoute));
  put(out, 'mtu', at.at('mtu').integer(raw.mtu, { min: 68, max: 65535 }));
  put(out, 'ignore', at.at('ignore').boolean(raw.ignore));
  put(out, 'dummy', at.at('dummy').boolean(raw.dummy));
  const seen = new Set<number>();
  const vlans = at.at('vlans').list(raw.vlans, (vlanAt, item) => {
    const vlan = readVlan(vlanAt, item);
    if (vlan && seen.has(vlan.vlanId)) vlanAt.at('vlanId').problem(`${vlan.vlanId} is listed twice`);
    if (vlan) seen.add(vlan.vlanId);
    return vlan;
  });
  put(out, 'vlans', vlans);
  const bondAt = at.at('bond');
  put(out, 'bond', raw.bond === undefined || raw.bond === null ? undefined : readBond(bondAt, raw.bond));
  return name === undefined ? undefined : out;
}

function readHostEntry(at: FieldReader, value: unknown): ExtraHostEntry | undefined {
  const raw = at.mapping(value, ['ip', 'aliases']);
  if (!raw) return undefined;
  const ip = at.at('ip').checked(raw.ip, ipProblem, { required: true });
  const aliases = at.at('aliases').checkedList(raw.aliases, hostnameProblem);
  if (raw.aliases === undefined || raw.aliases === null) at.at('aliases').problem('is required');
  else if (Array.isArray(raw.aliases) && raw.aliases.length === 0)
    at.at('aliases').problem('must list at least one name');
  return ip === undefined || aliases === undefined ? undefined : { ip, aliases };
}

export function readNetwork(at: FieldReader, value: unknown): MachineNetworkConfig | undefined {
  const raw = at.section(value, ['hostname', 'interfaces', 'nameservers', 'extraHostEntries']);
  if (!raw) return undefined;
  const out: MachineNetworkConfig = {};
  put(out, 'hostname', at.at('hostname').checked(raw.hostname, hostnameProblem));
  const names = new Map<string, number>();
  const interfaces = at.at('interfaces').list(raw.interfaces, (linkAt, item, i) => {
    const link = readInterface(linkAt, item);
    const first = link && names.get(link.interface);
    if (link && first !== undefined)
      linkAt.at('interface').problem(`"${link.interface}" is already configured at interfaces[${first}]`);
    else if (link) names.set(link.interface, i);
    return link;
  });
  put(out, 'interfaces', interfaces);
  put(out, 'nameservers', at.at('nameservers').checkedList(raw.nameservers, ipProblem));
  put(out, 'extraHostEntries', at.at('extraHostEntries').list(raw.extraHostEntries, readHostEntry));
  return out;
}
