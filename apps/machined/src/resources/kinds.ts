// The resource types machined publishes, with their definitions as Talos v0.9 lists them, and the
// namespaces they live in.
import { defineResourceKind } from '@talos/resources';

export const CONFIG_NAMESPACE = 'config';
export const RUNTIME_NAMESPACE = 'runtime';
export const SECRETS_NAMESPACE = 'secrets';
export const CONTROLPLANE_NAMESPACE = 'controlplane';
export const NETWORK_NAMESPACE = 'network';

/** The namespaces machined creates at start (meta registers itself). */
export const NODE_NAMESPACES: readonly { name: string; description: string }[] = [
  { name: CONFIG_NAMESPACE, description: 'Talos node configuration.' },
  { name: RUNTIME_NAMESPACE, description: 'Talos runtime state.' },
  { name: SECRETS_NAMESPACE, description: 'Resources with secret material.' },
  { name: CONTROLPLANE_NAMESPACE, description: 'Kubernetes control plane resources.' },
  { name: NETWORK_NAMESPACE, description: 'Networking resources.' },
];

/** One per service while it runs (Talos destroys it when the service goes down). */
export interface ServiceSpec {
  running: boolean;
  healthy: boolean;
  /** No health check has answered yet. */
  unknown: boolean;
}

export const ServiceKind = defineResourceKind<ServiceSpec>({
  type: 'Services.v1alpha1.talos.dev',
  displayType: 'Service',
  defaultNamespace: RUNTIME_NAMESPACE,
  aliases: ['svc'],
  printColumns: [
    { name: 'Running', jsonPath: '{.running}' },
    { name: 'Healthy', jsonPath: '{.healthy}' },
  ],
});

/** The machine configuration: the spec is the YAML text exactly as written (comments kept). */
export const MachineConfigKind = defineResourceKind<string>({
  type: 'MachineConfigs.config.talos.dev',
  displayType: 'MachineConfig',
  defaultNamespace: CONFIG_NAMESPACE,
});
export const MACHINE_CONFIG_ID = 'v1alpha1';

/** The machine type (init, controlplane, join) from the configuration. */
export const MachineTypeKind = defineResourceKind<string>({
  type: 'MachineTypes.config.talos.dev',
  displayType: 'MachineType',
  defaultNamespace: CONFIG_NAMESPACE,
});
export const MACHINE_TYPE_ID = 'machine-type';

/** Whether timed's last sync succeeded (Talos v0.9's TimeStatus). */
export interface TimeStatusSpec {
  synced: boolean;
}

export const TimeStatusKind = defineResourceKind<TimeStatusSpec>({
  type: 'TimeStatuses.v1alpha1.talos.dev',
  displayType: 'TimeStatus',
  defaultNamespace: RUNTIME_NAMESPACE,
  printColumns: [{ name: 'Synced', jsonPath: '{.synced}' }],
});
export const TIME_STATUS_ID = 'node';

/** The node's hostname and domain name, as machined sets them (Talos v0.10's HostnameStatus). */
export interface HostnameSpec {
  hostname: string;
  domainname: string;
}

export const HostnameKind = defineResourceKind<HostnameSpec>({
  type: 'HostnameStatuses.net.talos.dev',
  displayType: 'HostnameStatus',
  defaultNamespace: NETWORK_NAMESPACE,
  aliases: ['hostname', 'hostnames'],
  printColumns: [
    { name: 'Hostname', jsonPath: '{.hostname}' },
    { name: 'Domainname', jsonPath: '{.domainname}' },
  ],
});
export const HOSTNAME_ID = 'hostname';

/** The node's addresses (CIDR), ascending, without loopback and link-local ones. */
export interface NodeAddressSpec {
  addresses: string[];
}

export const NodeAddressKind = defineResourceKind<NodeAddressSpec>({
  type: 'NodeAddresses.net.talos.dev',
  displayType: 'NodeAddress',
  defaultNamespace: NETWORK_NAMESPACE,
  printColumns: [{ name: 'Addresses', jsonPath: '{.addresses}' }],
});
export const NODE_ADDRESS_ID = 'default';

/** Whether the control plane is self-hosted (bootkube); ours runs as static pods, as Talos v0.9's does. */
export interface BootstrapStatusSpec {
  selfHostedControlPlane: boolean;
}

export const BootstrapStatusKind = defineResourceKind<BootstrapStatusSpec>({
  type: 'BootstrapStatuses.v1alpha1.talos.dev',
  displayType: 'BootstrapStatus',
  defaultNamespace: RUNTIME_NAMESPACE,
  printColumns: [{ name: 'Self Hosted', jsonPath: '{.selfHostedControlPlane}' }],
});
export const BOOTSTRAP_STATUS_ID = 'control-plane';

/** A certificate and its key, PEM (the key is empty where the config carries the certificate only). */
export interface CertificateAndKeySpec {
  crt: string;
  key: string;
}

/** The root secrets the config holds: the OS CA (every node), etcd's and Kubernetes' (control planes). */
export interface RootOSSpec {
  ca: CertificateAndKeySpec;
  certSANs: string[];
  token: string;
}

export interface RootEtcdSpec {
  etcdCA: CertificateAndKeySpec;
}

export interface RootKubernetesSpec {
  name: string;
  endpoint: string;
  certSANs: string[];
  apiServerIPs: string[];
  dnsDomain: string;
  ca: CertificateAndKeySpec;
  serviceAccount: { key: string };
  aggregatorCA: CertificateAndKeySpec;
  aesCBCEncryptionSecret: string;
  bootstrapTokenID: string;
  bootstrapTokenSecret: string;
}

export type RootSecretSpec = RootOSSpec | RootEtcdSpec | RootKubernetesSpec;

export const RootSecretKind = defineResourceKind<RootSecretSpec>({
  type: 'RootSecrets.secrets.talos.dev',
  displayType: 'RootSecret',
  defaultNamespace: SECRETS_NAMESPACE,
  aliases: ['rootSecret', 'rootSecrets'],
  sensitivity: 'sensitive',
});
export const ROOT_OS_ID = 'os';
export const ROOT_ETCD_ID = 'etcd';
export const ROOT_KUBERNETES_ID = 'k8s';

/** Certificates machined issues for etcd from the etcd CA, for this node's names. */
export interface EtcdCertsSpec {
  etcdPeer: CertificateAndKeySpec;
  etcdClient: CertificateAndKeySpec;
  etcdApiServer: CertificateAndKeySpec;
}

export const EtcdSecretsKind = defineResourceKind<EtcdCertsSpec>({
  type: 'EtcdSecrets.secrets.talos.dev',
  displayType: 'EtcdSecret',
  defaultNamespace: SECRETS_NAMESPACE,
  sensitivity: 'sensitive',
});
export const ETCD_SECRETS_ID = 'etcd';

/** Certificates machined issues for the Kubernetes control plane from the Kubernetes CAs. */
export interface KubernetesCertsSpec {
  apiServer: CertificateAndKeySpec;
  apiServerKubeletClient: CertificateAndKeySpec;
  frontProxy: CertificateAndKeySpec;
}

export const KubernetesSecretsKind = defineResourceKind<KubernetesCertsSpec>({
  type: 'KubernetesSecrets.secrets.talos.dev',
  displayType: 'KubernetesSecret',
  defaultNamespace: SECRETS_NAMESPACE,
  aliases: ['k8sSecret', 'k8sSecrets'],
  sensitivity: 'sensitive',
});
export const KUBERNETES_SECRETS_ID = 'k8s-certs';

export const NODE_RESOURCE_KINDS = [
  ServiceKind,
  MachineConfigKind,
  MachineTypeKind,
  TimeStatusKind,
  HostnameKind,
  NodeAddressKind,
  BootstrapStatusKind,
  RootSecretKind,
  EtcdSecretsKind,
  KubernetesSecretsKind,
] as const;
