// The State as one controller sees it: reads of its inputs and outputs, writes of its outputs only,
// every write stamped with the controller's name as owner.
import type { ControllerInput, ControllerOutput } from './controller';
import { ResourceError } from './errors';
import { deepEqual, describePointer, type Pointer, type Resource } from './resource';
import type { ListOptions, State } from './state';

const MODIFY_ATTEMPTS = 5;

export class ControllerState {
  constructor(
    private readonly state: State,
    readonly owner: string,
    private readonly inputs: readonly ControllerInput[],
    private readonly outputs: readonly ControllerOutput[],
  ) {}

  async get<S>(ptr: Pointer<S>): Promise<Resource<S>> {
    this.checkRead(ptr.namespace, ptr.type);
    return this.state.get(ptr);
  }

  /** The resource, or undefined when it does not exist. */
  async find<S>(ptr: Pointer<S>): Promise<Resource<S> | undefined> {
    try {
      return await this.get(ptr);
    } catch (err) {
      if (ResourceError.is(err, 'notFound')) return undefined;
      throw err;
    }
  }

  async list<S>(namespace: string, type: string, opts?: ListOptions): Promise<Resource<S>[]> {
    this.checkRead(namespace, type);
    return this.state.list<S>(namespace, type, opts);
  }

  async create<S>(ptr: Pointer<S>, spec: S, labels?: Record<string, string>): Promise<Resource<S>> {
    this.checkWrite(ptr);
    return this.state.create(ptr, spec, { owner: this.owner, labels });
  }

  async update<S>(ptr: Pointer<S>, expectedVersion: number, spec: S): Promise<Resource<S>> {
    this.checkWrite(ptr);
    return this.state.update(ptr, expectedVersion, spec, { owner: this.owner });
  }

  /**
   * Creates the resource or updates its spec to fn(current spec), retrying on version conflicts.
   * An unchanged spec writes nothing, so a controller reconciling twice does not wake its readers.
   */
  async modify<S>(ptr: Pointer<S>, fn: (current: Readonly<S> | undefined) => S): Promise<Resource<S>> {
    this.checkWrite(ptr);
    for (let attempt = 1; ; attempt++) {
      const cur = await this.state.get(ptr).catch((err: unknown) => {
        if (ResourceError.is(err, 'notFound')) return undefined;
        throw err;
      });
      const spec = fn(cur?.spec);
      try {
        if (!cur) return await this.state.create(ptr, spec, { owner: this.owner });
        if (deepEqual(cur.spec, spec)) return cur;
        return await this.state.update(ptr, cur.metadata.version, spec, { owner: this.owner });
      } catch (err) {
        if (!ResourceError.is(err, 'conflict') || attempt >= MODIFY_ATTEMPTS) throw err;
      }
    }
  }

  async teardown<S>(ptr: Pointer<S>): Promise<Resource<S>> {
    this.checkWrite(ptr);
    return this.state.teardown(ptr, { owner: this.owner });
  }

  async destroy(ptr: Pointer<unknown>): Promise<void> {
    this.checkWrite(ptr);
    return this.state.destroy(ptr, { owner: this.owner });
  }

  /**
   * Tidies the outputs of one type in one namespace that this controller owns but no longer
   * produces: each is torn down, and destroyed once no finalizer holds it.
   * Returns the ids still waiting on finalizers.
   */
  async tidyOutputs(namespace: string, type: string, keep: Iterable<string>): Promise<string[]> {
    const kept = new Set(keep);
    const waiting: string[] = [];
    for (const r of await this.list(namespace, type)) {
      if (r.metadata.owner !== this.owner || kept.has(r.metadata.id)) continue;
      const ptr = { namespace, type, id: r.metadata.id };
      const torn = await this.teardown(ptr);
      if (torn.metadata.finalizers.length > 0) waiting.push(r.metadata.id);
      else await this.destroy(ptr);
    }
    return waiting;
  }

  /** Finalizers go on strong inputs: they hold the input until this controller lets go. */
  async addFinalizer<S>(ptr: Pointer<S>, ...finalizers: string[]): Promise<Resource<S>> {
    this.checkFinalizer(ptr);
    return this.state.addFinalizer(ptr, ...finalizers);
  }

  async removeFinalizer<S>(ptr: Pointer<S>, ...finalizers: string[]): Promise<Resource<S>> {
    this.checkFinalizer(ptr);
    return this.state.removeFinalizer(ptr, ...finalizers);
  }

  private checkRead(namespace: string, type: string): void {
    const allowed =
      this.outputs.some((o) => o.type === type) ||
      this.inputs.some((i) => i.type === type && i.namespace === namespace);
    if (!allowed) {
      throw new ResourceError(
        'forbidden',
        `controller ${this.owner} may not read ${namespace}/${type}: not among its inputs or outputs`,
      );
    }
  }

  private checkWrite(ptr: Pointer<unknown>): void {
    if (!this.outputs.some((o) => o.type === ptr.type)) {
      throw new ResourceError(
        'forbidden',
        `controller ${this.owner} may not write ${describePointer(ptr)}: ${ptr.type} is not among its outputs`,
      );
    }
  }

  private checkFinalizer(ptr: Pointer<unknown>): void {
    const strong = this.inputs.some(
      (i) =>
        i.kind === 'strong' &&
        i.type === ptr.type &&
        i.namespace === ptr.namespace &&
        (i.id === undefined || i.id === ptr.id),
    );
    if (!strong) {
      throw new ResourceError(
        'forbidden',
        `controller ${this.owner} may not set finalizers on ${describePointer(ptr)}: not a strong input`,
      );
    }
  }
}
