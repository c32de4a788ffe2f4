// The client configuration (talosconfig): named contexts, each holding where to connect
// (endpoints), which nodes to target by default, and the credentials (base64 PEM).
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { defaultTalosconfigPath } from '@talos/constants';

export interface ClientContext {
  endpoints: string[];
  nodes?: string[];
  /** base64 of the CA certificate PEM the servers are verified against. */
  ca?: string;
  /** base64 of the client certificate PEM. */
  crt?: string;
  /** base64 of the client key PEM. */
  key?: string;
}

export interface ClientConfig {
  context: string;
  contexts: Record<string, ClientContext>;
}

/** A context renamed while merging, because its name was already taken. */
export interface ContextRename {
  from: string;
  to: string;
}

export class ClientConfigError extends Error {
  override name = 'ClientConfigError';
}

export function emptyClientConfig(): ClientConfig {
  return { context: '', contexts: {} };
}

/**
 * Where the talosconfig is: the `--talosconfig` flag, else $TALOSCONFIG, else
 * $XDG_CONFIG_HOME/talos/config.yaml, else ~/.talos/config.
 */
export function resolveTalosconfigPath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  // defaultTalosconfigPath already puts $TALOSCONFIG ahead of the XDG and home locations.
  return flag || defaultTalosconfigPath(env);
}

function stringList(value: unknown, where: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ClientConfigError(`${where}: expected a list of strings`);
  }
  return value as string[];
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ClientConfigError(`${where}: expected a string`);
  return value;
}

export function parseClientConfig(text: string): ClientConfig {
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (err) {
    throw new ClientConfigError(`error parsing talosconfig: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return emptyClientConfig();
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ClientConfigError('error parsing talosconfig: expected a mapping at the top level');
  }
  const raw = doc as Record<string, unknown>;
  const config: ClientConfig = {
    context: optionalString(raw.context, 'context') ?? '',
    contexts: {},
  };
  const contexts = raw.contexts ?? {};
  if (typeof contexts !== 'object' || contexts === null || Array.isArray(contexts)) {
    throw new ClientConfigError('contexts: expected a mapping of context names');
  }
  for (const [name, value] of Object.entries(contexts as Record<string, unknown>)) {
    const where = `contexts.${name}`;
    const ctx = (value ?? {}) as Record<string, unknown>;
    if (typeof ctx !== 'object' || Array.isArray(ctx))
      throw new ClientConfigError(`${where}: expected a mapping`);
    const parsed: ClientContext = { endpoints: stringList(ctx.endpoints, `${where}.endpoints`) ?? [] };
    const nodes = stringList(ctx.nodes, `${where}.nodes`);
    if (nodes) parsed.nodes = nodes;
    for (const field of ['ca', 'crt', 'key'] as const) {
      const v = optionalString(ctx[field], `${where}.${field}`);
      if (v !== undefined) parsed[field] = v;
    }
    config.contexts[name] = parsed;
  }
  return config;
}

export function serializeClientConfig(config: ClientConfig): string {
  const contexts: Record<string, Record<string, unknown>> = {};
  for (const [name, ctx] of Object.entries(config.contexts)) {
    const out: Record<string, unknown> = { endpoints: ctx.endpoints };
    if (ctx.nodes && ctx.nodes.length > 0) out.nodes = ctx.nodes;
    if (ctx.ca !== undefined) out.ca = ctx.ca;
    if (ctx.crt !== undefined) out.crt = ctx.crt;
    if (ctx.key !== undefined) out.key = ctx.key;
    contexts[name] = out;
  }
  // Base64 lines are long; folding them would only make the file harder to diff.
  return YAML.stringify({ context: config.context, contexts }, { lineWidth: 0 });
}

/** Reads a talosconfig; a missing file is an empty config (the first merge creates it). */
export function loadClientConfig(file: string): ClientConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyClientConfig();
    throw new ClientConfigError(`error reading talosconfig ${file}: ${(err as Error).message}`);
  }
  try {
    return parseClientConfig(text);
  } catch (err) {
    throw new ClientConfigError(`error reading talosconfig ${file}: ${(err as Error).message}`);
  }
}

/** Writes a talosconfig atomically, 0600 (it holds a private key), in a 0700 directory. */
export function saveClientConfig(file: string, config: ClientConfig): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, serializeClientConfig(config), { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/**
 * Merges the contexts of `from` into `into` (in place). A context whose name is taken gets
 * `-1`, `-2`, ... appended, unless `force`, which overwrites it. The current context becomes
 * `from`'s current context (under its merged name). Returns the renames.
 */
export function mergeClientConfig(
  into: ClientConfig,
  from: ClientConfig,
  opts: { force?: boolean } = {},
): ContextRename[] {
  const renames: ContextRename[] = [];
  const mapped = new Map<string, string>();
  for (const [name, ctx] of Object.entries(from.contexts)) {
    let merged = name;
    if (!opts.force && Object.prototype.hasOwnProperty.call(into.contexts, name)) {
      for (let i = 1; ; i++) {
        merged = `${name}-${i}`;
        if (!Object.prototype.hasOwnProperty.call(into.contexts, merged)) break;
      }
      renames.push({ from: name, to: merged });
    }
    mapped.set(name, merged);
    into.contexts[merged] = structuredClone(ctx);
  }
  if (from.context) into.context = mapped.get(from.context) ?? into.context;
  return renames;
}

/** The context to use: the `--context` flag, else the config's current one. */
export function selectContext(config: ClientConfig, name?: string): { name: string; context: ClientContext } {
  const selected = name || config.context;
  if (!selected) throw new ClientConfigError('no context is set');
  const context = config.contexts[selected];
  if (!context) throw new ClientConfigError(`context "${selected}" is not defined`);
  return { name: selected, context };
}

/**
 * Removes a context (`cluster destroy` drops the one `create` merged in). Removing the current
 * context makes the first remaining one, in file order, current, so the file stays usable without a
 * `config context`; with none left the current context is empty. Returns false when `name` is not
 * defined. (Talos v0.9 has no remove; later `config remove` skips the current context instead.)
 */
export function removeContext(config: ClientConfig, name: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(config.contexts, name)) return false;
  delete config.contexts[name];
  if (config.context === name) config.context = Object.keys(config.contexts)[0] ?? '';
  return true;
}

/**
 * Flag values that may be repeated and comma separated (`-n a -n b,c`) as one list:
 * trimmed, empties dropped, order kept, duplicates removed.
 */
export function parseListFlag(values: readonly string[] | string | undefined): string[] {
  const list = values === undefined ? [] : typeof values === 'string' ? [values] : values;
  const out: string[] = [];
  for (const value of list) {
    for (const part of value.split(',')) {
      const item = part.trim();
      if (item && !out.includes(item)) out.push(item);
    }
  }
  return out;
}
