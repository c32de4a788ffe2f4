import { parseIpArg } from './ip-arg';

describe('parseIpArg', () => {
  it('parses the seed example (static, hostname, device, one resolver)', () => {
    expect(parseIpArg('10.0.0.99:::255.0.0.0:control-1:eth0:off:10.0.0.1')).toEqual({
      autoconf: 'static',
      address: '10.0.0.99',
      prefixLen: 8,
      hostname: 'control-1',
      device: 'eth0',
      dns: ['10.0.0.1'],
      ntp: [],
    });
  });

  it('parses every field', () => {
    expect(
      parseIpArg(
        '192.168.1.10:192.168.1.2:192.168.1.1:255.255.255.0:node-a:ens3:none:1.1.1.1:8.8.8.8:192.168.1.3',
      ),
    ).toEqual({
      autoconf: 'static',
      address: '192.168.1.10',
      server: '192.168.1.2',
      gateway: '192.168.1.1',
      prefixLen: 24,
      hostname: 'node-a',
      device: 'ens3',
      dns: ['1.1.1.1', '8.8.8.8'],
      ntp: ['192.168.1.3'],
    });
  });

  it('takes the short forms and DHCP on a device', () => {
    expect(parseIpArg('dhcp')).toEqual({ autoconf: 'dhcp', dns: [], ntp: [] });
    expect(parseIpArg('off').autoconf).toBe('off');
    expect(parseIpArg('none').autoconf).toBe('off');
    expect(parseIpArg(':::::eth1:dhcp')).toMatchObject({ autoconf: 'dhcp', device: 'eth1' });
    expect(parseIpArg('::::myhost::')).toMatchObject({ autoconf: 'dhcp', hostname: 'myhost' });
    expect(parseIpArg('::::myhost::off')).toMatchObject({ autoconf: 'off', hostname: 'myhost' });
  });

  it('derives a classful prefix when the netmask is empty', () => {
    expect(parseIpArg('172.16.0.5::172.16.0.1::::off').prefixLen).toBe(16);
    expect(parseIpArg('192.168.0.5:::::eth0:off').prefixLen).toBe(24);
    expect(parseIpArg('10.1.2.3').prefixLen).toBe(8);
  });

  it('names the bad field', () => {
    expect(() => parseIpArg('10.0.0.300::::::off')).toThrow('client-ip "10.0.0.300" is not an IPv4 address');
    expect(() => parseIpArg('10.0.0.3:::255.0.255.0:::off')).toThrow(
      'netmask "255.0.255.0" is not contiguous',
    );
    expect(() => parseIpArg('10.0.0.3::::::sometimes')).toThrow('unknown autoconf "sometimes"');
    expect(() => parseIpArg('10.0.0.3::nope::::off')).toThrow('gw-ip "nope"');
  });
});
