// The `machine` section: what this node is and the secrets it needs to join the cluster.
import { readCertificateAndKey } from './certificate-field';
import type { EncodedCertificateAndKey } from './pem';
import type { FieldReader } from './validation';

export const MACHINE_TYPES = ['init', 'controlplane', 'join'] as const;
export type MachineType = (typeof MACHINE_TYPES)[number];

export interface MachineNetworkConfig {
  hostname?: string;
}

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
  network?: MachineNetworkConfig;
  time?: MachineTimeConfig;
}

const MACHINE_KEYS = ['type', 'token', 'ca', 'certSANs', 'network', 'time'] as const;

/** Whether a machine type runs the control plane (and so trustd, which signs with the CA key). */
export function isControlPlane(type: MachineType): boolean {
  return type === 'init' || type === 'controlplane';
}

function readNetwork(at: FieldReader, value: unknown): MachineNetworkConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = at.mapping(value, ['hostname']);
  if (!raw) return undefined;
  const out: MachineNetworkConfig = {};
  const hostname = at.at('hostname').string(raw.hostname, { nonEmpty: true });
  if (hostname !== undefined) out.hostname = hostname;
  return out;
}

function readTime(at: FieldReader, value: unknown): MachineTimeConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = at.mapping(value, ['disabled', 'servers']);
  if (!raw) return undefined;
  const out: MachineTimeConfig = {};
  const disabled = at.at('disabled').boolean(raw.disabled);
  if (disabled !== undefined) out.disabled = disabled;
  const servers = at.at('servers').stringList(raw.servers);
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
  const network = readNetwork(at.at('network'), raw.network);
  const time = readTime(at.at('time'), raw.time);
  if (type === undefined || token === undefined || ca === undefined) return undefined;
  const out: MachineSection = { type, token, ca, certSANs };
  if (network) out.network = network;
  if (time) out.time = time;
  return out;
}
