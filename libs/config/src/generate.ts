// `talosctl gen config`: the three machine configs and the talosconfig of a new cluster.
import {
  CLIENT_CERT_LIFETIME_DAYS,
  DEFAULT_CNI,
  DEFAULT_DNS_DOMAIN,
  DEFAULT_INSTALL_DISK,
  DEFAULT_INSTALLER_IMAGE,
  DEFAULT_POD_SUBNET,
  DEFAULT_SERVICE_SUBNET,
} from '@talos/constants';
import { issueCertificate } from '@talos/pki';
import { endpointProblem } from './cluster';
import type { MachineType } from './machine';
import { CONFIG_VERSION, type MachineConfig } from './machine-config';
import { encodeCertificateAndKey, encodePEM } from './pem';
import { generateSecrets, type SecretsBundle } from './secrets';
import type { Talosconfig } from './talosconfig';
import { ConfigError } from './validation';

export interface GenerateOptions {
  clusterName: string;
  /** Kubernetes API endpoint, https://HOST:6443. */
  endpoint: string;
  /** Extra SANs for the nodes' serving certificates (`machine.certSANs`). */
  additionalSANs?: string[];
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

function machineConfig(type: MachineType, opts: GenerateOptions, secrets: SecretsBundle): MachineConfig {
  const os = secrets.certs.os;
  // Workers never hold the CA key: they get certificates from trustd instead.
  const ca = encodeCertificateAndKey(type === 'join' ? { crt: os.crt } : os);
  return {
    version: CONFIG_VERSION,
    debug: false,
    persist: true,
    machine: {
      type,
      token: secrets.trustdInfo.token,
      ca,
      certSANs: [...(opts.additionalSANs ?? [])],
      // Written out, as Talos's generator does, so the file shows what the node will do.
      install: { disk: DEFAULT_INSTALL_DISK, image: DEFAULT_INSTALLER_IMAGE, bootloader: true, wipe: false },
    },
    cluster: {
      controlPlane: { endpoint: opts.endpoint },
      clusterName: opts.clusterName,
      network: {
        cni: { name: DEFAULT_CNI as 'flannel' },
        dnsDomain: DEFAULT_DNS_DOMAIN,
        podSubnets: [DEFAULT_POD_SUBNET],
        serviceSubnets: [DEFAULT_SERVICE_SUBNET],
      },
      token: secrets.secrets.bootstrapToken,
    },
  };
}

/**
 * Refuses a cluster name or endpoint that generation would refuse, before any work: callers (talosctl
 * gen config) check their arguments with it before printing or generating anything.
 */
export function checkGenerateOptions(opts: Pick<GenerateOptions, 'clusterName' | 'endpoint'>): void {
  const problems: string[] = [];
  if (opts.clusterName.trim() === '') problems.push('cluster.clusterName: must not be empty');
  // It names the talosconfig context too, where blanks would only cause trouble.
  else if (/\s/.test(opts.clusterName))
    problems.push(`cluster.clusterName: "${opts.clusterName}" must not contain whitespace`);
  const bad = endpointProblem(opts.endpoint);
  if (bad) problems.push(`cluster.controlPlane.endpoint: ${bad}`);
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
