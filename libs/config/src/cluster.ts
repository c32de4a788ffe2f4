// The `cluster` section: what the node joins (endpoint, name) and cluster-wide secrets.
import { readCertificateAndKey } from './certificate-field';
import type { EncodedCertificateAndKey } from './pem';
import type { FieldReader } from './validation';

export interface ControlPlaneConfig {
  /** The Kubernetes API endpoint, an https URL (https://HOST:6443). */
  endpoint: string;
}

export interface ClusterSection {
  controlPlane: ControlPlaneConfig;
  clusterName: string;
  /** Bootstrap token (kubelet TLS bootstrap). */
  token?: string;
  /** The Kubernetes CA (base64 PEM); workers carry the certificate only. */
  ca?: EncodedCertificateAndKey;
}

const CLUSTER_KEYS = ['controlPlane', 'clusterName', 'token', 'ca'] as const;

/** The reason an endpoint is refused, or undefined when it is a usable https URL. */
export function endpointProblem(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `"${endpoint}" must be an https URL`;
  }
  if (url.protocol !== 'https:' || url.hostname === '') return `"${endpoint}" must be an https URL`;
  return undefined;
}

function readControlPlane(at: FieldReader, value: unknown): ControlPlaneConfig | undefined {
  if (value === undefined || value === null) {
    at.problem('is required');
    return undefined;
  }
  const raw = at.mapping(value, ['endpoint']);
  if (!raw) return undefined;
  const endpoint = at.at('endpoint').string(raw.endpoint, { required: true });
  if (endpoint === undefined) return undefined;
  const problem = endpointProblem(endpoint);
  if (problem) {
    at.at('endpoint').problem(problem);
    return undefined;
  }
  return { endpoint };
}

export function readCluster(at: FieldReader, value: unknown): ClusterSection | undefined {
  if (value === undefined || value === null) {
    at.problem('is required');
    return undefined;
  }
  const raw = at.mapping(value, CLUSTER_KEYS);
  if (!raw) return undefined;
  const controlPlane = readControlPlane(at.at('controlPlane'), raw.controlPlane);
  const clusterName = at.at('clusterName').string(raw.clusterName, { required: true });
  const token = at.at('token').string(raw.token, { nonEmpty: true });
  const ca = raw.ca === undefined || raw.ca === null ? undefined : readCertificateAndKey(at.at('ca'), raw.ca);
  if (controlPlane === undefined || clusterName === undefined) return undefined;
  const out: ClusterSection = { controlPlane, clusterName };
  if (token !== undefined) out.token = token;
  if (ca !== undefined) out.ca = ca;
  return out;
}
