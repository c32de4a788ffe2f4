import type * as os from 'node:os';
import { nodeAddresses, servingNames } from './serving-names';

const iface = (address: string, family: 'IPv4' | 'IPv6') =>
  ({ address, family, netmask: '', mac: '', internal: false, cidr: null }) as os.NetworkInterfaceInfo;

describe('serving certificate names', () => {
  it('uses the listen address when it is specific', () => {
    expect(nodeAddresses('127.0.0.3', {})).toEqual(['127.0.0.3']);
  });

  it('uses every interface address on a wildcard, skipping link-local IPv6', () => {
    const interfaces = {
      lo: [iface('127.0.0.1', 'IPv4'), iface('::1', 'IPv6')],
      eth0: [iface('10.5.0.2', 'IPv4'), iface('fe80::1', 'IPv6')],
    };
    expect(nodeAddresses('0.0.0.0', interfaces)).toEqual(['127.0.0.1', '::1', '10.5.0.2']);
  });

  it('splits certSANs into IP and DNS names', () => {
    expect(servingNames(['10.5.0.2'], ['10.5.0.50', 'api.example', '10.5.0.2'], 'node-1')).toEqual({
      commonName: 'node-1',
      ipAddresses: ['10.5.0.2', '10.5.0.50'],
      dnsNames: ['node-1', 'api.example'],
    });
  });
});
