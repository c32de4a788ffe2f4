// The `cluster` section: what the node joins (endpoint, name) and cluster-wide secrets.
import { readCertificateAndKey, readPemField } from './certificate-field';
import {
  type AdminKubeconfigConfig,
  type APIServerConfig,
  type ComponentConfig,
  type EtcdConfig,
  type ImageOnlyConfig,
  type ProxyConfig,
  readAdminKubeconfig,
  readAPIServer,
  readComponent,
  readEtcd,
  readImageOnly,
  readProxy,
} from './cluster-components';
import { type ClusterNetworkConfig, readClusterNetwork } from './cluster-network';
import { base64BytesProblem, bootstrapTokenProblem, urlProblem } from './field-checks';
import type { EncodedCertificateAndKey } from './pem';
import { type FieldReader, put } from './validation';

export interface ControlPlaneConfig {
  /** The Kubernetes API endpoint, an https URL (https://HOST:6443). */
  endpoint: string;
  /** Port the API server listens on locally when it differs from the endpoint's (load balancers). */
  localAPIServerPort?: number;
}

export interface ClusterSection {
  controlPlane: ControlPlaneConfig;
  clusterName: string;
  /** Bootstrap token (kubelet TLS bootstrap). */
  token?: string;
  /** The Kubernetes CA (base64 PEM); workers carry the certificate only. */
  ca?: EncodedCertificateAndKey;
  network?: ClusterNetworkConfig;
  /** base64 of 32 random bytes: encryption of Secrets at rest. */
  aescbcEncryptionSecret?: string;
  /** The front-proxy CA (base64 PEM). */
  aggregatorCA?: EncodedCertificateAndKey;
  /** The key that signs service-account tokens (base64 PEM). */
  serviceAccount?: { key: string };
  apiServer?: APIServerConfig;
  controllerManager?: ComponentConfig;
  proxy?: ProxyConfig;
  scheduler?: ComponentConfig;
  etcd?: EtcdConfig;
  podCheckpointer?: ImageOnlyConfig;
  coreDNS?: ImageOnlyConfig;
  /** URLs of manifests applied at bootstrap. */
  extraManifests?: string[];
  extraManifestHeaders?: Record<string, string>;
  adminKubeconfig?: AdminKubeconfigConfig;
  allowSchedulingOnMasters?: boolean;
}

const CLUSTER_KEYS = [
  'controlPlane',
  'clusterName',
  'network',
  'token',
  'aescbcEncryptionSecret',
  'ca',
  'aggregatorCA',
  'serviceAccount',
  'apiServer',
  'controllerManager',
  'proxy',
  'scheduler',
  'etcd',
  'podCheckpointer',
  'coreDNS',
  'extraManifests',
  'extraManifestHeaders',
  'adminKubeconfig',
  'allowSchedulingOnMasters',
] as const;

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
  const raw = at.mapping(value, ['endpoint', 'localAPIServerPort']);
  if (!raw) return undefined;
  const endpoint = at.at('endpoint').checked(raw.endpoint, endpointProblem, { required: true });
  const localAPIServerPort = at
    .at('localAPIServerPort')
    .integer(raw.localAPIServerPort, { min: 1, max: 65535 });
  if (endpoint === undefined) return undefined;
  const out: ControlPlaneConfig = { endpoint };
  put(out, 'localAPIServerPort', localAPIServerPort);
  return out;
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
  const out: ClusterSection = {
    controlPlane: controlPlane ?? { endpoint: '' },
    clusterName: clusterName ?? '',
  };
  put(out, 'network', readClusterNetwork(at.at('network'), raw.network));
  put(out, 'token', at.at('token').checked(raw.token, bootstrapTokenProblem));
  put(
    out,
    'aescbcEncryptionSecret',
    at
      .at('aescbcEncryptionSecret')
      .checked(raw.aescbcEncryptionSecret, (text) => base64BytesProblem(text, 32)),
  );
  put(out, 'ca', readOptionalPair(at.at('ca'), raw.ca));
  put(out, 'aggregatorCA', readOptionalPair(at.at('aggregatorCA'), raw.aggregatorCA));
  const saAt = at.at('serviceAccount');
  const saRaw = saAt.section(raw.serviceAccount, ['key']);
  const saKey = saRaw && readPemField(saAt.at('key'), saRaw.key, 'private key', { required: true });
  if (saKey !== undefined) out.serviceAccount = { key: saKey };
  put(out, 'apiServer', readAPIServer(at.at('apiServer'), raw.apiServer));
  put(out, 'controllerManager', readComponent(at.at('controllerManager'), raw.controllerManager));
  put(out, 'proxy', readProxy(at.at('proxy'), raw.proxy));
  put(out, 'scheduler', readComponent(at.at('scheduler'), raw.scheduler));
  put(out, 'etcd', readEtcd(at.at('etcd'), raw.etcd));
  put(out, 'podCheckpointer', readImageOnly(at.at('podCheckpointer'), raw.podCheckpointer));
  put(out, 'coreDNS', readImageOnly(at.at('coreDNS'), raw.coreDNS));
  put(
    out,
    'extraManifests',
    at.at('extraManifests').checkedList(raw.extraManifests, (text) => urlProblem(text)),
  );
  put(out, 'extraManifestHeaders', at.at('extraManifestHeaders').stringMap(raw.extraManifestHeaders));
  put(out, 'adminKubeconfig', readAdminKubeconfig(at.at('adminKubeconfig'), raw.adminKubeconfig));
  put(
    out,
    'allowSchedulingOnMasters',
    at.at('allowSchedulingOnMasters').boolean(raw.allowSchedulingOnMasters),
  );
  return controlPlane === undefined || clusterName === undefined ? undefined : out;
}

function readOptionalPair(at: FieldReader, value: unknown): EncodedCertificateAndKey | undefined {
  return value === undefined || value === null ? undefined : readCertificateAndKey(at, value);
}
