// `machine.registries`: image pull mirrors and per-registry TLS and credentials.
import { readCertificateAndKey, readPemField } from './certificate-field';
import { urlProblem } from './field-checks';
import type { EncodedCertificateAndKey } from './pem';
import { type FieldReader, put } from './validation';

export interface RegistryMirror {
  endpoints: string[];
}

export interface RegistryTLS {
  clientIdentity?: EncodedCertificateAndKey;
  /** base64 PEM of the CA the registry's certificate chains to. */
  ca?: string;
  insecureSkipVerify?: boolean;
}

export interface RegistryAuth {
  username?: string;
  password?: string;
  auth?: string;
  identityToken?: string;
}

export interface RegistryConfig {
  tls?: RegistryTLS;
  auth?: RegistryAuth;
}

export interface RegistriesConfig {
  mirrors?: Record<string, RegistryMirror>;
  config?: Record<string, RegistryConfig>;
}

function readMirror(at: FieldReader, value: unknown): RegistryMirror | undefined {
  const raw = at.mapping(value, ['endpoints']);
  if (!raw) return undefined;
  const endpoints = at.at('endpoints').checkedList(raw.endpoints, (text) => urlProblem(text));
  if (raw.endpoints === undefined || raw.endpoints === null) at.at('endpoints').problem('is required');
  else if (Array.isArray(raw.endpoints) && raw.endpoints.length === 0)
    at.at('endpoints').problem('must list at least one URL');
  return endpoints && endpoints.length > 0 ? { endpoints } : undefined;
}

function readRegistryConfig(at: FieldReader, value: unknown): RegistryConfig | undefined {
  const raw = at.mapping(value, ['tls', 'auth']);
  if (!raw) return undefined;
  const out: RegistryConfig = {};
  const tlsAt = at.at('tls');
  const tlsRaw = tlsAt.section(raw.tls, ['clientIdentity', 'ca', 'insecureSkipVerify']);
  if (tlsRaw) {
    const tls: RegistryTLS = {};
    if (tlsRaw.clientIdentity !== undefined && tlsRaw.clientIdentity !== null)
      put(tls, 'clientIdentity', readCertificateAndKey(tlsAt.at('clientIdentity'), tlsRaw.clientIdentity));
    put(tls, 'ca', readPemField(tlsAt.at('ca'), tlsRaw.ca, 'certificate'));
    put(tls, 'insecureSkipVerify', tlsAt.at('insecureSkipVerify').boolean(tlsRaw.insecureSkipVerify));
    out.tls = tls;
  }
  const authAt = at.at('auth');
  const authRaw = authAt.section(raw.auth, ['username', 'password', 'auth', 'identityToken']);
  if (authRaw) {
    const auth: RegistryAuth = {};
    for (const key of ['username', 'password', 'auth', 'identityToken'] as const)
      put(auth, key, authAt.at(key).string(authRaw[key]));
    out.auth = auth;
  }
  return out;
}

export function readRegistries(at: FieldReader, value: unknown): RegistriesConfig | undefined {
  const raw = at.section(value, ['mirrors', 'config']);
  if (!raw) return undefined;
  const out: RegistriesConfig = {};
  put(out, 'mirrors', at.at('mirrors').entries(raw.mirrors, readMirror));
  put(out, 'config', at.at('config').entries(raw.config, readRegistryConfig));
  return out;
}
