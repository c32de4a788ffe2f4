// `talosctl gen config`: the three machine configs and the talosconfig of a new cluster, with the
// secrets where Talos v0.9 puts them. Control planes get every CA key; workers (join) get the
// certificates they verify against and the tokens, never a CA key.
import {
  CLIENT_CERT_LIFETIME_DAYS,
  DEFAULT_CNI,
  DEFAULT_DNS_DOMAIN,
  DEFAULT_INSTALL_DISK,
  DEFAULT_INSTALLER_IMAGE,
  DEFAULT_KUBERNETES_VERSION,
  DEFAULT_POD_SUBNET,
  DEFAULT_SERVICE_SUBNET,
} from '@talos/constants';
import { issueCertificate } from '@talos/pki';
import { endpointProblem } from './cluster';
import type { ClusterSection } from './cluster';
import { absolutePathProblem, hostnameProblem, urlProblem } from './field-checks';
import { isControlPlane, type MachineType } from './machine';
import { CONFIG_VERSION, type MachineConfig } from './machine-config';
import type { RegistriesConfig } from './machine-registries';
import { encodeCertificateAndKey, encodePEM } from './pem';
import { generateSecrets, type SecretsBundle } from './secrets';
import type { Talosconfig } from './talosconfig';
import { ConfigError } from './validation';

export interface GenerateOptions {
  clusterName: string;
  /** Kubernetes API endpoint, https://HOST:6443. */
  endpoint: string;
  /** Extra SANs for the API server and the nodes' serving certificates. */
  additionalSANs?: string[];
  /** `machine.install.disk`; /dev/sda by default. */
  installDisk?: string;
  /** `cluster.network.dnsDomain`; cluster.local by default. */
  dnsDomain?: string;
  /** Kubernetes version the component images are tagged with ("1.20.5" or "v1.20.5"). */
  kubernetesVersion?: string;
  /** Registry host -> mirror endpoints (`machine.registries.mirrors`). */
  registryMirrors?: Record<string, string[]>;
  /** `persist`; true by default. */
  persist?: boolean;
  /** Reuse a bundle (regenerating configs for an existing cluster); fresh secrets otherwise. */
  secrets?: SecretsBundle;
  /** Endpoints written into the talosconfig context. */
  talosconfigEndpoints?: string[];
  talosconfigNodes?: string[];
}

export interface GeneratedConfigs {
  init: MachineConfig;
  controlplane: MachineConfig;
  join: MachineConfig;
  talosconfig: Talosconfig;
  secrets: SecretsBundle;
}

export const ADMIN_ORGANIZATION = 'os:admin';
export const DEFAULT_TALOSCONFIG_ENDPOINTS = ['127.0.0.1'];

/** Where Talos v0.9 pulls the Kubernetes components from; the tag is the Kubernetes version. */
export const KUBERNETES_IMAGES = {
  kubelet: 'ghcr.io/talos-systems/kubelet',
  apiServer: 'k8s.gcr.io/kube-apiserver',
  controllerManager: 'k8s.gcr.io/kube-controller-manager',
  scheduler: 'k8s.gcr.io/kube-scheduler',
  proxy: 'k8s.gcr.io/kube-proxy',
} as const;

const KUBERNETES_VERSION_PATTERN = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

function imageTag(version: string): string {
  return version.startsWith('v') ? version : `v${version}`;
}

function registries(mirrors: Record<string, string[]> | undefined): RegistriesConfig | undefined {
  if (!mirrors || Object.keys(mirrors).length === 0) return undefined;
  const out: RegistriesConfig = { mirrors: {} };
  for (const [host, endpoints] of Object.entries(mirrors)) out.mirrors![host] = { endpoints: [...endpoints] };
  return out;
}

function clusterSection(type: MachineType, opts: GenerateOptions, secrets: SecretsBundle): ClusterSection {
  const tag = imageTag(opts.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
  const { certs } = secrets;
  const cluster: ClusterSection = {
    controlPlane: { endpoint: opts.endpoint },
    clusterName: opts.clusterName,
    network: {
      cni: { name: DEFAULT_CNI as 'flannel' },
      dnsDomain: opts.dnsDomain ?? DEFAULT_DNS_DOMAIN,
      podSubnets: [DEFAULT_POD_SUBNET],
      serviceSubnets: [DEFAULT_SERVICE_SUBNET],
    },
    token: secrets.secrets.bootstrapToken,
  };
  if (!isControlPlane(type)) {
    // A worker verifies the API server against the Kubernetes CA; it signs nothing.
    cluster.ca = encodeCertificateAndKey({ crt: certs.k8s.crt });
    return cluster;
  }
  cluster.aescbcEncryptionSecret = secrets.secrets.aescbcEncryptionSecret;
  cluster.ca = encodeCertificateAndKey(certs.k8s);
  cluster.aggregatorCA = encodeCertificateAndKey(certs.k8sAggregator);
  cluster.serviceAccount = { key: encodePEM(certs.k8sServiceAccount.key) };
  cluster.apiServer = {
    image: `${KUBERNETES_IMAGES.apiServer}:${tag}`,
    certSANs: [...(opts.additionalSANs ?? [])],
  };
  cluster.controllerManager = { image: `${KUBERNETES_IMAGES.controllerManager}:${tag}` };
  cluster.proxy = { image: `${KUBERNETES_IMAGES.proxy}:${tag}` };
  cluster.scheduler = { image: `${KUBERNETES_IMAGES.scheduler}:${tag}` };
  cluster.etcd = { ca: encodeCertificateAndKey(certs.etcd) };
  return cluster;
}

function machineConfig(type: MachineType, opts: GenerateOptions, secrets: SecretsBundle): MachineConfig {
  const os = secrets.certs.os;
  // Workers never hold the CA key: they get certificates from trustd instead.
  const ca = encodeCertificateAndKey(isControlPlane(type) ? os : { crt: os.crt });
  const tag = imageTag(opts.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
  const cfg: MachineConfig = {
    version: CONFIG_VERSION,
    debug: false,
    persist: opts.persist ?? true,
    machine: {
      type,
      token: secrets.trustdInfo.token,
      ca,
      certSANs: [...(opts.additionalSANs ?? [])],
      kubelet: { image: `${KUBERNETES_IMAGES.kubelet}:${tag}` },
      // Written out, as Talos's generator does, so the file shows what the node will do.
      install: {
        disk: opts.installDisk ?? DEFAULT_INSTALL_DISK,
        image: DEFAULT_INSTALLER_IMAGE,
        bootloader: true,
        wipe: false,
      },
    },
    cluster: clusterSection(type, opts, secrets),
  };
  const mirrors = registries(opts.registryMirrors);
  if (mirrors) cfg.machine.registries = mirrors;
  return cfg;
}

/**
 * Refuses options that generation would refuse, before any work: callers (talosctl gen config)
 * check their arguments with it before printing or generating anything.
 */
export function checkGenerateOptions(opts: Omit<GenerateOptions, 'secrets'>): void {
  const problems: string[] = [];
  if (opts.clusterName.trim() === '') problems.push('cluster.clusterName: must not be empty');
  // It names the talosconfig context too, where blanks would only cause trouble.
  else if (/\s/.test(opts.clusterName))
    problems.push(`cluster.clusterName: "${opts.clusterName}" must not contain whitespace`);
  const bad = endpointProblem(opts.endpoint);
  if (bad) problems.push(`cluster.controlPlane.endpoint: ${bad}`);
  const disk = opts.installDisk === undefined ? undefined : absolutePathProblem(opts.installDisk);
  if (disk) problems.push(`machine.install.disk: ${disk}`);
  const domain = opts.dnsDomain === undefined ? undefined : hostnameProblem(opts.dnsDomain);
  if (domain) problems.push(`cluster.network.dnsDomain: ${domain}`);
  if (opts.kubernetesVersion !== undefined && !KUBERNETES_VERSION_PATTERN.test(opts.kubernetesVersion))
    problems.push(`kubernetes version: "${opts.kubernetesVersion}" is not a version (1.20.5)`);
  for (const [host, endpoints] of Object.entries(opts.registryMirrors ?? {})) {
    for (const url of endpoints) {
      const urlBad = urlProblem(url);
      if (urlBad) problems.push(`machine.registries.mirrors.${host}.endpoints: ${urlBad}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems, 'error generating config');
}

export function generateConfigs(opts: GenerateOptions): GeneratedConfigs {
  checkGenerateOptions(opts);

  const secrets = opts.secrets ?? generateSecrets();
  const admin = issueCertificate(secrets.certs.os, {
    commonName: 'admin',
    organization: [ADMIN_ORGANIZATION],
    validityHours: CLIENT_CERT_LIFETIME_DAYS * 24,
    usage: 'client',
  });
  const context = {
    endpoints: [...(opts.talosconfigEndpoints ?? DEFAULT_TALOSCONFIG_ENDPOINTS)],
    ...(opts.talosconfigNodes ? { nodes: [...opts.talosconfigNodes] } : {}),
    ca: encodePEM(secrets.certs.os.crt),
    crt: encodePEM(admin.crt),
    key: encodePEM(admin.key),
  };
  return {
    init: machineConfig('init', opts, secrets),
    controlplane: machineConfig('controlplane', opts, secrets),
    join: machineConfig('join', opts, secrets),
    talosconfig: { context: opts.clusterName, contexts: { [opts.clusterName]: context } },
    secrets,
  };
}
