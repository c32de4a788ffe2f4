// The resource model: metadata fixed for every type, plus a spec whose shape depends on the type.
// Resources handed out by a State are deeply frozen, so nobody can change state behind its back.

export type Phase = 'running' | 'tearingDown';

/** Where a resource lives. S is only a type tag: it lets get(pointer) return the right spec type. */
export interface Pointer<S = unknown> {
  readonly namespace: string;
  readonly type: string;
  readonly id: string;
  readonly __spec?: S;
}

export interface Metadata {
  readonly namespace: string;
  readonly type: string;
  readonly id: string;
  /** Starts at 1 on create and grows by one on every change (spec, phase, finalizers, labels). */
  readonly version: number;
  readonly phase: Phase;
  /** The controller that manages the resource; '' for resources written outside any controller. */
  readonly owner: string;
  readonly finalizers: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** ISO 8601 timestamps. */
  readonly created: string;
  readonly updated: string;
}

export interface Resource<S = unknown> {
  readonly metadata: Metadata;
  readonly spec: Readonly<S>;
}

/** Options of the write operations; owner is stamped by the controller runtime's state wrapper. */
export interface WriteOptions {
  owner?: string;
}

export interface CreateOptions extends WriteOptions {
  labels?: Record<string, string>;
  finalizers?: string[];
}

export interface UpdateOptions extends WriteOptions {
  /** Replaces the labels; left as they are when absent. */
  labels?: Record<string, string>;
}

export function pointer<S = unknown>(namespace: string, type: string, id: string): Pointer<S> {
  return { namespace, type, id };
}

export function pointerOf<S>(r: Resource<S>): Pointer<S> {
  return { namespace: r.metadata.namespace, type: r.metadata.type, id: r.metadata.id };
}

export function describePointer(p: Pointer<unknown>): string {
  return `${p.namespace}/${p.type}/${p.id}`;
}

/** A deep copy that nobody holds a reference to, frozen all the way down. */
export function frozenCopy<T>(value: T): Readonly<T> {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/**
 * Whether `value` matches `partial`: every field present in `partial` is equal in `value`,
 * recursively for plain objects; arrays and other values compare whole.
 */
export function matchesPartial(value: unknown, partial: unknown): boolean {
  if (isPlainObject(partial)) {
    if (!isPlainObject(value)) return false;
    return Object.entries(partial).every(([k, v]) => matchesPartial(value[k], v));
  }
  return deepEqual(value, partial);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
