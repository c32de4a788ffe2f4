// The State contract every store implements (the in-memory one today). The conformance suite in
// conformance.ts pins down the behaviour; a new State must pass it.
import type { CreateOptions, Pointer, Resource, UpdateOptions, WriteOptions } from './resource';

export type WatchEvent<S = unknown> =
  | { readonly type: 'created'; readonly resource: Resource<S> }
  | { readonly type: 'updated'; readonly resource: Resource<S>; readonly old: Resource<S> }
  | { readonly type: 'destroyed'; readonly resource: Resource<S> }
  /** Sent once, after the resources that existed when the watch began (as `created` events). */
  | { readonly type: 'bootstrapped' };

export interface WatchOptions {
  /** Ends the watch: the iteration finishes without an error. */
  signal?: AbortSignal;
}

export interface ListOptions {
  /** Only resources carrying every one of these labels with these values. */
  labels?: Record<string, string>;
}

export interface State {
  /** Throws ResourceError notFound. */
  get<S>(ptr: Pointer<S>): Promise<Resource<S>>;
  /** Sorted by id. */
  list<S>(namespace: string, type: string, opts?: ListOptions): Promise<Resource<S>[]>;
  /** Throws conflict when the resource exists. */
  create<S>(ptr: Pointer<S>, spec: S, opts?: CreateOptions): Promise<Resource<S>>;
  /**
   * Replaces the spec. Throws conflict when `expectedVersion` is not the current version,
   * ownerConflict when opts.owner is not the resource's owner, phaseConflict while tearing down.
   */
  update<S>(ptr: Pointer<S>, expectedVersion: number, spec: S, opts?: UpdateOptions): Promise<Resource<S>>;
  /** Moves the resource to phase tearingDown (no change when it is already there). */
  teardown<S>(ptr: Pointer<S>, opts?: WriteOptions): Promise<Resource<S>>;
  /** Throws finalizersPending while finalizers remain, ownerConflict for another owner. */
  destroy(ptr: Pointer<unknown>, opts?: WriteOptions): Promise<void>;
  /** Anyone may add a finalizer to a running resource (phaseConflict once it is tearing down). */
  addFinalizer<S>(ptr: Pointer<S>, ...finalizers: string[]): Promise<Resource<S>>;
  removeFinalizer<S>(ptr: Pointer<S>, ...finalizers: string[]): Promise<Resource<S>>;
  /**
   * Events of one resource: `created` for it if it exists, `bootstrapped`, then its changes.
   * Throws ResourceError overrun from the iteration when the watcher falls too far behind.
   */
  watch<S>(ptr: Pointer<S>, opts?: WatchOptions): AsyncIterable<WatchEvent<S>>;
  /** The same for every resource of a type in a namespace: the initial list, `bootstrapped`, changes. */
  watchKind<S>(namespace: string, type: string, opts?: WatchOptions): AsyncIterable<WatchEvent<S>>;
}
