import { AF_INET, AF_INET6, formatIPv6 } from './ip';
import { ipv4Broadcast, ipv4Network, netmaskToPrefix, parseCIDR, parseIP, parseIPv6 } from './ip-bytes';

describe('ip-bytes', () => {
  it('parses IPv4 and IPv6 to bytes', () => {
    expect(parseIP('10.0.2.15')).toEqual({ family: AF_INET, bytes: Buffer.from([10, 0, 2, 15]) });
    expect(parseIP('fd00::2').family).toBe(AF_INET6);
    for (const a of [
      'fd00::2',
      '::',
      '::1',
      '2001:db8:1:2:3:4:5:6',
      'fe80::fc:ff:fe00:1',
      '1::',
      '::ffff:1.2.3.4',
    ]) {
      expect(formatIPv6(parseIPv6(a))).toBe(a === '::ffff:1.2.3.4' ? '1.2.3.4' : a);
    }
    expect(() => parseIP('10.0.0.256')).toThrow('invalid IP address "10.0.0.256"');
  });

  it('parses CIDRs, netmasks, broadcast and network addresses', () => {
    expect(parseCIDR('192.168.1.5/24')).toEqual({ address: '192.168.1.5', prefixLen: 24, family: AF_INET });
    expect(parseCIDR('10.0.0.1')).toEqual({ address: '10.0.0.1', prefixLen: 32, family: AF_INET });
    expect(() => parseCIDR('10.0.0.1/33')).toThrow('invalid prefix length');
    expect(netmaskToPrefix('255.255.255.0')).toBe(24);
    expect(netmaskToPrefix('255.0.0.0')).toBe(8);
    expect(netmaskToPrefix('255.255.255.255')).toBe(32);
    expect(netmaskToPrefix('0.0.0.0')).toBe(0);
    expect(() => netmaskToPrefix('255.0.255.0')).toThrow('invalid netmask');
    expect(ipv4Broadcast('10.0.2.15', 24)).toBe('10.0.2.255');
    expect(ipv4Network('10.0.2.15', 24)).toBe('10.0.2.0');
    expect(ipv4Network('10.0.2.15', 0)).toBe('0.0.0.0');
  });
});
