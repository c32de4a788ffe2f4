// The `secrets` namespace, as Talos v0.9's secrets controllers fill it: RootController copies the
// root secrets out of the MachineConfig (the OS CA on every node; etcd's and Kubernetes' CAs and
// keys on control planes), EtcdController and KubernetesController issue this node's certificates
// from them once the node has addresses. Issuing costs an RSA signature by the CA each (keys are
// P-256, cheap), so a controller re-issues only when what the certificates say (CA, names) changed.
import { isIP } from 'node:net';
import { clusterNetwork, decodePEM, isControlPlane, type MachineConfig } from '@talos/config';
import { NODE_CERT_LIFETIME_HOURS } from '@talos/constants';
import { issueCertificateAsync } from '@talos/pki';
import type { Controller, ControllerState, ResourceKind } from '@talos/resources';
import {
  CONFIG_NAMESPACE,
  ETCD_SECRETS_ID,
  EtcdSecretsKind,
  HOSTNAME_ID,
  HostnameKind,
  KUBERNETES_SECRETS_ID,
  KubernetesSecretsKind,
  MACHINE_CONFIG_ID,
  MachineConfigKind,
  NETWORK_NAMESPACE,
  NODE_ADDRESS_ID,
  NodeAddressKind,
  ROOT_ETCD_ID,
  ROOT_KUBERNETES_ID,
  ROOT_OS_ID,
  RootSecretKind,
  SECRETS_NAMESPACE,
  type CertificateAndKeySpec,
  type EtcdCertsSpec,
  type KubernetesCertsSpec,
  type RootSecretSpec,
  type RootEtcdSpec,
  type RootKubernetesSpec,
  type RootOSSpec,
} from './kinds';
import { machineConfigOf } from './machine-config-cache';

export const ROOT_SECRETS_CONTROLLER = 'secrets.RootController';
export const ETCD_SECRETS_CONTROLLER = 'secrets.EtcdController';
export const KUBERNETES_SECRETS_CONTROLLER = 'secrets.KubernetesController';

function pem(encoded: { crt: string; key?: string } | undefined): CertificateAndKeySpec {
  return {
    crt: encoded?.crt ? decodePEM(encoded.crt) : '',
    key: encoded?.key ? decodePEM(encoded.key) : '',
  };
}

/** The first host address of a subnet: the Kubernetes service's cluster IP (10.96.0.0/12 → 10.96.0.1). */
export function firstServiceIP(cidr: string): string {
  const [base = ''] = cidr.split('/');
  if (isIP(base) !== 4) throw new Error(`service subnet ${cidr} is not IPv4`);
  const n = base.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) + 1;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** What the config says the root secrets are; the etcd and Kubernetes ones only on control planes. */
export function rootSecrets(cfg: MachineConfig): {
  os: RootOSSpec;
  etcd?: RootEtcdSpec;
  k8s?: RootKubernetesSpec;
} {
  const os: RootOSSpec = {
    ca: pem(cfg.machine.ca),
    certSANs: [...cfg.machine.certSANs],
    token: cfg.machine.token,
  };
  if (!isControlPlane(cfg.machine.type)) return { os };
  const { cluster } = cfg;
  const network = clusterNetwork(cfg);
  const [tokenID = '', tokenSecret = ''] = (cluster.token ?? '').split('.');
  return {
    os,
    etcd: { etcdCA: pem(cluster.etcd?.ca) },
    k8s: {
      name: cluster.clusterName,
      endpoint: cluster.controlPlane.endpoint,
      certSANs: [...(cluster.apiServer?.certSANs ?? [])],
      apiServerIPs: network.serviceSubnets
        .filter((s) => isIP(s.split('/')[0] ?? '') === 4)
        .map(firstServiceIP),
      dnsDomain: network.dnsDomain,
      ca: pem(cluster.ca),
      serviceAccount: {
        key: cluster.serviceAccount ? pem({ crt: '', key: cluster.serviceAccount.key }).key : '',
      },
      aggregatorCA: pem(cluster.aggregatorCA),
      aesCBCEncryptionSecret: cluster.aescbcEncryptionSecret ?? '',
      bootstrapTokenID: tokenID,
      bootstrapTokenSecret: tokenSecret,
    },
  };
}

export function rootSecretsController(): Controller {
  return {
    name: ROOT_SECRETS_CONTROLLER,
    inputs: [
      { namespace: CONFIG_NAMESPACE, type: MachineConfigKind.type, id: MACHINE_CONFIG_ID, kind: 'strong' },
    ],
    outputs: [{ type: RootSecretKind.type, kind: 'exclusive' }],
    async reconcile({ state, logger }) {
      const config = await state.find(MachineConfigKind.pointer(MACHINE_CONFIG_ID));
      if (!config) {
        await state.tidyOutputs(SECRETS_NAMESPACE, RootSecretKind.type, []);
        return;
      }
      let cfg: MachineConfig;
      try {
        cfg = machineConfigOf(config.spec);
      } catch (err) {
        // Stored configs were validated first; retrying would not make this one valid.
        logger.warn({ err: (err as Error).message }, 'machine config unusable: no root secrets');
        await state.tidyOutputs(SECRETS_NAMESPACE, RootSecretKind.type, []);
        return;
      }
      const secrets = rootSecrets(cfg);
      const keep: string[] = [];
      for (const [id, spec] of [
        [ROOT_OS_ID, secrets.os],
        [ROOT_ETCD_ID, secrets.etcd],
        [ROOT_KUBERNETES_ID, secrets.k8s],
      ] as const) {
        if (!spec) continue;
        await state.modify(RootSecretKind.pointer(id), () => spec);
        keep.push(id);
      }
      await state.tidyOutputs(SECRETS_NAMESPACE, RootSecretKind.type, keep);
    },
  };
}

/** This node's names for its certificates. */
interface NodeNames {
  hostname: string;
  ips: string[];
}

/** This node's names for its certificates: hostname, addresses (without prefix), loopback. */
async function nodeNames(state: ControllerState): Promise<NodeNames | undefined> {
  const hostname = (await state.find(HostnameKind.pointer(HOSTNAME_ID)))?.spec.hostname ?? 'localhost';
  const addresses = (await state.find(NodeAddressKind.pointer(NODE_ADDRESS_ID)))?.spec.addresses ?? [];
  // Until the network is up the node has no names worth a certificate: issuing now would only
  // mean issuing again in a moment (each certificate costs a CA signature).
  if (addresses.length === 0) return undefined;
  const ips = [...new Set([...addresses.map((a) => a.split('/')[0] ?? ''), '127.0.0.1', '::1'])].filter(
    Boolean,
  );
  return { hostname, ips };
}

const nameInputs = [
  { namespace: NETWORK_NAMESPACE, type: HostnameKind.type, id: HOSTNAME_ID, kind: 'weak' as const },
  { namespace: NETWORK_NAMESPACE, type: NodeAddressKind.type, id: NODE_ADDRESS_ID, kind: 'weak' as const },
];

/**
 * A controller that keeps one resource of certificates issued from a RootSecret for this node's
 * names. `signer` picks the CAs out of the root secret (undefined: nothing to sign with here, the
 * output goes); `plan` says what the certificates would state (compared with what was issued last,
 * so a key is generated only when that changes) and how to issue them.
 */
function certificatesController<T, S>(o: {
  name: string;
  rootId: string;
  kind: ResourceKind<S>;
  id: string;
  signer: (root: RootSecretSpec | undefined) => T | undefined;
  plan: (signer: T, node: NodeNames) => { states: unknown; issue: () => Promise<S> };
}): Controller {
  let issuedFor: string | undefined;
  return {
    name: o.name,
    inputs: [
      { namespace: SECRETS_NAMESPACE, type: RootSecretKind.type, id: o.rootId, kind: 'strong' },
      ...nameInputs,
    ],
    outputs: [{ type: o.kind.type, kind: 'exclusive' }],
    async reconcile({ state }) {
      const signer = o.signer((await state.find(RootSecretKind.pointer(o.rootId)))?.spec);
      if (!signer) {
        issuedFor = undefined;
        await state.tidyOutputs(SECRETS_NAMESPACE, o.kind.type, []);
        return;
      }
      const node = await nodeNames(state);
      if (!node) return;
      const plan = o.plan(signer, node);
      const key = JSON.stringify(plan.states);
      if (key === issuedFor && (await state.find(o.kind.pointer(o.id)))) return;
      const spec = await plan.issue();
      await state.modify(o.kind.pointer(o.id), () => spec);
      issuedFor = key;
    },
  };
}

export function etcdSecretsController(): Controller {
  return certificatesController<CertificateAndKeySpec, EtcdCertsSpec>({
    name: ETCD_SECRETS_CONTROLLER,
    rootId: ROOT_ETCD_ID,
    kind: EtcdSecretsKind,
    id: ETCD_SECRETS_ID,
    signer: (root) => {
      const ca = (root as RootEtcdSpec | undefined)?.etcdCA;
      return ca?.key ? ca : undefined;
    },
    plan: (ca, { hostname, ips }) => ({
      states: [ca.crt, hostname, ips],
      issue: async () => {
        const validityHours = NODE_CERT_LIFETIME_HOURS;
        const member = {
          validityHours,
          ipAddresses: ips,
          dnsNames: [hostname, 'localhost'],
          commonName: hostname,
        };
        return {
          etcdPeer: await issueCertificateAsync(ca, { ...member, usage: 'both' }),
          etcdClient: await issueCertificateAsync(ca, { ...member, usage: 'both' }),
          etcdApiServer: await issueCertificateAsync(ca, {
            validityHours,
            commonName: 'kube-apiserver',
            usage: 'client',
          }),
        };
      },
    }),
  });
}

/** The API server certificate's names: endpoint host, certSANs, service IPs, in-cluster names, node's. */
export function apiServerNames(
  root: RootKubernetesSpec,
  node: NodeNames,
): { ipAddresses: string[]; dnsNames: string[] } {
  const endpointHost = new URL(root.endpoint).hostname.replace(/^\[(.*)\]$/, '$1');
  const all = [endpointHost, ...root.certSANs, ...root.apiServerIPs, ...node.ips];
  const dns = [
    node.hostname,
    'localhost',
    'kubernetes',
    'kubernetes.default',
    'kubernetes.default.svc',
    `kubernetes.default.svc.${root.dnsDomain}`,
  ];
  return {
    ipAddresses: [...new Set(all.filter((n) => isIP(n) !== 0))],
    dnsNames: [...new Set([...all.filter((n) => isIP(n) === 0), ...dns])],
  };
}

export function kubernetesSecretsController(): Controller {
  return certificatesController<RootKubernetesSpec, KubernetesCertsSpec>({
    name: KUBERNETES_SECRETS_CONTROLLER,
    rootId: ROOT_KUBERNETES_ID,
    kind: KubernetesSecretsKind,
    id: KUBERNETES_SECRETS_ID,
    signer: (root) => {
      const k8s = root as RootKubernetesSpec | undefined;
      return k8s?.ca.key && k8s.aggregatorCA.key ? k8s : undefined;
    },
    plan: (root, node) => {
      const names = apiServerNames(root, node);
      return {
        states: [root.ca.crt, root.aggregatorCA.crt, names],
        issue: async () => {
          const validityHours = NODE_CERT_LIFETIME_HOURS;
          return {
            apiServer: await issueCertificateAsync(root.ca, {
              validityHours,
              commonName: 'kube-apiserver',
              usage: 'server',
              ...names,
            }),
            apiServerKubeletClient: await issueCertificateAsync(root.ca, {
              validityHours,
              commonName: 'apiserver-kubelet-client',
              organization: ['system:masters'],
              usage: 'client',
            }),
            frontProxy: await issueCertificateAsync(root.aggregatorCA, {
              validityHours,
              commonName: 'front-proxy-client',
              usage: 'client',
            }),
          };
        },
      };
    },
  });
}
