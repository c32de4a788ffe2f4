import {
  BOOTREPLY,
  DHCPACK,
  OPT_DNS,
  OPT_DOMAIN,
  OPT_LEASE_TIME,
  OPT_MESSAGE_TYPE,
  OPT_ROUTER,
  OPT_SERVER_ID,
  OPT_SUBNET_MASK,
  decodeDhcp,
  decodeUdp4,
  encodeDhcp,
  encodeUdp4,
  optIPs,
  optU32,
  optU8,
} from './message';
import { leaseFromAck } from './lease';

describe('DHCP messages', () => {
  const ack = {
    op: BOOTREPLY,
    xid: 0x12345678,
    yiaddr: '10.0.2.15',
    chaddr: '52:54:00:12:34:56',
    options: new Map<number, Buffer>([
      [OPT_MESSAGE_TYPE, optU8(DHCPACK)],
      [OPT_SUBNET_MASK, optIPs(['255.255.255.0'])],
      [OPT_ROUTER, optIPs(['10.0.2.2'])],
      [OPT_DNS, optIPs(['10.0.2.3'])],
      [OPT_SERVER_ID, optIPs(['10.0.2.2'])],
      [OPT_LEASE_TIME, optU32(86400)],
      [OPT_DOMAIN, Buffer.from('example.org')],
    ]),
  };

  it('round-trips a message, padded to the BOOTP minimum', () => {
    const buf = encodeDhcp(ack);
    expect(buf.length).toBe(300);
    const back = decodeDhcp(buf);
    expect(back).toMatchObject({
      op: BOOTREPLY,
      xid: 0x12345678,
      yiaddr: '10.0.2.15',
      chaddr: '52:54:00:12:34:56',
    });
    expect([...back.options.keys()].sort()).toEqual([...ack.options.keys()].sort());
  });

  it('reads a lease the way QEMU slirp grants one, with RFC 2131 T1/T2 defaults', () => {
    const lease = leaseFromAck(decodeDhcp(encodeDhcp(ack)), '0.0.0.0', 1000);
    expect(lease).toEqual({
      address: '10.0.2.15',
      prefixLen: 24,
      serverId: '10.0.2.2',
      routers: ['10.0.2.2'],
      dns: ['10.0.2.3'],
      ntp: [],
      domain: 'example.org',
      leaseSeconds: 86400,
      renewSeconds: 43200,
      rebindSeconds: 75600,
      obtainedAt: 1000,
    });
  });

  it('rejects truncated options and frames UDP in IPv4 with valid checksums', () => {
    const bad = encodeDhcp({ ...ack, options: new Map() }).subarray(0, 241);
    bad[240] = OPT_DNS;
    expect(() => decodeDhcp(bad)).toThrow('truncated DHCP option 6');
    const pkt = encodeUdp4('0.0.0.0', '255.255.255.255', 68, 67, Buffer.from('hello'));
    // The IPv4 header checksum verifies to zero.
    let sum = 0;
    for (let i = 0; i < 20; i += 2) sum += pkt.readUInt16BE(i);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    expect(sum).toBe(0xffff);
    expect(decodeUdp4(pkt)).toEqual({
      src: '0.0.0.0',
      dst: '255.255.255.255',
      sport: 68,
      dport: 67,
      payload: Buffer.from('hello'),
    });
  });
});
