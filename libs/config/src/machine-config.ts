// The v1alpha1 machine configuration document: parse, validate, serialize, load.
import { promises as fs } from 'node:fs';
import YAML from 'yaml';
import { type ClusterSection, readCluster } from './cluster';
import { type MachineSection, readMachine } from './machine';
import { decodeCertificateAndKey, type PemCertificateAndKey } from './pem';
import { ConfigError, FieldReader } from './validation';

export const CONFIG_VERSION = 'v1alpha1';

/**
 * A machine configuration as it is in YAML: certificates and keys stay base64-encoded PEM in
 * memory too, so that serializing gives back the same document; use `osCA()` & co for PEM.
 */
export interface MachineConfig {
  version: typeof CONFIG_VERSION;
  debug: boolean;
  persist: boolean;
  machine: MachineSection;
  cluster: ClusterSection;
}

const TOP_KEYS = ['version', 'debug', 'persist', 'machine', 'cluster'] as const;

/** Validates an untyped tree (parsed YAML or JSON) and applies defaults; throws ConfigError listing every problem. */
export function validateConfig(value: unknown): MachineConfig {
  const root = new FieldReader('');
  const raw = root.mapping(value ?? {}, TOP_KEYS);
  if (!raw) throw new ConfigError(root.problems);
  const versionAt = root.at('version');
  const version = versionAt.string(raw.version, { required: true });
  if (version !== undefined && version !== CONFIG_VERSION) {
    versionAt.problem(`"${version}" is not supported (only ${CONFIG_VERSION})`);
  }
  const debug = root.at('debug').boolean(raw.debug) ?? false;
  const persist = root.at('persist').boolean(raw.persist) ?? true;
  const machine = readMachine(root.at('machine'), raw.machine);
  const cluster = readCluster(root.at('cluster'), raw.cluster);
  if (root.problems.length > 0 || !machine || !cluster) throw new ConfigError(root.problems);
  return { version: CONFIG_VERSION, debug, persist, machine, cluster };
}

export function parseConfig(text: string): MachineConfig {
  const doc = YAML.parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => `yaml: ${e.message.split('\n')[0]}`),
      'error parsing machine config',
    );
  }
  return validateConfig(doc.toJS());
}

/** Strips undefined fields so the YAML holds only what is set. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function serializeConfig(cfg: MachineConfig): string {
  const ordered = {
    version: cfg.version,
    debug: cfg.debug,
    persist: cfg.persist,
    machine: cfg.machine,
    cluster: cfg.cluster,
  };
  return YAML.stringify(compact(ordered), { lineWidth: 0 });
}

export async function loadConfig(file: string): Promise<MachineConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`error loading config: ${(err as Error).message}`);
  }
  try {
    return parseConfig(text);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(err.problems, `error loading config ${file}`);
    throw err;
  }
}

/** The OS CA in PEM (key present on control-plane machines only). */
export function osCA(cfg: MachineConfig): PemCertificateAndKey {
  return decodeCertificateAndKey(cfg.machine.ca);
}

/** The Kubernetes CA in PEM, when the config carries one. */
export function kubernetesCA(cfg: MachineConfig): PemCertificateAndKey | undefined {
  return cfg.cluster.ca ? decodeCertificateAndKey(cfg.cluster.ca) : undefined;
}
