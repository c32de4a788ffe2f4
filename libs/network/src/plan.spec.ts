import { KernelCmdline } from '@talos/kernel';
import { IFF_LOOPBACK, type Link } from '@talos/sys';
import { planNetwork } from './plan';

const link = (index: number, name: string, extra: Partial<Link> = {}): Link => ({
  index,
  name,
  mtu: 1500,
  flags: 0,
  type: 1,
  hardwareAddr: `52:54:00:00:00:0${index}`,
  broadcastAddr: 'ff:ff:ff:ff:ff:ff',
  operState: 'up',
  ...extra,
});
const links = [
  link(1, 'lo', { flags: IFF_LOOPBACK, hardwareAddr: '' }),
  link(2, 'eth0'),
  link(3, 'eth1'),
  link(4, 'br0', { kind: 'bridge' }),
  link(5, 'veth9', { kind: 'veth' }),
];
const summary = (p: ReturnType<typeof planNetwork>): string[] =>
  p.links.map((l) => `${l.name}:${l.source}:${l.dhcp ? 'dhcp' : l.addresses.join(',')}`);

describe('planNetwork', () => {
  it('brings loopback up, and runs DHCP on every physical link but virtual and ignored ones', () => {
    const plan = planNetwork({ links, cmdline: KernelCmdline.parse('talos.network.interface.ignore=eth1') });
    expect(summary(plan)).toEqual(['lo:loopback:', 'eth0:default:dhcp', 'veth9:default:dhcp']);
    expect(plan.ignored).toEqual(['eth1']);
  });

  it('lets the config win over ip=, and ip= over DHCP', () => {
    const plan = planNetwork({
      links,
      cmdline: KernelCmdline.parse(
        'ip=10.0.0.5::10.0.0.1:255.255.255.0:h:eth1:off ip=10.0.0.9::::h:eth1:off',
      ),
      network: {
        hostname: 'n1',
        interfaces: [
          {
            interface: 'eth0',
            cidr: '192.168.1.2/24',
            routes: [{ network: '0.0.0.0/0', gateway: '192.168.1.1' }],
          },
          { interface: 'br0', dhcp: true },
          { interface: 'veth9', ignore: true },
        ],
      },
    });
    // The later ip= wins, as in the kernel.
    expect(summary(plan)).toEqual([
      'lo:loopback:',
      'eth0:config:192.168.1.2/24',
      'eth1:ip=:10.0.0.9/8',
      'br0:config:dhcp',
    ]);
    expect(plan.hostname).toBe('n1');
    expect(plan.ignored).toEqual(['veth9']);
  });

  it('applies ip= without a device to the first physical link, and ip=dhcp as DHCP', () => {
    expect(
      summary(
        planNetwork({ links, cmdline: KernelCmdline.parse('ip=10.1.1.1::10.1.1.254:255.255.255.0::::') }),
      ),
    ).toEqual(['lo:loopback:', 'eth0:ip=:10.1.1.1/24', 'eth1:default:dhcp', 'veth9:default:dhcp']);
    expect(summary(planNetwork({ links, cmdline: KernelCmdline.parse('ip=dhcp') }))[1]).toBe('eth0:ip=:dhcp');
  });

  it('refuses a config address that is not a CIDR', () => {
    expect(() =>
      planNetwork({
        links,
        cmdline: KernelCmdline.parse(''),
        network: { interfaces: [{ interface: 'eth0', cidr: '10.0.0.1/40' }] },
      }),
    ).toThrow('invalid prefix length');
  });
});
