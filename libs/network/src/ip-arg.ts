// The kernel's `ip=` argument (Documentation/admin-guide/nfs/nfsroot.rst), as the seed documents
// it for Talos: ip=<client-ip>:<server-ip>:<gw-ip>:<netmask>:<hostname>:<device>:<autoconf>:
// <dns0-ip>:<dns1-ip>:<ntp0-ip>. Fields may be empty; `ip=dhcp` (and the other autoconf words
// alone) is the short form.
import { isIPv4 } from 'node:net';
import { netmaskToPrefix } from '@talos/sys';

export type IpAutoconf = 'static' | 'dhcp' | 'off';

export interface IpArg {
  /** 'static': the fields below; 'dhcp': ask DHCP (on `device`, or every link); 'off': nothing. */
  autoconf: IpAutoconf;
  address?: string;
  prefixLen?: number;
  server?: string;
  gateway?: string;
  hostname?: string;
  device?: string;
  dns: string[];
  ntp: string[];
}

const DHCP_WORDS = new Set(['dhcp', 'on', 'any', 'both', 'bootp', 'rarp']);
const OFF_WORDS = new Set(['off', 'none']);
const STATIC_WORDS = new Set(['', 'static', 'off', 'none']);

/** Parses the value of `ip=`; throws naming the bad field. */
export function parseIpArg(value: string): IpArg {
  if (!value.includes(':')) {
    if (DHCP_WORDS.has(value)) return { autoconf: 'dhcp', dns: [], ntp: [] };
    if (OFF_WORDS.has(value) || value === '') return { autoconf: 'off', dns: [], ntp: [] };
    // A lone address: the client address with no other field.
  }
  const [
    client = '',
    server = '',
    gw = '',
    mask = '',
    hostname = '',
    device = '',
    auto = '',
    dns0 = '',
    dns1 = '',
    ntp0 = '',
  ] = value.split(':');
  const ip = (field: string, v: string): string | undefined => {
    if (v === '') return undefined;
    if (!isIPv4(v))
      throw new Error(`invalid ip= argument "${value}": ${field} "${v}" is not an IPv4 address`);
    return v;
  };
  const address = ip('client-ip', client);
  const out: IpArg = { autoconf: 'static', dns: [], ntp: [] };
  if (DHCP_WORDS.has(auto)) out.autoconf = 'dhcp';
  else if (!STATIC_WORDS.has(auto)) {
    throw new Error(`invalid ip= argument "${value}": unknown autoconf "${auto}"`);
  } else if (address === undefined) {
    // No address: an empty autoconf means "find one" (the kernel's default), off/none nothing.
    out.autoconf = auto === '' ? 'dhcp' : 'off';
  }
  if (address !== undefined) out.address = address;
  const srv = ip('server-ip', server);
  if (srv !== undefined) out.server = srv;
  const gateway = ip('gw-ip', gw);
  if (gateway !== undefined) out.gateway = gateway;
  if (mask !== '') {
    ip('netmask', mask);
    try {
      out.prefixLen = netmaskToPrefix(mask);
    } catch {
      throw new Error(`invalid ip= argument "${value}": netmask "${mask}" is not contiguous`);
    }
  } else if (address !== undefined) {
    // The kernel derives a classful mask when none is given.
    const first = Number(address.split('.')[0]);
    out.prefixLen = first < 128 ? 8 : first < 192 ? 16 : 24;
  }
  if (hostname !== '') out.hostname = hostname;
  if (device !== '') out.device = device;
  for (const [field, v] of [
    ['dns0-ip', dns0],
    ['dns1-ip', dns1],
  ] as const) {
    const d = ip(field, v);
    if (d !== undefined) out.dns.push(d);
  }
  const ntp = ip('ntp0-ip', ntp0);
  if (ntp !== undefined) out.ntp.push(ntp);
  return out;
}
