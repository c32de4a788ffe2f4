import { defaultHostname, renderHosts, renderResolvConf } from './etc-files';

describe('etc files', () => {
  it('names an unnamed node after its address, as Talos does', () => {
    expect(defaultHostname('10.0.2.15')).toBe('talos-10-0-2-15');
    expect(defaultHostname('fd00::2')).toBe('talos-fd00--2');
    expect(defaultHostname(undefined)).toBeUndefined();
  });

  it('renders hosts with the fqdn, the IPv6 lines and the extra entries', () => {
    expect(
      renderHosts({
        hostname: 'node-1',
        domain: 'lan',
        address: '10.0.2.15',
        extraHosts: [{ ip: '10.0.2.100', aliases: ['registry', 'registry.lan'] }],
      }),
    ).toBe(
      [
        '127.0.0.1\tlocalhost',
        '10.0.2.15\tnode-1.lan node-1',
        '::1\tlocalhost ip6-localhost ip6-loopback',
        'ff02::1\tip6-allnodes',
        'ff02::2\tip6-allrouters',
        '10.0.2.100\tregistry registry.lan',
        '',
      ].join('\n'),
    );
    expect(renderHosts({ hostname: 'solo', extraHosts: [] })).toContain('127.0.1.1\tsolo\n');
  });

  it('keeps at most three nameservers, then the search domains', () => {
    expect(renderResolvConf(['1.1.1.1', '8.8.8.8', '9.9.9.9', '8.8.4.4'], ['lan'])).toBe(
      'nameserver 1.1.1.1\nnameserver 8.8.8.8\nnameserver 9.9.9.9\nsearch lan\n',
    );
  });
});
