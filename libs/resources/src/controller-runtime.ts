// Runs controllers against one State: checks their declarations at registration, wakes each on
// changes of its inputs (a burst of changes gives one reconcile), retries a failed reconcile with
// exponential back-off, and reports the graph of controllers and resource types.
import { setMaxListeners } from 'node:events';
import { setTimeout as wait } from 'node:timers/promises';
import { silentLogger, type Logger } from '@talos/log';
import type { Controller, ControllerInput } from './controller';
import { ControllerState } from './controller-state';
import { ResourceError } from './errors';
import type { State } from './state';

export interface BackoffOptions {
  /** Delay after the first failure; doubled after each further one. */
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 30_000 };

export interface ControllerRuntimeOptions {
  logger?: Logger;
  backoff?: BackoffOptions;
}

/** As in Talos's inspect.DependencyEdgeType: the numbers are the wire values. */
export const DependencyEdgeType = { MANAGES: 0, STRONG: 1, WEAK: 2 } as const;
export type DependencyEdgeKind = keyof typeof DependencyEdgeType;

export interface DependencyEdge {
  readonly controllerName: string;
  readonly edgeType: DependencyEdgeKind;
  /** '' for MANAGES edges: an output is a type, in whichever namespace the controller writes it. */
  readonly resourceNamespace: string;
  readonly resourceType: string;
  readonly resourceId: string;
}

export interface DependencyGraph {
  readonly controllers: readonly string[];
  /** Every resource type some controller reads or writes. */
  readonly resourceTypes: readonly string[];
  readonly edges: readonly DependencyEdge[];
}

export class ControllerRuntime {
  private readonly controllers = new Map<string, ControllerRunner>();
  private readonly logger: Logger;
  private readonly backoff: BackoffOptions;
  private running: { signal: AbortSignal; done: Promise<void>[] } | undefined;

  constructor(
    private readonly state: State,
    opts: ControllerRuntimeOptions = {},
  ) {
    this.logger = opts.logger ?? silentLogger();
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
  }

  /** Throws ownerConflict when an output type already has an exclusive owner (or would get one). */
  register(controller: Controller): void {
    if (this.controllers.has(controller.name)) {
      throw new ResourceError('conflict', `controller ${controller.name} is already registered`);
    }
    for (const out of controller.outputs) {
      for (const other of this.controllers.values()) {
        const theirs = other.controller.outputs.find((o) => o.type === out.type);
        if (theirs && (theirs.kind === 'exclusive' || out.kind === 'exclusive')) {
          throw new ResourceError(
            'ownerConflict',
            `error registering controller ${controller.name}: output ${out.type} is already managed by ${other.controller.name}`,
          );
        }
      }
    }
    const runner = new ControllerRunner(
      controller,
      this.state,
      this.logger.child({ controller: controller.name }),
      this.backoff,
    );
    this.controllers.set(controller.name, runner);
    if (this.running) this.running.done.push(runner.run(this.running.signal));
  }

  /** Runs every controller (and any registered later) until the signal aborts. */
  async run(signal: AbortSignal): Promise<void> {
    // Every controller, and every input watch of each, listens on this one signal: many listeners
    // by design, bounded by the controllers registered (not a leak).
    setMaxListeners(0, signal);
    if (this.running) throw new ResourceError('conflict', 'controller runtime is already running');
    const done = [...this.controllers.values()].map((r) => r.run(signal));
    this.running = { signal, done };
    if (!signal.aborted)
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    // registrations while stopping append to `done`; wait for all of them
    for (let i = 0; i < done.length; i++) await done[i];
    this.running = undefined;
  }

  dependencyGraph(): DependencyGraph {
    const edges: DependencyEdge[] = [];
    const types = new Set<string>();
    for (const { controller: c } of this.controllers.values()) {
      for (const out of c.outputs) {
        types.add(out.type);
        edges.push({
          controllerName: c.name,
          edgeType: 'MANAGES',
          resourceNamespace: '',
          resourceType: out.type,
          resourceId: '',
        });
      }
      for (const input of c.inputs) {
        types.add(input.type);
        edges.push({
          controllerName: c.name,
          edgeType: input.kind === 'strong' ? 'STRONG' : 'WEAK',
          resourceNamespace: input.namespace,
          resourceType: input.type,
          resourceId: input.id ?? '',
        });
      }
    }
    return { controllers: [...this.controllers.keys()].sort(), resourceTypes: [...types].sort(), edges };
  }
}

/** One controller's loop: wait for a wake-up, reconcile, back off on failure. */
class ControllerRunner {
  private pending = true;
  private wakeUp: (() => void) | undefined;

  constructor(
    readonly controller: Controller,
    private readonly state: State,
    private readonly logger: Logger,
    private readonly backoff: BackoffOptions,
  ) {}

  async run(signal: AbortSignal): Promise<void> {
    const ctx = {
      state: new ControllerState(
        this.state,
        this.controller.name,
        this.controller.inputs,
        this.controller.outputs,
      ),
      logger: this.logger,
      signal,
    };
    const watches = this.controller.inputs.map((input) => this.watchInput(input, signal));
    await Promise.race([Promise.all(watches.map((w) => w.bootstrapped)), aborted(signal)]);

    const onAbort = () => this.wake();
    signal.addEventListener('abort', onAbort, { once: true });
    let failures = 0;
    while (!signal.aborted) {
      if (!this.pending) {
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        continue;
      }
      this.pending = false;
      try {
        await this.controller.reconcile(ctx);
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** (failures - 1));
        this.logger.error(
          { err: ResourceError.from(err).message, failures, retryInMs: delay },
          'controller failed, restarting',
        );
        this.pending = true;
        await wait(delay, undefined, { signal }).catch(() => undefined); // an abort ends the wait
      }
    }
    signal.removeEventListener('abort', onAbort);
    await Promise.all(watches.map((w) => w.done));
  }

  private wake(): void {
    this.pending = true;
    const w = this.wakeUp;
    this.wakeUp = undefined;
    w?.();
  }

  private watchInput(
    input: ControllerInput,
    signal: AbortSignal,
  ): { bootstrapped: Promise<void>; done: Promise<void> } {
    let bootstrapped!: () => void;
    const ready = new Promise<void>((resolve) => (bootstrapped = resolve));
    const done = (async () => {
      while (!signal.aborted) {
        try {
          for await (const ev of this.state.watchKind(input.namespace, input.type, { signal })) {
            if (ev.type === 'bootstrapped') bootstrapped();
            else if (input.id === undefined || ev.resource.metadata.id === input.id) this.wake();
          }
        } catch (err) {
          // an overrun watch is reopened: its initial list is a full resync, so nothing is missed
          this.logger.warn(
            { err: ResourceError.from(err).message, input: `${input.namespace}/${input.type}` },
            'input watch failed, resyncing',
          );
          this.wake();
        }
      }
    })();
    return { bootstrapped: ready, done };
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
