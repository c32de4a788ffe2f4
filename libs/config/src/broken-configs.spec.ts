// A corpus of broken configs: each mutation of a valid generated config must produce exactly the
// listed path-specific problems.
import { generateCA } from '@talos/pki';
import YAML from 'yaml';
import { generateConfigs } from './generate';
import { parseConfig, serializeConfig } from './machine-config';
import type { ConfigMode } from './modes';
import { encodePEM } from './pem';
import { ConfigError } from './validation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the corpus writes wrong types on purpose
type Tree = Record<string, any>;

const generated = generateConfigs({ clusterName: 'demo', endpoint: 'https://10.5.0.2:6443' });
const other = generateCA({ organization: 'talos' });
const base = serializeConfig(generated.controlplane);

function twoInterfaces(t: Tree): Tree {
  t.machine.network = {
    interfaces: [
      { interface: 'eth0', dhcp: true },
      { interface: 'eth1', cidr: '10.5.0.3/24' },
    ],
  };
  return t;
}

interface Case {
  name: string;
  mutate: (t: Tree) => void;
  mode?: ConfigMode;
  problems: string[];
}

const CORPUS: Case[] = [
  // wrong types
  {
    name: 'wrong scalar types',
    mutate: (t) => {
      t.debug = 'yes';
      t.machine.type = 5;
      t.machine.certSANs = 'node1';
      t.cluster.allowSchedulingOnMasters = 1;
    },
    problems: [
      'debug: must be true or false, got string',
      'machine.type: must be a string, got number',
      'machine.certSANs: must be a list of strings, got string',
      'cluster.allowSchedulingOnMasters: must be true or false, got number',
    ],
  },
  {
    name: 'wrong collection types',
    mutate: (t) => {
      t.machine.network = { interfaces: { interface: 'eth0' } };
      t.machine.sysctls = ['net.ipv4.ip_forward=1'];
      t.cluster.network.podSubnets = '10.244.0.0/16';
      t.cluster.apiServer = 'k8s.gcr.io/kube-apiserver';
    },
    problems: [
      'machine.network.interfaces: must be a list, got a mapping',
      'machine.sysctls: must be a mapping, got a list',
      'cluster.network.podSubnets: must be a list, got string',
      'cluster.apiServer: must be a mapping, got string',
    ],
  },
  {
    name: 'numbers out of range or not integers',
    mutate: (t) => {
      twoInterfaces(t).machine.network.interfaces[0].mtu = '1500';
      t.machine.network.interfaces[1].mtu = 20;
      t.machine.network.interfaces[1].vlans = [{ vlanId: 5000 }, { vlanId: 1.5 }];
      t.machine.files = [{ content: '', permissions: 0o10000, path: 'etc/x', op: 'replace' }];
      t.cluster.controlPlane.localAPIServerPort = 70000;
    },
    problems: [
      'machine.network.interfaces[0].mtu: must be an integer, got string',
      'machine.network.interfaces[1].mtu: 20 is out of range (68..65535)',
      'machine.network.interfaces[1].vlans[0].vlanId: 5000 is out of range (1..4094)',
      'machine.network.interfaces[1].vlans[1].vlanId: must be an integer, got 1.5',
      'machine.files[0].permissions: 4096 is out of range (0..4095)',
      'machine.files[0].path: "etc/x" must be an absolute path',
      'machine.files[0].op: "replace" is not one of create, append, overwrite',
      'cluster.controlPlane.localAPIServerPort: 70000 is out of range (1..65535)',
    ],
  },
  // unknown keys
  {
    name: 'unknown keys at every depth',
    mutate: (t) => {
      t.kind = 'MachineConfig';
      t.machine.kubelet = { extraArg: {} };
      twoInterfaces(t).machine.network.interfaces[1].adress = '10.5.0.3';
      t.machine.install.disks = ['/dev/sda'];
      t.cluster.etcd = { caa: {} };
      t.cluster.network.cni = { name: 'flannel', version: 1 };
    },
    problems: [
      'kind: unknown field',
      'machine.kubelet.extraArg: unknown field',
      'machine.network.interfaces[1].adress: unknown field',
      'machine.install.disks: unknown field',
      'cluster.network.cni.version: unknown field',
      'cluster.etcd.caa: unknown field',
      'cluster.etcd.ca: is required on controlplane machines',
    ],
  },
  // addresses
  {
    name: 'bad CIDRs and addresses',
    mutate: (t) => {
      twoInterfaces(t).machine.network.interfaces[1].cidr = '10.5.0.300/24';
      t.machine.network.interfaces[1].routes = [{ network: '0.0.0.0', gateway: 'ten' }];
      t.machine.network.nameservers = ['1.1.1.1', '8.8.8'];
      t.machine.network.extraHostEntries = [{ ip: '10.5.0.2', aliases: [] }];
      t.cluster.network.podSubnets = ['10.244.0.0/33'];
      t.cluster.network.serviceSubnets = [];
    },
    problems: [
      'machine.network.interfaces[1].cidr: "10.5.0.300/24" is not a valid CIDR',
      'machine.network.interfaces[1].routes[0].network: "0.0.0.0" is not a valid CIDR',
      'machine.network.interfaces[1].routes[0].gateway: "ten" is not a valid IP address',
      'machine.network.nameservers[1]: "8.8.8" is not a valid IP address',
      'machine.network.extraHostEntries[0].aliases: must list at least one name',
      'cluster.network.podSubnets[0]: "10.244.0.0/33" is not a valid CIDR',
      'cluster.network.serviceSubnets: must list at least one CIDR',
    ],
  },
  {
    name: 'conflicting interface settings',
    mutate: (t) => {
      twoInterfaces(t).machine.network.interfaces[1].dhcp = true;
      t.machine.network.interfaces.push({ interface: 'eth0', ignore: true });
      t.machine.network.hostname = 'node_1';
    },
    problems: [
      'machine.network.hostname: "node_1" is not a valid hostname',
      'machine.network.interfaces[1]: dhcp and cidr are mutually exclusive',
      'machine.network.interfaces[2].interface: "eth0" is already configured at interfaces[0]',
    ],
  },
  // endpoint
  {
    name: 'missing control plane',
    mutate: (t) => delete t.cluster.controlPlane,
    problems: ['cluster.controlPlane: is required'],
  },
  {
    name: 'missing endpoint',
    mutate: (t) => (t.cluster.controlPlane = {}),
    problems: ['cluster.controlPlane.endpoint: is required'],
  },
  {
    name: 'endpoint that is not https',
    mutate: (t) => (t.cluster.controlPlane.endpoint = '10.5.0.2:6443'),
    problems: ['cluster.controlPlane.endpoint: "10.5.0.2:6443" must be an https URL'],
  },
  // keys and secrets
  {
    name: 'bad base64 keys and secrets',
    mutate: (t) => {
      t.machine.ca.key = 'not-base64!!';
      t.cluster.aescbcEncryptionSecret = 'abc';
      t.cluster.serviceAccount = { key: encodePEM(other.crt) };
      t.cluster.aggregatorCA = { crt: Buffer.from('hello').toString('base64') };
    },
    problems: [
      'machine.ca.key: must be base64-encoded PEM',
      'cluster.aescbcEncryptionSecret: must be base64-encoded',
      'cluster.aggregatorCA.crt: must be base64-encoded PEM',
      'cluster.serviceAccount.key: must hold a PEM private key, found "CERTIFICATE"',
      'cluster.aggregatorCA.key: is required on controlplane machines',
    ],
  },
  {
    name: 'a worker config turned control plane carries none of the keys',
    mutate: (t) => {
      const join = YAML.parse(serializeConfig(generated.join)) as Tree;
      t.machine = { ...join.machine, type: 'init' };
      t.cluster = join.cluster;
    },
    problems: [
      'machine.ca.key: is required on init machines (trustd signs with it)',
      'cluster.aescbcEncryptionSecret: is required on init machines',
      'cluster.ca.key: is required on init machines',
      'cluster.aggregatorCA: is required on init machines',
      'cluster.serviceAccount: is required on init machines',
      'cluster.etcd: is required on init machines',
    ],
  },
  {
    name: 'a control plane without its secrets',
    mutate: (t) => {
      delete t.cluster.token;
      t.cluster.serviceAccount = {};
      t.cluster.etcd.ca = null;
    },
    problems: [
      'cluster.serviceAccount.key: is required',
      'cluster.token: is required on controlplane machines',
      'cluster.etcd.ca: is required on controlplane machines',
    ],
  },
  {
    name: 'secret of the wrong length and a malformed token',
    mutate: (t) => {
      t.cluster.aescbcEncryptionSecret = Buffer.alloc(16).toString('base64');
      t.cluster.token = 'ABCDEF.0123456789abcdef';
    },
    problems: [
      'cluster.token: must be a bootstrap token ([a-z0-9]{6}.[a-z0-9]{16})',
      'cluster.aescbcEncryptionSecret: must decode to 32 bytes, got 16',
    ],
  },
  {
    name: 'CA key that does not belong to the certificate',
    mutate: (t) => {
      t.machine.ca.key = encodePEM(other.key);
      t.cluster.ca = { crt: encodePEM(other.crt), key: t.machine.ca.crt };
    },
    problems: [
      'machine.ca.key: does not match the certificate in crt',
      'cluster.ca.key: must hold a PEM private key, found "CERTIFICATE"',
    ],
  },
  {
    name: 'a certificate block that does not parse',
    mutate: (t) => {
      t.machine.ca.crt = encodePEM('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    },
    problems: [
      expect.stringMatching(/^machine\.ca\.key: cannot be checked against crt: /) as unknown as string,
    ],
  },
  // modes
  {
    name: 'no install disk on metal',
    mode: 'metal',
    mutate: (t) => delete t.machine.install.disk,
    problems: ['machine.install.disk: is required in metal mode'],
  },
  // everything at once: one pass reports it all
  {
    name: 'many problems in one document',
    mode: 'metal',
    mutate: (t) => {
      t.version = 'v1alpha2';
      delete t.machine.install;
      t.machine.time = { servers: ['pool ntp org'] };
      t.cluster.clusterName = '';
      t.cluster.network.dnsDomain = 'cluster..local';
      t.cluster.proxy = { mode: 'nftables' };
      t.cluster.adminKubeconfig = { certLifetime: '1 year' };
      t.cluster.extraManifests = ['ftp://example.com/x.yaml'];
    },
    problems: [
      'version: "v1alpha2" is not supported (only v1alpha1)',
      'machine.time.servers[0]: "pool ntp org" is not a valid host or host:port',
      'cluster.clusterName: must not be empty',
      'cluster.network.dnsDomain: "cluster..local" is not a valid hostname',
      'cluster.proxy.mode: "nftables" is not one of iptables, ipvs, userspace',
      'cluster.extraManifests[0]: "ftp://example.com/x.yaml" must be a http or https URL',
      'cluster.adminKubeconfig.certLifetime: "1 year" is not a valid duration',
      'machine.install: is required in metal mode',
    ],
  },
];

describe('broken configs', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const tree = YAML.parse(base) as Tree;
    c.mutate(tree);
    let caught: unknown;
    try {
      parseConfig(YAML.stringify(tree), { mode: c.mode });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual(c.problems);
  });

  it('reports YAML that does not parse, and alias bombs, as config errors', () => {
    expect(() => parseConfig('machine: {\n')).toThrow(/^error parsing machine config: yaml: /);
    const bomb = [
      'a: &a [x, x]',
      ...Array.from(
        { length: 20 },
        (_, i) => `b${i}: &b${i} [*${i ? `b${i - 1}` : 'a'}, *${i ? `b${i - 1}` : 'a'}]`,
      ),
    ].join('\n');
    expect(() => parseConfig(bomb)).toThrow(ConfigError);
  });
});
