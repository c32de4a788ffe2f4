// The v1alpha1 machine configuration document: parse, validate, serialize, load.
import { promises as fs } from 'node:fs';
import YAML from 'yaml';
import { type ClusterSection, readCluster } from './cluster';
import { checkControlPlaneSecrets } from './control-plane-secrets';
import { type MachineSection, readMachine } from './machine';
import { checkMode, type ValidateOptions } from './modes';
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

/**
 * Validates an untyped tree (parsed YAML or JSON); throws ConfigError listing every problem. With
 * `mode`, the rules of that runtime mode apply too. Defaults are read through `clusterNetwork()` & co.
 */
export function validateConfig(value: unknown, opts: ValidateOptions = {}): MachineConfig {
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
  if (machine) checkControlPlaneSecrets(root.at('cluster'), machine.type, raw.cluster);
  if (machine && opts.mode) checkMode(root, machine, opts.mode);
  if (root.problems.length > 0 || !machine || !cluster) throw new ConfigError(root.problems);
  return { version: CONFIG_VERSION, debug, persist, machine, cluster };
}

/**
 * The text a config was parsed from, its YAML document (comments included) and the plain data
 * tree read from it, by config object.
 */
const sources = new WeakMap<MachineConfig, { text: string; document?: YAML.Document; tree: unknown }>();

function yamlProblems(messages: string[]): ConfigError {
  return new ConfigError(
    messages.map((m) => `yaml: ${m.split('\n')[0] ?? ''}`),
    'error parsing machine config',
  );
}

/**
 * Parses and validates YAML text (JSON too: YAML 1.2 is a superset of it, and JSON.parse is far
 * cheaper than the YAML parser's first run); the text itself stays reachable through `originalText()`.
 */
export function parseConfig(text: string, opts: ValidateOptions = {}): MachineConfig {
  if (text.trimStart().startsWith('{')) {
    let tree: unknown;
    try {
      tree = JSON.parse(text);
    } catch {
      tree = undefined; // a YAML flow mapping that is not strict JSON: the YAML parser reads it
    }
    if (tree !== undefined) {
      const cfg = validateConfig(tree, opts);
      sources.set(cfg, { text, tree });
      return cfg;
    }
  }
  const document = YAML.parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (document.errors.length > 0) throw yamlProblems(document.errors.map((e) => e.message));
  let tree: unknown;
  try {
    tree = document.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // The yaml library refuses alias bombs (and nothing else here) by throwing.
    throw yamlProblems([(err as Error).message]);
  }
  const cfg = validateConfig(tree, opts);
  sources.set(cfg, { text, document, tree });
  return cfg;
}

/**
 * The plain data a parsed config was read from (`machine.type` and the rest, as written, before
 * validation's defaults); undefined if the config was built in code. Shared: read it, never write.
 */
export function configTree(cfg: MachineConfig): unknown {
  return sources.get(cfg)?.tree;
}

/** The YAML document (comments and layout kept) a config was parsed from; undefined if built in code. */
export function configDocument(cfg: MachineConfig): YAML.Document | undefined {
  return sources.get(cfg)?.document;
}

/** The config's data as JSON (what the daemons read: NodePaths.daemonConfigFile). */
export function configJson(cfg: MachineConfig): string {
  return JSON.stringify(configTree(cfg) ?? compact(cfg));
}

/** The config as its author wrote it, comments and all; serialized afresh when it was built in code. */
export function originalText(cfg: MachineConfig): string {
  return sources.get(cfg)?.text ?? serializeConfig(cfg);
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

export async function loadConfig(file: string, opts: ValidateOptions = {}): Promise<MachineConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`error loading config: ${(err as Error).message}`);
  }
  try {
    return parseConfig(text, opts);
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
