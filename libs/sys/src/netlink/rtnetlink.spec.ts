import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AF_INET, AF_INET6, formatIPv6 } from '../ip';
import { NLMSG_DONE, NLMSG_ERROR, encodeAttribute, encodeMessage, parseMessages } from './message';
import {
  IFF_LOOPBACK,
  IFF_UP,
  RT_TABLE_MAIN,
  RTM_NEWROUTE,
  RtNetlink,
  parseAddress,
  parseRoute,
} from './rtnetlink';
import type { Datagram } from './socket';

const SYS_NET = '/sys/class/net';
const VOLATILE_FLAGS = 0x40 | 0x10000 | 0x20000;
const read = (...p: string[]): string => fs.readFileSync(path.join(SYS_NET, ...p), 'utf8').trim();

describe('RtNetlink against the running kernel', () => {
  const nl = new RtNetlink();

  it('lists the links /sys/class/net shows, with the same index, mtu, flags and address', async () => {
    const links = await nl.links();
    expect(links.map((l) => l.name).sort()).toEqual(fs.readdirSync(SYS_NET).sort());
    for (const link of links) {
      expect(link.index).toBe(Number(read(link.name, 'ifindex')));
      expect(link.mtu).toBe(Number(read(link.name, 'mtu')));
      // sysfs leaves out the operational flags (RUNNING, LOWER_UP, DORMANT) netlink adds.
      expect(link.flags & ~VOLATILE_FLAGS).toBe(Number(read(link.name, 'flags')));
      expect(link.operState).toBe(read(link.name, 'operstate'));
      const addr = read(link.name, 'address');
      expect(link.hardwareAddr).toBe(/^(00:)*00$/.test(addr) ? '' : addr);
    }
    const lo = links.find((l) => l.name === 'lo');
    expect(lo && lo.flags & (IFF_LOOPBACK | IFF_UP)).toBe(IFF_LOOPBACK | IFF_UP);
  });

  it('lists the IPv4 addresses getifaddrs reports', async () => {
    const links = new Map((await nl.links()).map((l) => [l.index, l.name]));
    const viaNetlink = (await nl.addresses(AF_INET)).map(
      (a) => `${links.get(a.index)} ${a.address}/${a.prefixLen}`,
    );
    const viaLibc = Object.entries(os.networkInterfaces()).flatMap(([name, addrs]) =>
      (addrs ?? []).filter((a) => a.family === 'IPv4').map((a) => `${name} ${a.cidr}`),
    );
    expect(viaNetlink.sort()).toEqual(viaLibc.sort());
  });

  it('lists the IPv6 addresses /proc/net/if_inet6 shows', async () => {
    const viaProc = fs
      .readFileSync('/proc/net/if_inet6', 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [hex, index, prefix] = line.trim().split(/\s+/);
        return `${parseInt(index!, 16)} ${formatIPv6(Buffer.from(hex!, 'hex'))}/${parseInt(prefix!, 16)}`;
      });
    const viaNetlink = (await nl.addresses(AF_INET6)).map((a) => `${a.index} ${a.address}/${a.prefixLen}`);
    expect(viaNetlink.sort()).toEqual(viaProc.sort());
  });

  it('lists the IPv4 main-table routes /proc/net/route shows', async () => {
    const ip = (hex: string): string => [...Buffer.from(hex, 'hex').reverse()].join('.');
    const bits = (hex: string): number =>
      Buffer.from(hex, 'hex').readUInt32BE(0).toString(2).replace(/0/g, '').length;
    const viaProc = fs
      .readFileSync('/proc/net/route', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [iface, dst, gw, , , , metric, mask] = line.trim().split(/\s+/);
        return `${iface} ${ip(dst!)}/${bits(mask!)} via ${ip(gw!)} metric ${Number(metric)}`;
      });
    const names = new Map((await nl.links()).map((l) => [l.index, l.name]));
    const viaNetlink = (await nl.routes(AF_INET))
      .filter((r) => r.table === RT_TABLE_MAIN && r.oif !== undefined)
      .map(
        (r) =>
          `${names.get(r.oif!)} ${r.destination ?? '0.0.0.0'}/${r.dstLen} via ${r.gateway ?? '0.0.0.0'} metric ${r.priority ?? 0}`,
      );
    expect(viaNetlink.sort()).toEqual(viaProc.sort());
  });

  it('runs concurrent dumps on separate sockets', async () => {
    const [a, b] = await Promise.all([nl.links(), nl.links()]);
    expect(a).toEqual(b);
  });
});

describe('RtNetlink reply handling', () => {
  // A socket that replays canned datagrams, standing in for the kernel to reach error paths.
  function cannedSocket(reply: (seq: number) => Buffer[]) {
    let seq = 0;
    const queue: Buffer[] = [];
    return () => ({
      pid: 1234,
      send: (b: Buffer) => {
        seq = b.readUInt32LE(8);
        queue.push(...reply(seq));
      },
      receive: async (): Promise<Datagram> => ({ data: queue.shift()!, senderPid: 0 }),
      close: () => undefined,
    });
  }

  function rtmsg(family: number, dstLen: number, attrs: Buffer[]): Buffer {
    const head = Buffer.alloc(12);
    head.writeUInt8(family, 0);
    head.writeUInt8(dstLen, 1);
    head.writeUInt8(RT_TABLE_MAIN, 4);
    head.writeUInt8(4, 5); // static
    head.writeUInt8(1, 7); // unicast
    return Buffer.concat([head, ...attrs]);
  }

  it('collects a multipart reply up to NLMSG_DONE and skips other sequence numbers', async () => {
    const oif = Buffer.alloc(4);
    oif.writeUInt32LE(4);
    const route = rtmsg(AF_INET, 24, [
      encodeAttribute(1, Buffer.from([10, 1, 0, 0])),
      encodeAttribute(4, oif),
    ]);
    const nl = new RtNetlink(
      cannedSocket((seq) => [
        Buffer.concat([
          encodeMessage({ type: RTM_NEWROUTE, flags: 2, seq: seq + 1 }, route),
          encodeMessage({ type: RTM_NEWROUTE, flags: 2, seq }, route),
        ]),
        encodeMessage({ type: NLMSG_DONE, flags: 2, seq }, Buffer.alloc(4)),
      ]),
    );
    const routes = await nl.routes();
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({ destination: '10.1.0.0', dstLen: 24, oif: 4, protocol: 4, table: 254 });
  });

  it('turns an NLMSG_ERROR into a SyscallError', async () => {
    const err = Buffer.alloc(20);
    err.writeInt32LE(-13, 0);
    const nl = new RtNetlink(
      cannedSocket((seq) => [encodeMessage({ type: NLMSG_ERROR, flags: 0, seq }, err)]),
    );
    await expect(nl.links()).rejects.toThrow('netlink dump of links: EACCES (permission denied)');
  });

  it('parses an IPv6 default route with gateway and metric', () => {
    const gw = Buffer.from('fd000000000000000000000000000001', 'hex');
    const prio = Buffer.alloc(4);
    prio.writeUInt32LE(1024);
    expect(parseRoute(rtmsg(AF_INET6, 0, [encodeAttribute(5, gw), encodeAttribute(6, prio)]))).toMatchObject({
      family: AF_INET6,
      gateway: 'fd00::1',
      priority: 1024,
      dstLen: 0,
    });
  });
});

describe('RtNetlink changes', () => {
  // Records each request and answers with an acknowledgement carrying `errno` (0: success).
  function ackingSocket(errno: number, sent: Buffer[]) {
    return () => {
      let reply: Buffer | undefined;
      return {
        pid: 1234,
        send: (b: Buffer) => {
          sent.push(b);
          const payload = Buffer.alloc(20);
          payload.writeInt32LE(-errno, 0);
          reply = encodeMessage({ type: NLMSG_ERROR, flags: 0, seq: b.readUInt32LE(8) }, payload);
        },
        receive: async (): Promise<Datagram> => ({ data: reply!, senderPid: 0 }),
        close: () => undefined,
      };
    };
  }

  it('encodes an address with its broadcast, and a route, as the kernel parses them back', async () => {
    const sent: Buffer[] = [];
    const nl = new RtNetlink(ackingSocket(0, sent));
    await nl.addAddress({ index: 3, address: '10.0.2.15', prefixLen: 24, broadcast: '10.0.2.255' });
    await nl.addRoute({
      destination: '0.0.0.0',
      dstLen: 0,
      gateway: '10.0.2.2',
      oif: 3,
      priority: 1024,
      protocol: 16,
    });
    const [addr, route] = sent.map((b) => parseMessages(b)[0]!);
    // Requests ask for an acknowledgement and create-or-replace.
    expect(addr!.type).toBe(20);
    expect(addr!.flags & 0x505).toBe(0x505);
    expect(parseAddress(addr!.payload)).toMatchObject({
      index: 3,
      address: '10.0.2.15',
      prefixLen: 24,
      broadcast: '10.0.2.255',
    });
    expect(route!.type).toBe(RTM_NEWROUTE);
    expect(parseRoute(route!.payload)).toEqual({
      family: AF_INET,
      table: RT_TABLE_MAIN,
      dstLen: 0,
      srcLen: 0,
      tos: 0,
      protocol: 16,
      scope: 0,
      type: 1,
      flags: 0,
      gateway: '10.0.2.2',
      oif: 3,
      priority: 1024,
    });
  });

  it('reports the kernel refusing a change with what was asked', async () => {
    const nl = new RtNetlink(ackingSocket(17, []));
    await expect(nl.addRoute({ destination: '10.9.0.0', dstLen: 16, oif: 2 })).rejects.toThrow(
      'adding route 10.9.0.0/16 dev 2: EEXIST (file exists)',
    );
    await expect(new RtNetlink(ackingSocket(1, [])).setLinkUp(2)).rejects.toThrow('setting link 2 up: EPERM');
  });
});
