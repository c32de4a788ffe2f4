// The control-plane components' sections: apiServer, controllerManager, scheduler, proxy, etcd,
// plus the small ones (podCheckpointer, coreDNS, adminKubeconfig). Each carries an image and flags.
import { readCertificateAndKey } from './certificate-field';
import { isIP } from 'node:net';
import { absolutePathProblem, durationProblem, hostnameProblem, imageProblem } from './field-checks';
import type { EncodedCertificateAndKey } from './pem';
import { type FieldReader, put } from './validation';

export interface VolumeMount {
  hostPath: string;
  mountPath: string;
  readonly?: boolean;
}

export interface ComponentConfig {
  image?: string;
  extraArgs?: Record<string, string>;
  extraVolumes?: VolumeMount[];
}

export interface APIServerConfig extends ComponentConfig {
  certSANs?: string[];
}

export const PROXY_MODES = ['iptables', 'ipvs', 'userspace'] as const;

export interface ProxyConfig {
  image?: string;
  mode?: (typeof PROXY_MODES)[number];
  extraArgs?: Record<string, string>;
}

export interface EtcdConfig {
  image?: string;
  /** The etcd CA (base64 PEM); control planes carry the key. */
  ca?: EncodedCertificateAndKey;
  extraArgs?: Record<string, string>;
}

export interface ImageOnlyConfig {
  image?: string;
}

export interface AdminKubeconfigConfig {
  /** Go duration, e.g. "8760h". */
  certLifetime?: string;
}

function readVolume(at: FieldReader, value: unknown): VolumeMount | undefined {
  const raw = at.mapping(value, ['hostPath', 'mountPath', 'readonly']);
  if (!raw) return undefined;
  const hostPath = at.at('hostPath').checked(raw.hostPath, absolutePathProblem, { required: true });
  const mountPath = at.at('mountPath').checked(raw.mountPath, absolutePathProblem, { required: true });
  const readonly = at.at('readonly').boolean(raw.readonly);
  if (hostPath === undefined || mountPath === undefined) return undefined;
  const out: VolumeMount = { hostPath, mountPath };
  put(out, 'readonly', readonly);
  return out;
}

function readComponentFields(at: FieldReader, raw: Record<string, unknown>, out: ComponentConfig): void {
  put(out, 'image', at.at('image').checked(raw.image, imageProblem));
  put(out, 'extraArgs', at.at('extraArgs').stringMap(raw.extraArgs));
  put(out, 'extraVolumes', at.at('extraVolumes').list(raw.extraVolumes, readVolume));
}

/** controllerManager and scheduler. */
export function readComponent(at: FieldReader, value: unknown): ComponentConfig | undefined {
  const raw = at.section(value, ['image', 'extraArgs', 'extraVolumes']);
  if (!raw) return undefined;
  const out: ComponentConfig = {};
  readComponentFields(at, raw, out);
  return out;
}

export function readAPIServer(at: FieldReader, value: unknown): APIServerConfig | undefined {
  const raw = at.section(value, ['image', 'extraArgs', 'extraVolumes', 'certSANs']);
  if (!raw) return undefined;
  const out: APIServerConfig = {};
  readComponentFields(at, raw, out);
  put(
    out,
    'certSANs',
    at
      .at('certSANs')
      .checkedList(raw.certSANs, (text) => (isIP(text) !== 0 ? undefined : hostnameProblem(text))),
  );
  return out;
}

export function readProxy(at: FieldReader, value: unknown): ProxyConfig | undefined {
  const raw = at.section(value, ['image', 'mode', 'extraArgs']);
  if (!raw) return undefined;
  const out: ProxyConfig = {};
  put(out, 'image', at.at('image').checked(raw.image, imageProblem));
  put(out, 'mode', at.at('mode').oneOf(raw.mode, PROXY_MODES));
  put(out, 'extraArgs', at.at('extraArgs').stringMap(raw.extraArgs));
  return out;
}

export function readEtcd(at: FieldReader, value: unknown): EtcdConfig | undefined {
  const raw = at.section(value, ['image', 'ca', 'extraArgs']);
  if (!raw) return undefined;
  const out: EtcdConfig = {};
  put(out, 'image', at.at('image').checked(raw.image, imageProblem));
  if (raw.ca !== undefined && raw.ca !== null) put(out, 'ca', readCertificateAndKey(at.at('ca'), raw.ca));
  put(out, 'extraArgs', at.at('extraArgs').stringMap(raw.extraArgs));
  return out;
}

export function readImageOnly(at: FieldReader, value: unknown): ImageOnlyConfig | undefined {
  const raw = at.section(value, ['image']);
  if (!raw) return undefined;
  const out: ImageOnlyConfig = {};
  put(out, 'image', at.at('image').checked(raw.image, imageProblem));
  return out;
}

export function readAdminKubeconfig(at: FieldReader, value: unknown): AdminKubeconfigConfig | undefined {
  const raw = at.section(value, ['certLifetime']);
  if (!raw) return undefined;
  const out: AdminKubeconfigConfig = {};
  put(out, 'certLifetime', at.at('certLifetime').checked(raw.certLifetime, durationProblem));
  return out;
}
