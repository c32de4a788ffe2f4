import { X509Certificate } from 'node:crypto';
import { generateConfigs, serializeConfig } from '@talos/config';
import { silentLogger } from '@talos/log';
import { eventuallyResource, startControllers, type ControllerRig } from '@talos/resources';
import { bootstrapStatusController, BOOTSTRAP_STATUS_CONTROLLER } from './bootstrap-status-controller';
import {
  BOOTSTRAP_STATUS_ID,
  BootstrapStatusKind,
  ETCD_SECRETS_ID,
  EtcdSecretsKind,
  HOSTNAME_ID,
  HostnameKind,
  KUBERNETES_SECRETS_ID,
  KubernetesSecretsKind,
  MACHINE_CONFIG_ID,
  MachineConfigKind,
  NODE_ADDRESS_ID,
  NodeAddressKind,
  ROOT_KUBERNETES_ID,
  ROOT_OS_ID,
  RUNTIME_NAMESPACE,
  RootSecretKind,
  SECRETS_NAMESPACE,
  type EtcdCertsSpec,
  type KubernetesCertsSpec,
  type RootKubernetesSpec,
  type RootOSSpec,
} from './kinds';
import { machineTypeController } from './machine-type-controller';
import {
  ROOT_SECRETS_CONTROLLER,
  apiServerNames,
  etcdSecretsController,
  firstServiceIP,
  kubernetesSecretsController,
  rootSecretsController,
} from './secrets-controllers';

// One generation for the file: keys are the slow part.
const generated = generateConfigs({ clusterName: 'unit', endpoint: 'https://10.5.0.2:6443' });
const decode = (b64: string): string => Buffer.from(b64, 'base64').toString();

function sans(pem: string): string {
  return new X509Certificate(pem).subjectAltName ?? '';
}

function issuedBy(leaf: string, caPem: string): boolean {
  const ca = new X509Certificate(caPem);
  const cert = new X509Certificate(leaf);
  return cert.checkIssued(ca) && cert.verify(ca.publicKey);
}

describe('secrets controllers', () => {
  let rig: ControllerRig;

  beforeEach(() => {
    rig = startControllers(
      [
        machineTypeController(),
        bootstrapStatusController(),
        rootSecretsController(),
        etcdSecretsController(),
        kubernetesSecretsController(),
      ],
      { logger: silentLogger(), backoff: { initialMs: 10, maxMs: 50 } },
    );
  });

  afterEach(async () => {
    await rig.stop();
  });

  const setConfig = (text: string) => rig.state.create(MachineConfigKind.pointer(MACHINE_CONFIG_ID), text);

  it('copies the root secrets of a control plane config and issues etcd and Kubernetes certificates', async () => {
    await rig.state.create(HostnameKind.pointer(HOSTNAME_ID), { hostname: 'cp-1', domainname: '' });
    await rig.state.create(NodeAddressKind.pointer(NODE_ADDRESS_ID), { addresses: ['10.5.0.2/24'] });
    await setConfig(serializeConfig(generated.init));

    const os = await eventuallyResource(rig.state, SECRETS_NAMESPACE, RootSecretKind.type, ROOT_OS_ID, {
      metadata: { owner: ROOT_SECRETS_CONTROLLER },
    });
    expect((os!.spec as RootOSSpec).ca.crt).toBe(decode(generated.init.machine.ca.crt));
    expect((os!.spec as RootOSSpec).token).toBe(generated.init.machine.token);
    const k8s = (await eventuallyResource(
      rig.state,
      SECRETS_NAMESPACE,
      RootSecretKind.type,
      ROOT_KUBERNETES_ID,
      {},
    ))!.spec as RootKubernetesSpec;
    expect(k8s).toMatchObject({
      name: 'unit',
      endpoint: 'https://10.5.0.2:6443',
      apiServerIPs: ['10.96.0.1'],
      dnsDomain: 'cluster.local',
      bootstrapTokenID: generated.init.cluster.token!.split('.')[0],
    });

    const etcd = (await eventuallyResource(
      rig.state,
      SECRETS_NAMESPACE,
      EtcdSecretsKind.type,
      ETCD_SECRETS_ID,
      {},
    ))!;
    const etcdCA = decode(generated.init.cluster.etcd!.ca!.crt);
    const certs = etcd.spec as EtcdCertsSpec;
    expect(issuedBy(certs.etcdPeer.crt, etcdCA)).toBe(true);
    expect(sans(certs.etcdPeer.crt)).toMatch(/DNS:cp-1/);
    expect(sans(certs.etcdPeer.crt)).toMatch(/IP Address:10\.5\.0\.2/);
    expect(certs.etcdPeer.key).toMatch(/PRIVATE KEY/);

    const k8sCerts = (await eventuallyResource(
      rig.state,
      SECRETS_NAMESPACE,
      KubernetesSecretsKind.type,
      KUBERNETES_SECRETS_ID,
      {},
    ))!.spec as KubernetesCertsSpec;
    const k8sCA = decode(generated.init.cluster.ca!.crt);
    expect(issuedBy(k8sCerts.apiServer.crt, k8sCA)).toBe(true);
    expect(sans(k8sCerts.apiServer.crt)).toMatch(/DNS:kubernetes\.default\.svc\.cluster\.local/);
    expect(sans(k8sCerts.apiServer.crt)).toMatch(/IP Address:10\.96\.0\.1/);
    expect(new X509Certificate(k8sCerts.apiServerKubeletClient.crt).subject).toMatch(/O=system:masters/);
    expect(issuedBy(k8sCerts.frontProxy.crt, decode(generated.init.cluster.aggregatorCA!.crt))).toBe(true);

    await eventuallyResource(rig.state, RUNTIME_NAMESPACE, BootstrapStatusKind.type, BOOTSTRAP_STATUS_ID, {
      spec: { selfHostedControlPlane: false },
      metadata: { owner: BOOTSTRAP_STATUS_CONTROLLER },
    });
  });

  it('issues again when the node addresses change, and not when nothing changed', async () => {
    await rig.state.create(NodeAddressKind.pointer(NODE_ADDRESS_ID), { addresses: ['10.5.0.2/24'] });
    await setConfig(serializeConfig(generated.controlplane));
    const first = (await eventuallyResource(
      rig.state,
      SECRETS_NAMESPACE,
      EtcdSecretsKind.type,
      ETCD_SECRETS_ID,
      {},
    ))!;
    // A change to an input that leaves the names alone (same addresses) issues nothing new.
    const addr = await rig.state.get(NodeAddressKind.pointer(NODE_ADDRESS_ID));
    await rig.state.update(NodeAddressKind.pointer(NODE_ADDRESS_ID), addr.metadata.version, {
      addresses: ['10.5.0.2/24'],
    });
    await rig.state.create(HostnameKind.pointer(HOSTNAME_ID), { hostname: 'localhost', domainname: '' });
    await new Promise((r) => setTimeout(r, 100));
    expect((await rig.state.get(EtcdSecretsKind.pointer(ETCD_SECRETS_ID))).metadata.version).toBe(
      first.metadata.version,
    );

    const cur = await rig.state.get(NodeAddressKind.pointer(NODE_ADDRESS_ID));
    await rig.state.update(NodeAddressKind.pointer(NODE_ADDRESS_ID), cur.metadata.version, {
      addresses: ['10.5.0.9/24'],
    });
    const next = await eventuallyResource(
      rig.state,
      SECRETS_NAMESPACE,
      EtcdSecretsKind.type,
      ETCD_SECRETS_ID,
      (r) => r !== undefined && sans((r.spec as EtcdCertsSpec).etcdPeer.crt).includes('10.5.0.9'),
    );
    expect(next!.metadata.version).toBeGreaterThan(first.metadata.version);
  });

  it('keeps only the OS root secret on a worker, and no bootstrap status', async () => {
    await setConfig(serializeConfig(generated.join));
    await eventuallyResource(rig.state, SECRETS_NAMESPACE, RootSecretKind.type, ROOT_OS_ID, {});
    await new Promise((r) => setTimeout(r, 100));
    expect((await rig.state.list(SECRETS_NAMESPACE, RootSecretKind.type)).map((r) => r.metadata.id)).toEqual([
      ROOT_OS_ID,
    ]);
    expect(await rig.state.list(SECRETS_NAMESPACE, EtcdSecretsKind.type)).toEqual([]);
    expect(await rig.state.list(RUNTIME_NAMESPACE, BootstrapStatusKind.type)).toEqual([]);
  });

  it('computes the service IP and the API server names', () => {
    expect(firstServiceIP('10.96.0.0/12')).toBe('10.96.0.1');
    expect(() => firstServiceIP('fd00::/108')).toThrow('is not IPv4');
    const names = apiServerNames(
      {
        endpoint: 'https://api.example.org:6443',
        certSANs: ['10.0.0.5', 'lb.example.org'],
        apiServerIPs: ['10.96.0.1'],
        dnsDomain: 'cluster.local',
      } as RootKubernetesSpec,
      { hostname: 'cp-1', ips: ['10.5.0.2', '127.0.0.1'] },
    );
    expect(names.ipAddresses).toEqual(['10.0.0.5', '10.96.0.1', '10.5.0.2', '127.0.0.1']);
    expect(names.dnsNames).toEqual(
      expect.arrayContaining([
        'api.example.org',
        'lb.example.org',
        'cp-1',
        'kubernetes.default.svc.cluster.local',
      ]),
    );
  });
});
