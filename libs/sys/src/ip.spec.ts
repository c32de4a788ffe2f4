import fc from 'fast-check';
import { formatCIDR, formatIP, formatIPv6, formatMAC } from './ip';

describe('address formatting', () => {
  it('prints IPv6 in RFC 5952 form', () => {
    const ip = (s: string): Buffer => {
      const groups = s.split(':').map((g) => parseInt(g, 16));
      const b = Buffer.alloc(16);
      groups.forEach((g, i) => b.writeUInt16BE(g, i * 2));
      return b;
    };
    expect(formatIPv6(ip('0:0:0:0:0:0:0:1'))).toBe('::1');
    expect(formatIPv6(ip('fe80:0:0:0:fc:ff:fe00:1'))).toBe('fe80::fc:ff:fe00:1');
    expect(formatIPv6(ip('2001:db8:0:1:0:0:0:1'))).toBe('2001:db8:0:1::1');
    expect(formatIPv6(ip('2001:db8:0:0:1:0:0:1'))).toBe('2001:db8::1:0:0:1');
    expect(formatIPv6(ip('1:0:2:0:3:0:4:0'))).toBe('1:0:2:0:3:0:4:0');
    expect(formatIPv6(Buffer.alloc(16))).toBe('::');
    expect(formatIPv6(Buffer.from('00000000000000000000ffff0a000001', 'hex'))).toBe('10.0.0.1');
  });

  it('agrees with the WHATWG URL serializer for any non-mapped IPv6 address', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const b = Buffer.from(bytes);
        fc.pre(!(b.subarray(0, 10).every((x) => x === 0) && b.readUInt16BE(10) === 0xffff));
        const groups = [];
        for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i).toString(16));
        const viaUrl = new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
        expect(formatIPv6(b)).toBe(viaUrl);
      }),
    );
  });

  it('prints IPv4, MAC and CIDR as Go does', () => {
    expect(formatIP(Buffer.from([192, 0, 2, 1]))).toBe('192.0.2.1');
    expect(() => formatIP(Buffer.alloc(5))).toThrow('invalid IP address length 5');
    expect(formatMAC(Buffer.from('02fc00000001', 'hex'))).toBe('02:fc:00:00:00:01');
    expect(formatMAC(Buffer.alloc(6))).toBe('');
    expect(formatCIDR(2, undefined, 0)).toBe('0.0.0.0/0');
    expect(formatCIDR(10, undefined, 0)).toBe('::/0');
    expect(formatCIDR(2, '10.0.0.0', 8)).toBe('10.0.0.0/8');
  });
});
