// The State held in process memory (Talos keeps almost all resources in memory: rebuilt on boot).
// Every change is applied and announced to watchers synchronously, so watchers see changes in the
// order they happened.
import { ResourceError } from './errors';
import {
  describePointer,
  frozenCopy,
  type CreateOptions,
  type Metadata,
  type Pointer,
  type Resource,
  type UpdateOptions,
  type WriteOptions,
} from './resource';
import type { ListOptions, State, WatchEvent, WatchOptions } from './state';
import { WatchQueue } from './watch-queue';

export const DEFAULT_WATCH_CAPACITY = 1000;

export interface InMemoryStateOptions {
  /** Live events a watcher may have unread before it is overrun. */
  watchCapacity?: number;
  now?: () => Date;
}

interface Watcher {
  /** Only this resource's events; every resource of the kind when absent. */
  readonly id?: string;
  /** Set right after construction (the queue's unsubscribe callback needs the watcher first). */
  queue?: WatchQueue;
}

export class InMemoryState implements State {
  /** kind key (namespace + type) -> id -> resource */
  private readonly kinds = new Map<string, Map<string, Resource>>();
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly capacity: number;
  private readonly now: () => Date;

  constructor(opts: InMemoryStateOptions = {}) {
    this.capacity = opts.watchCapacity ?? DEFAULT_WATCH_CAPACITY;
    this.now = opts.now ?? (() => new Date());
  }

  async get<S>(ptr: Pointer<S>): Promise<Resource<S>> {
    return this.mustFind(ptr);
  }

  async list<S>(namespace: string, type: string, opts: ListOptions = {}): Promise<Resource<S>[]> {
    const all = [...(this.kinds.get(kindKey(namespace, type))?.values() ?? [])] as Resource<S>[];
    const wanted = Object.entries(opts.labels ?? {});
    return all
      .filter((r) => wanted.every(([k, v]) => r.metadata.labels[k] === v))
      .sort((a, b) => compare(a.metadata.id, b.metadata.id));
  }

  async create<S>(ptr: Pointer<S>, spec: S, opts: CreateOptions = {}): Promise<Resource<S>> {
    if (this.find(ptr))
      throw new ResourceError('conflict', `resource ${describePointer(ptr)} already exists`);
    const now = this.now().toISOString();
    const r = freeze<S>(
      {
        namespace: ptr.namespace,
        type: ptr.type,
        id: ptr.id,
        version: 1,
        phase: 'running',
        owner: opts.owner ?? '',
        finalizers: unique(opts.finalizers ?? []),
        labels: { ...opts.labels },
        created: now,
        updated: now,
      },
      spec,
    );
    this.store(r);
    this.emit(ptr, { type: 'created', resource: r });
    return r;
  }

  async update<S>(
    ptr: Pointer<S>,
    expectedVersion: number,
    spec: S,
    opts: UpdateOptions = {},
  ): Promise<Resource<S>> {
    const cur = this.mustFind(ptr);
    checkOwner(cur, opts);
    if (cur.metadata.version !== expectedVersion) {
      throw new ResourceError(
        'conflict',
        `resource ${describePointer(ptr)} is at version ${cur.metadata.version}, not ${expectedVersion}`,
      );
    }
    if (cur.metadata.phase !== 'running') {
      throw new ResourceError('phaseConflict', `resource ${describePointer(ptr)} is being torn down`);
    }
    return this.replace(cur, { labels: opts.labels ?? cur.metadata.labels }, spec);
  }

  async teardown<S>(ptr: Pointer<S>, opts: WriteOptions = {}): Promise<Resource<S>> {
    const cur = this.mustFind(ptr);
    checkOwner(cur, opts);
    if (cur.metadata.phase === 'tearingDown') return cur;
    return this.replace(cur, { phase: 'tearingDown' });
  }

  async destroy(ptr: Pointer<unknown>, opts: WriteOptions = {}): Promise<void> {
    const cur = this.mustFind(ptr);
    checkOwner(cur, opts);
    if (cur.metadata.finalizers.length > 0) {
      throw new ResourceError(
        'finalizersPending',
        `resource ${describePointer(ptr)} still has finalizers: ${cur.metadata.finalizers.join(', ')}`,
      );
    }
    this.kinds.get(kindKey(ptr.namespace, ptr.type))?.delete(ptr.id);
    this.emit(ptr, { type: 'destroyed', resource: cur });
  }

  async addFinalizer<S>(ptr: Pointer<S>, ...finalizers: string[]): Promise<Resource<S>> {
    const cur = this.mustFind(ptr);
    const added = finalizers.filter((f) => !cur.metadata.finalizers.includes(f));
    if (added.length === 0) return cur;
    if (cur.metadata.phase !== 'running') {
      throw new ResourceError(
        'phaseConflict',
        `resource ${describePointer(ptr)} is being torn down: no new finalizers`,
      );
    }
    return this.replace(cur, { finalizers: unique([...cur.metadata.finalizers, ...added]) });
  }

  async removeFinalizer<S>(ptr: Pointer<S>, ...finalizers: string[]): Promise<Resource<S>> {
    const cur = this.mustFind(ptr);
    const kept = cur.metadata.finalizers.filter((f) => !finalizers.includes(f));
    if (kept.length === cur.metadata.finalizers.length) return cur;
    return this.replace(cur, { finalizers: kept });
  }

  watch<S>(ptr: Pointer<S>, opts: WatchOptions = {}): AsyncIterable<WatchEvent<S>> {
    const cur = this.find(ptr);
    return this.subscribe<S>(ptr.namespace, ptr.type, ptr.id, cur ? [cur] : [], opts.signal);
  }

  watchKind<S>(namespace: string, type: string, opts: WatchOptions = {}): AsyncIterable<WatchEvent<S>> {
    const all = [...(this.kinds.get(kindKey(namespace, type))?.values() ?? [])] as Resource<S>[];
    all.sort((a, b) => compare(a.metadata.id, b.metadata.id));
    return this.subscribe<S>(namespace, type, undefined, all, opts.signal);
  }

  private subscribe<S>(
    namespace: string,
    type: string,
    id: string | undefined,
    initial: Resource<S>[],
    signal: AbortSignal | undefined,
  ): AsyncIterable<WatchEvent<S>> {
    const key = kindKey(namespace, type);
    let set = this.watchers.get(key);
    if (!set) this.watchers.set(key, (set = new Set()));
    const watchers = set;
    const events: WatchEvent<S>[] = [
      ...initial.map((resource) => ({ type: 'created' as const, resource })),
      { type: 'bootstrapped' },
    ];
    const watcher: Watcher = { id };
    const queue = new WatchQueue<S>(events, this.capacity, () => watchers.delete(watcher), signal);
    watcher.queue = queue as WatchQueue;
    if (!signal?.aborted) watchers.add(watcher);
    return queue;
  }

  private emit(ptr: Pointer<unknown>, event: WatchEvent): void {
    for (const w of [...(this.watchers.get(kindKey(ptr.namespace, ptr.type)) ?? [])]) {
      if (w.id === undefined || w.id === ptr.id) w.queue?.push(event);
    }
  }

  private replace<S>(cur: Resource<S>, changes: Partial<Metadata>, spec: S = cur.spec as S): Resource<S> {
    const r = freeze<S>(
      {
        ...cur.metadata,
        ...changes,
        version: cur.metadata.version + 1,
        updated: this.now().toISOString(),
      },
      spec,
    );
    this.store(r);
    this.emit(r.metadata, { type: 'updated', resource: r, old: cur });
    return r;
  }

  private store(r: Resource): void {
    const key = kindKey(r.metadata.namespace, r.metadata.type);
    let byId = this.kinds.get(key);
    if (!byId) this.kinds.set(key, (byId = new Map()));
    byId.set(r.metadata.id, r);
  }

  private find<S>(ptr: Pointer<S>): Resource<S> | undefined {
    return this.kinds.get(kindKey(ptr.namespace, ptr.type))?.get(ptr.id) as Resource<S> | undefined;
  }

  private mustFind<S>(ptr: Pointer<S>): Resource<S> {
    const r = this.find(ptr);
    if (!r) throw new ResourceError('notFound', `resource ${describePointer(ptr)} not found`);
    return r;
  }
}

function freeze<S>(metadata: Metadata, spec: S): Resource<S> {
  return frozenCopy({ metadata, spec }) as Resource<S>;
}

function checkOwner(r: Resource<unknown>, opts: WriteOptions): void {
  const owner = opts.owner ?? '';
  if (r.metadata.owner !== owner) {
    throw new ResourceError(
      'ownerConflict',
      `resource ${describePointer(r.metadata)} is owned by ${JSON.stringify(r.metadata.owner)}, not ${JSON.stringify(owner)}`,
    );
  }
}

function kindKey(namespace: string, type: string): string {
  return `${namespace}\u0000${type}`;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
