// The `meta` namespace: ResourceDefinitions (how to name, find and print a type) and Namespaces.
// Clients such as `talosctl get` resolve a type by name or alias through the definitions.
import { ResourceError } from './errors';
import { deepEqual, pointer, type Pointer, type Resource, type WriteOptions } from './resource';
import type { State } from './state';

export const META_NAMESPACE = 'meta';
export const RESOURCE_DEFINITION_TYPE = 'ResourceDefinitions.meta.cosi.dev';
export const NAMESPACE_TYPE = 'Namespaces.meta.cosi.dev';

export interface PrintColumn {
  /** Column heading, e.g. RUNNING. */
  readonly name: string;
  /** Where the value lives in the spec, e.g. `{.running}`. */
  readonly jsonPath: string;
}

export interface ResourceDefinitionSpec {
  /** Canonical type name, e.g. Services.v1alpha1.talos.dev. */
  readonly type: string;
  readonly displayType: string;
  readonly aliases: readonly string[];
  readonly defaultNamespace: string;
  readonly printColumns: readonly PrintColumn[];
  /** `sensitive`: secret material, readable with the os:admin role only. */
  readonly sensitivity?: 'sensitive';
}

export interface NamespaceSpec {
  readonly description: string;
}

export interface ResourceDefinitionInput {
  type: string;
  displayType: string;
  defaultNamespace: string;
  /** Short names (e.g. `svc`), added after the ones derived from the type. */
  aliases?: string[];
  printColumns?: PrintColumn[];
  sensitivity?: 'sensitive';
}

/**
 * A definition with the aliases clients accept: the type's plural and the display type, lower
 * case, the dotted prefixes of the type (services.v1alpha1, services.v1alpha1.talos), then the
 * given short names.
 */
export function resourceDefinition(input: ResourceDefinitionInput): ResourceDefinitionSpec {
  const parts = input.type.toLowerCase().split('.');
  const prefixes = parts.slice(2).map((_, i) => parts.slice(0, i + 2).join('.'));
  const aliases = [parts[0] ?? '', input.displayType.toLowerCase(), ...prefixes, ...(input.aliases ?? [])];
  return {
    type: input.type,
    displayType: input.displayType,
    aliases: [...new Set(aliases.filter((a) => a !== ''))],
    defaultNamespace: input.defaultNamespace,
    printColumns: input.printColumns ?? [],
    ...(input.sensitivity ? { sensitivity: input.sensitivity } : {}),
  };
}

/** A resource type with its definition: names it, and makes typed pointers to its resources. */
export interface ResourceKind<S> {
  readonly type: string;
  readonly definition: ResourceDefinitionSpec;
  pointer(id: string, namespace?: string): Pointer<S>;
}

export function defineResourceKind<S>(input: ResourceDefinitionInput): ResourceKind<S> {
  const definition = resourceDefinition(input);
  return {
    type: definition.type,
    definition,
    pointer: (id, namespace = definition.defaultNamespace) => pointer<S>(namespace, definition.type, id),
  };
}

export const ResourceDefinitionKind = defineResourceKind<ResourceDefinitionSpec>({
  type: RESOURCE_DEFINITION_TYPE,
  displayType: 'ResourceDefinition',
  defaultNamespace: META_NAMESPACE,
  aliases: ['rd', 'rds'],
});

export const NamespaceKind = defineResourceKind<NamespaceSpec>({
  type: NAMESPACE_TYPE,
  displayType: 'Namespace',
  defaultNamespace: META_NAMESPACE,
  aliases: ['ns'],
});

/** The id of a type's definition: the type in lower case (as Talos lists them). */
export function resourceDefinitionId(type: string): string {
  return type.toLowerCase();
}

/** Writes a definition into `meta` (creates it, or updates it when it changed). */
export async function registerResourceDefinition(
  state: State,
  spec: ResourceDefinitionSpec,
  opts: WriteOptions = {},
): Promise<Resource<ResourceDefinitionSpec>> {
  return put(state, ResourceDefinitionKind.pointer(resourceDefinitionId(spec.type)), spec, opts);
}

export async function registerNamespace(
  state: State,
  name: string,
  description: string,
  opts: WriteOptions = {},
): Promise<Resource<NamespaceSpec>> {
  return put(state, NamespaceKind.pointer(name), { description }, opts);
}

/** The meta namespace describing itself: its Namespace and the definitions of its two types. */
export async function registerMeta(state: State, opts: WriteOptions = {}): Promise<void> {
  await registerNamespace(state, META_NAMESPACE, 'Metadata about resource types and namespaces.', opts);
  await registerResourceDefinition(state, ResourceDefinitionKind.definition, opts);
  await registerResourceDefinition(state, NamespaceKind.definition, opts);
}

/** The definition a user's name for a type means: type, display type or alias, any case. */
export function findResourceDefinition(
  definitions: readonly ResourceDefinitionSpec[],
  name: string,
): ResourceDefinitionSpec | undefined {
  const n = name.toLowerCase();
  return definitions.find(
    (d) => d.type.toLowerCase() === n || d.displayType.toLowerCase() === n || d.aliases.includes(n),
  );
}

async function put<S>(state: State, ptr: Pointer<S>, spec: S, opts: WriteOptions): Promise<Resource<S>> {
  try {
    return await state.create(ptr, spec, opts);
  } catch (err) {
    if (!ResourceError.is(err, 'conflict')) throw err;
  }
  const cur = await state.get(ptr);
  if (deepEqual(cur.spec, spec)) return cur;
  return state.update(ptr, cur.metadata.version, spec, opts);
}
