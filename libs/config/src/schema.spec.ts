import { generateCA } from '@talos/pki';
import YAML from 'yaml';
import { clusterNetwork, installConfig, localAPIServerPort, timeServers } from './defaults';
import { generateConfigs } from './generate';
import { configDocument, originalText, parseConfig, serializeConfig, validateConfig } from './machine-config';
import { CONFIG_MODES } from './modes';
import { encodePEM } from './pem';
import { ConfigError } from './validation';

const os = generateCA({ organization: 'talos' });
const k8s = generateCA({ organization: 'kubernetes' });

/** Every section of the schema, set, with comments the parser must keep. */
const FULL = `# a hand-written worker config
version: v1alpha1
debug: true
persist: true
machine:
  type: join # the worker kind
  token: abcdef.0123456789abcdef
  ca:
    crt: ${encodePEM(os.crt)}
  certSANs: [node1.example.com, 10.5.0.10]
  kubelet:
    image: ghcr.io/talos-systems/kubelet:v1.20.5
    extraArgs: { feature-gates: ServerSideApply=true }
    extraMounts:
      - destination: /var/lib/example
        type: bind
        source: /var/lib/example
        options: [bind, rshared, rw]
  network:
    hostname: node1
    interfaces:
      - interface: eth0
        cidr: 10.5.0.10/24
        mtu: 1500
        routes:
          - network: 0.0.0.0/0
            gateway: 10.5.0.1
            metric: 1024
        vlans:
          - vlanId: 100
            cidr: 192.168.100.10/24
      - interface: eth1
        dhcp: true
        dhcpOptions: { routeMetric: 200 }
      - interface: eth2
        ignore: true
      - interface: bond0
        dhcp: true
        bond:
          mode: 802.3ad
          interfaces: [eth3, eth4]
          lacpRate: fast
          miimon: 100
          useCarrier: true
    nameservers: [1.1.1.1, 2606:4700:4700::1111]
    extraHostEntries:
      - ip: 10.5.0.2
        aliases: [cp1, cp1.example.com]
  disks:
    - device: /dev/sdb
      partitions:
        - mountpoint: /var/mnt/extra
          size: 100 GB
        - mountpoint: /var/mnt/rest
  install:
    disk: /dev/nvme0n1
    extraKernelArgs: [console=ttyS0]
    image: ghcr.io/talos-systems/installer:v0.9.3
    bootloader: true
    wipe: false
  files:
    - content: "hello"
      permissions: 0o644
      path: /var/etc/hello
      op: create
  env:
    https_proxy: http://proxy.example.com:3128
  time:
    disabled: false
    servers: [time.cloudflare.com, "10.5.0.1:123", "[fd00::1]:123"]
  sysctls:
    net.ipv4.ip_forward: 1
    kernel.domainname: example.com
  registries:
    mirrors:
      docker.io:
        endpoints: [https://mirror.example.com]
    config:
      mirror.example.com:
        tls:
          insecureSkipVerify: true
        auth:
          username: user
          password: pass
cluster:
  controlPlane:
    endpoint: https://10.5.0.2:443
    localAPIServerPort: 6443
  clusterName: demo
  network:
    cni:
      name: custom
      urls: [https://example.com/cni.yaml]
    dnsDomain: cluster.example
    podSubnets: [10.200.0.0/16]
    serviceSubnets: [10.100.0.0/16, fd00:10:96::/112]
  token: abcdef.0123456789abcdef
  aescbcEncryptionSecret: ${Buffer.alloc(32, 7).toString('base64')}
  ca:
    crt: ${encodePEM(k8s.crt)}
    key: ${encodePEM(k8s.key)}
  aggregatorCA:
    crt: ${encodePEM(k8s.crt)}
  serviceAccount:
    key: ${encodePEM(k8s.key)}
  apiServer:
    image: k8s.gcr.io/kube-apiserver:v1.20.5
    certSANs: [api.example.com]
    extraArgs: { audit-log-maxage: "30" }
    extraVolumes:
      - hostPath: /var/lib/audit
        mountPath: /var/lib/audit
        readonly: false
  controllerManager: { image: k8s.gcr.io/kube-controller-manager:v1.20.5 }
  proxy: { mode: ipvs, extraArgs: { metrics-bind-address: 0.0.0.0:10249 } }
  scheduler: { extraArgs: { v: "2" } }
  etcd:
    image: gcr.io/etcd-development/etcd:v3.4.14
    ca:
      crt: ${encodePEM(k8s.crt)}
  podCheckpointer: { image: ghcr.io/talos-systems/pod-checkpointer:v0.9.3 }
  coreDNS: { image: docker.io/coredns/coredns:1.7.0 }
  extraManifests: [https://example.com/manifest.yaml]
  extraManifestHeaders: { Token: "1234" }
  adminKubeconfig: { certLifetime: 8760h }
  allowSchedulingOnMasters: true
`;

function problemsOf(text: string, mode?: (typeof CONFIG_MODES)[number]): string[] {
  try {
    parseConfig(text, { mode });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('the v1alpha1 schema', () => {
  it('reads every section of a full document', () => {
    const cfg = parseConfig(FULL, { mode: 'metal' });
    expect(cfg.machine.network?.interfaces?.map((i) => i.interface)).toEqual([
      'eth0',
      'eth1',
      'eth2',
      'bond0',
    ]);
    expect(cfg.machine.network?.interfaces?.[0]?.vlans).toEqual([{ vlanId: 100, cidr: '192.168.100.10/24' }]);
    expect(cfg.machine.network?.interfaces?.[3]?.bond).toEqual({
      mode: '802.3ad',
      interfaces: ['eth3', 'eth4'],
      lacpRate: 'fast',
      miimon: 100,
      useCarrier: true,
    });
    expect(cfg.machine.disks?.[0]?.partitions).toEqual([
      { mountpoint: '/var/mnt/extra', size: '100 GB' },
      { mountpoint: '/var/mnt/rest' },
    ]);
    expect(cfg.machine.files?.[0]).toMatchObject({ permissions: 0o644, op: 'create' });
    // YAML authors write sysctl values as numbers; the node writes text either way.
    expect(cfg.machine.sysctls).toEqual({ 'net.ipv4.ip_forward': '1', 'kernel.domainname': 'example.com' });
    expect(cfg.machine.registries?.mirrors?.['docker.io']?.endpoints).toEqual(['https://mirror.example.com']);
    expect(cfg.cluster.proxy?.mode).toBe('ipvs');
    expect(cfg.cluster.serviceAccount?.key).toBe(encodePEM(k8s.key));
    expect(cfg.cluster.allowSchedulingOnMasters).toBe(true);
    expect(clusterNetwork(cfg)).toEqual({
      cni: { name: 'custom', urls: ['https://example.com/cni.yaml'] },
      dnsDomain: 'cluster.example',
      podSubnets: ['10.200.0.0/16'],
      serviceSubnets: ['10.100.0.0/16', 'fd00:10:96::/112'],
    });
    expect(installConfig(cfg).disk).toBe('/dev/nvme0n1');
    expect(localAPIServerPort(cfg)).toBe(6443);
  });

  it('applies the Talos v0.9 defaults where fields are left out', () => {
    const cfg = validateConfig({
      version: 'v1alpha1',
      machine: { type: 'join', token: 't', ca: { crt: encodePEM(os.crt) } },
      cluster: { controlPlane: { endpoint: 'https://10.5.0.2:6443' }, clusterName: 'demo' },
    });
    expect(clusterNetwork(cfg)).toEqual({
      cni: { name: 'flannel' },
      dnsDomain: 'cluster.local',
      podSubnets: ['10.244.0.0/16'],
      serviceSubnets: ['10.96.0.0/12'],
    });
    expect(installConfig(cfg)).toEqual({
      disk: '/dev/sda',
      image: 'ghcr.io/talos-systems/installer:v0.9.3',
      extraKernelArgs: [],
      bootloader: true,
      wipe: false,
      force: false,
    });
    expect(timeServers(cfg)).toEqual(['pool.ntp.org']);
    expect(localAPIServerPort(cfg)).toBe(6443);
    // Defaults are read, not written: the document stays as its author wrote it.
    expect(cfg.cluster.network).toBeUndefined();
  });

  it('keeps the text and YAML document, comments included', () => {
    const cfg = parseConfig(FULL);
    expect(originalText(cfg)).toBe(FULL);
    const doc = configDocument(cfg);
    const reemitted = doc?.toString() ?? '';
    expect(reemitted.startsWith('# a hand-written worker config\n')).toBe(true);
    expect(reemitted).toContain('type: join # the worker kind');
    // A config built in code has no source: its text is serialized afresh.
    const built = validateConfig(YAML.parse(FULL));
    expect(configDocument(built)).toBeUndefined();
    expect(originalText(built)).toBe(serializeConfig(built));
    expect(parseConfig(originalText(built))).toEqual(cfg);
  });
});

describe('generated configs', () => {
  const generated = generateConfigs({ clusterName: 'demo', endpoint: 'https://10.5.0.2:6443' });

  it('validate after serialization, for every machine type in every mode', () => {
    for (const cfg of [generated.init, generated.controlplane, generated.join]) {
      for (const mode of CONFIG_MODES) {
        expect(problemsOf(serializeConfig(cfg), mode)).toEqual([]);
        expect(parseConfig(serializeConfig(cfg), { mode })).toEqual(cfg);
      }
    }
  });

  it('write out the v0.9 defaults, as Talos gen config does', () => {
    expect(generated.join.machine.install).toEqual({
      disk: '/dev/sda',
      image: 'ghcr.io/talos-systems/installer:v0.9.3',
      bootloader: true,
      wipe: false,
    });
    expect(generated.init.cluster.network).toEqual(clusterNetwork(generated.init));
  });
});

describe('runtime modes', () => {
  const base = generateConfigs({ clusterName: 'demo', endpoint: 'https://10.5.0.2:6443' }).join;

  function withMachine(patch: Record<string, unknown>, drop: string[] = []): string {
    const tree = YAML.parse(serializeConfig(base)) as { machine: Record<string, unknown> };
    for (const key of drop) delete tree.machine[key];
    Object.assign(tree.machine, patch);
    return YAML.stringify(tree);
  }

  it('metal needs an install disk; container and cloud do not', () => {
    const noInstall = withMachine({}, ['install']);
    expect(problemsOf(noInstall, 'metal')).toEqual(['machine.install: is required in metal mode']);
    expect(problemsOf(withMachine({ install: { wipe: true } }), 'metal')).toEqual([
      'machine.install.disk: is required in metal mode',
    ]);
    expect(problemsOf(noInstall, 'container')).toEqual([]);
    expect(problemsOf(noInstall, 'cloud')).toEqual([]);
    // Without a mode only the schema applies (how nodes load their stored config).
    expect(problemsOf(noInstall)).toEqual([]);
  });

  it('container mode refuses disks, bonds and VLANs it cannot have', () => {
    const text = withMachine({
      disks: [{ device: '/dev/sdb' }],
      network: {
        interfaces: [
          { interface: 'eth0', dhcp: true, vlans: [{ vlanId: 5, dhcp: true }] },
          { interface: 'bond0', bond: { interfaces: ['eth1', 'eth2'] } },
        ],
      },
    });
    expect(problemsOf(text, 'container')).toEqual([
      'machine.disks: is not supported in container mode (the container has no disks of its own)',
      'machine.network.interfaces[0].vlans: is not supported in container mode',
      'machine.network.interfaces[1].bond: is not supported in container mode',
    ]);
    expect(problemsOf(text, 'metal')).toEqual([]);
  });
});
