import { servingNames } from './serving-certificate';

describe('servingNames', () => {
  const local = {
    hostname: 'node01',
    interfaces: {
      lo: [{ address: '127.0.0.1' }, { address: '::1' }],
      eth0: [{ address: '10.5.0.2' }, { address: 'fe80::1%eth0' }],
    } as never,
  };

  it('uses the listen address, the hostname and machine.certSANs', () => {
    expect(servingNames('10.5.0.2', ['10.5.0.50', 'cp.example.com'], local)).toEqual({
      ipAddresses: ['10.5.0.2', '10.5.0.50'],
      dnsNames: ['node01', 'cp.example.com'],
    });
  });

  it('covers every local address when listening on a wildcard', () => {
    expect(servingNames('0.0.0.0', [], local).ipAddresses).toEqual([
      '127.0.0.1',
      '::1',
      '10.5.0.2',
      'fe80::1',
    ]);
  });

  it('does not repeat names', () => {
    expect(servingNames('10.5.0.2', ['10.5.0.2', 'node01'], local)).toEqual({
      ipAddresses: ['10.5.0.2'],
      dnsNames: ['node01'],
    });
  });
});
