import * as fs from 'node:fs';
import * as path from 'node:path';
import { RtNetlink, type Link, type Route } from '@talos/sys';
import { NetworkApi, interfaceFlags, type NetworkState } from './network-api';

const SYS_NET = '/sys/class/net';
const read = (...p: string[]): string => fs.readFileSync(path.join(SYS_NET, ...p), 'utf8').trim();

describe('NetworkApi on the running kernel', () => {
  const api = new NetworkApi(new RtNetlink());

  it('lists every link of /sys/class/net with its index, mtu and address', async () => {
    const res = await api.interfaces();
    const ifaces = res.messages![0]!.interfaces!;
    expect(ifaces.map((i) => i.name).sort()).toEqual(fs.readdirSync(SYS_NET).sort());
    for (const i of ifaces) {
      expect(i.index).toBe(Number(read(i.name!, 'ifindex')));
      expect(i.mtu).toBe(Number(read(i.name!, 'mtu')));
      const addr = read(i.name!, 'address');
      expect(i.hardwareaddr).toBe(/^(00:)*00$/.test(addr) ? '' : addr);
    }
    const lo = ifaces.find((i) => i.name === 'lo')!;
    expect(lo.ipaddress).toContain('127.0.0.1/8');
    expect((lo.flags as number) & 0b101).toBe(0b101); // up, loopback
  });

  it('lists routes with interface names and CIDR strings', async () => {
    const res = await api.routes();
    const routes = res.messages![0]!.routes!;
    const names = new Set(fs.readdirSync(SYS_NET));
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) {
      expect(names.has(r.interface!)).toBe(true);
      expect(r.destination).toMatch(/\/\d+$/);
    }
    expect(routes).toContainEqual(
      expect.objectContaining({ interface: 'lo', destination: '127.0.0.1/32', family: 2 }),
    );
  });
});

describe('NetworkApi shapes', () => {
  const link = (index: number, name: string, flags: number): Link => ({
    index,
    name,
    mtu: 1500,
    flags,
    type: 1,
    hardwareAddr: '02:00:00:00:00:01',
    broadcastAddr: '',
    operState: 'up',
  });
  const route = (r: Partial<Route>): Route => ({
    family: 2,
    table: 254,
    dstLen: 0,
    srcLen: 0,
    tos: 0,
    protocol: 3,
    scope: 0,
    type: 1,
    flags: 0,
    ...r,
  });
  // Canned kernel state: the netlink side is covered above; this pins the Talos formatting.
  const state: NetworkState = {
    links: async () => [link(1, 'lo', 0x1 | 0x8 | 0x40), link(2, 'eth0', 0x1 | 0x2 | 0x1000)],
    addresses: async (family) =>
      family === 10
        ? [{ index: 2, family: 10, prefixLen: 64, flags: 0, scope: 0, address: 'fd00::2' }]
        : [{ index: 2, family: 2, prefixLen: 24, flags: 0, scope: 0, address: '10.5.0.2' }],
    routes: async () => [
      route({ gateway: '10.5.0.1', oif: 2, priority: 1024 }),
      route({ destination: '10.5.0.0', dstLen: 24, prefsrc: '10.5.0.2', oif: 2, protocol: 2, scope: 253 }),
      route({ family: 10, destination: 'fd00::', dstLen: 64, oif: 2, priority: 256 }),
      route({ type: 6 }), // prohibit: no output link
    ],
  };

  it('maps kernel flags to the Go net.Flags bitmask', () => {
    expect(interfaceFlags(0x1 | 0x8 | 0x40)).toBe(1 | 4);
    expect(interfaceFlags(0x1 | 0x2 | 0x1000)).toBe(1 | 2 | 16);
    expect(interfaceFlags(0x10)).toBe(8);
  });

  it('puts IPv4 addresses before IPv6 ones', async () => {
    const res = await new NetworkApi(state).interfaces();
    expect(res.messages![0]!.interfaces![1]).toEqual({
      index: 2,
      mtu: 1500,
      name: 'eth0',
      hardwareaddr: '02:00:00:00:00:01',
      flags: 19,
      ipaddress: ['10.5.0.2/24', 'fd00::2/64'],
    });
  });

  it('formats routes as Talos did and drops routes without a link', async () => {
    const res = await new NetworkApi(state).routes();
    expect(res.messages![0]!.routes).toEqual([
      {
        interface: 'eth0',
        destination: '0.0.0.0/0',
        gateway: '10.5.0.1/32',
        metric: 1024,
        scope: 0,
        source: '0.0.0.0/0',
        family: 2,
        protocol: 3,
        flags: 0,
      },
      {
        interface: 'eth0',
        destination: '10.5.0.0/24',
        gateway: '0.0.0.0/32',
        metric: 0,
        scope: 253,
        source: '10.5.0.2/0',
        family: 2,
        protocol: 2,
        flags: 0,
      },
      {
        interface: 'eth0',
        destination: 'fd00::/64',
        gateway: '::/32',
        metric: 256,
        scope: 0,
        source: '::/0',
        family: 10,
        protocol: 3,
        flags: 0,
      },
    ]);
  });
});
