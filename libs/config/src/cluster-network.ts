// `cluster.network`: the CNI and the pod/service address ranges.
import { cidrProblem, hostnameProblem, urlProblem } from './field-checks';
import { type FieldReader, put } from './validation';

export const CNI_NAMES = ['flannel', 'custom', 'none'] as const;

export interface CNIConfig {
  name: (typeof CNI_NAMES)[number];
  /** Manifests to apply; required for a custom CNI. */
  urls?: string[];
}

export interface ClusterNetworkConfig {
  cni?: CNIConfig;
  dnsDomain?: string;
  podSubnets?: string[];
  serviceSubnets?: string[];
}

function readCNI(at: FieldReader, value: unknown): CNIConfig | undefined {
  const raw = at.section(value, ['name', 'urls']);
  if (!raw) return undefined;
  const name = at.at('name').oneOf(raw.name, CNI_NAMES, { required: true });
  const urls = at.at('urls').checkedList(raw.urls, (text) => urlProblem(text));
  if (name === 'custom' && (!Array.isArray(raw.urls) || raw.urls.length === 0))
    at.at('urls').problem('is required for a custom CNI');
  if (name !== undefined && name !== 'custom' && urls !== undefined && urls.length > 0)
    at.at('urls').problem(`is only used with a custom CNI, not ${name}`);
  if (name === undefined) return undefined;
  const out: CNIConfig = { name };
  put(out, 'urls', urls);
  return out;
}

function readSubnets(at: FieldReader, value: unknown): string[] | undefined {
  if (Array.isArray(value) && value.length === 0) at.problem('must list at least one CIDR');
  return at.checkedList(value, cidrProblem);
}

export function readClusterNetwork(at: FieldReader, value: unknown): ClusterNetworkConfig | undefined {
  const raw = at.section(value, ['cni', 'dnsDomain', 'podSubnets', 'serviceSubnets']);
  if (!raw) return undefined;
  const out: ClusterNetworkConfig = {};
  put(out, 'cni', readCNI(at.at('cni'), raw.cni));
  put(out, 'dnsDomain', at.at('dnsDomain').checked(raw.dnsDomain, hostnameProblem));
  put(out, 'podSubnets', readSubnets(at.at('podSubnets'), raw.podSubnets));
  put(out, 'serviceSubnets', readSubnets(at.at('serviceSubnets'), raw.serviceSubnets));
  return out;
}
