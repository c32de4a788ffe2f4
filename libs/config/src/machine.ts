// The `machine` section: what this node is and the secrets it needs to join the cluster.
import { readCertificateAndKey } from './certificate-field';
import { hostPortProblem } from './field-checks';
import { type MachineFile, readEnv, readFiles, readSysctls } from './machine-files';
import { type InstallConfig, type MachineDisk, readDisks, readInstall } from './machine-install';
import { type KubeletConfig, readKubelet } from './machine-kubelet';
import { type MachineNetworkConfig, readNetwork } from './machine-network';
import { type RegistriesConfig, readRegistries } from './machine-registries';
import type { EncodedCertificateAndKey } from './pem';
import { type FieldReader, put } from './validation';

export type { MachineNetworkConfig } from './machine-network';

export const MACHINE_TYPES = ['init', 'controlplane', 'join'] as const;
export type MachineType = (typeof MACHINE_TYPES)[number];

export interface MachineTimeConfig {
  disabled?: boolean;
  /** NTP servers; the default (pool.ntp.org) applies when absent. */
  servers?: string[];
}

export interface MachineSection {
  type: MachineType;
  /** trustd token: the shared secret a node shows trustd to get its certificates signed. */
  token: string;
  /** The OS CA (base64 PEM); control-plane machines also hold its key. */
  ca: EncodedCertificateAndKey;
  /** Extra SANs for the node's apid/trustd serving certificates. */
  certSANs: string[];
  kubelet?: KubeletConfig;
  network?: MachineNetworkConfig;
  disks?: MachineDisk[];
  install?: InstallConfig;
  files?: MachineFile[];
  env?: Record<string, string>;
  time?: MachineTimeConfig;
  sysctls?: Record<string, string>;
  registries?: RegistriesConfig;
}

const MACHINE_KEYS = [
  'type',
  'token',
  'ca',
  'certSANs',
  'kubelet',
  'network',
  'disks',
  'install',
  'files',
  'env',
  'time',
  'sysctls',
  'registries',
] as const;

/** Whether a machine type runs the control plane (and so trustd, which signs with the CA key). */
export function isControlPlane(type: MachineType): boolean {
  return type === 'init' || type === 'controlplane';
}

function readTime(at: FieldReader, value: unknown): MachineTimeConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = at.mapping(value, ['disabled', 'servers']);
  if (!raw) return undefined;
  const out: MachineTimeConfig = {};
  const disabled = at.at('disabled').boolean(raw.disabled);
  if (disabled !== undefined) out.disabled = disabled;
  const servers = at.at('servers').checkedList(raw.servers, hostPortProblem);
  if (servers !== undefined) out.servers = servers;
  return out;
}

export function readMachine(at: FieldReader, value: unknown): MachineSection | undefined {
  if (value === undefined || value === null) {
    at.problem('is required');
    return undefined;
  }
  const raw = at.mapping(value, MACHINE_KEYS);
  if (!raw) return undefined;
  const type = at.at('type').oneOf(raw.type, MACHINE_TYPES, { required: true });
  const token = at.at('token').string(raw.token, { required: true });
  const ca =
    raw.ca === undefined || raw.ca === null
      ? (at.at('ca').problem('is required'), undefined)
      : readCertificateAndKey(at.at('ca'), raw.ca, {
          keyRequired:
            type && isControlPlane(type)
              ? `is required on ${type} machines (trustd signs with it)`
              : undefined,
        });
  const certSANs = at.at('certSANs').stringList(raw.certSANs) ?? [];
  const out: MachineSection = { type: type ?? 'join', token: token ?? '', ca: ca ?? { crt: '' }, certSANs };
  put(out, 'kubelet', readKubelet(at.at('kubelet'), raw.kubelet));
  put(out, 'network', readNetwork(at.at('network'), raw.network));
  put(out, 'disks', readDisks(at.at('disks'), raw.disks));
  put(out, 'install', readInstall(at.at('install'), raw.install));
  put(out, 'files', readFiles(at.at('files'), raw.files));
  put(out, 'env', readEnv(at.at('env'), raw.env));
  put(out, 'time', readTime(at.at('time'), raw.time));
  put(out, 'sysctls', readSysctls(at.at('sysctls'), raw.sysctls));
  put(out, 'registries', readRegistries(at.at('registries'), raw.registries));
  return type === undefined || token === undefined || ca === undefined ? undefined : out;
}
