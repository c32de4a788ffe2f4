// The set of services of a node: loads definitions, starts them (each waits for its dependencies),
// answers the service API, and stops everything in reverse dependency order.
import type { Logger } from '@talos/log';
import { silentLogger } from '@talos/log';
import { ServiceNotFoundError, ServiceOperationError, type ServiceDefinition } from './service';
import { ServiceState } from './service-state';
import { SupervisedService, type ServiceStateChange } from './supervised-service';

export interface ServiceSupervisorOptions {
  logger?: Logger;
  now?: () => Date;
}

export type ServiceChangeListener = (change: ServiceStateChange) => void;

export class ServiceSupervisor {
  private readonly services = new Map<string, SupervisedService>();
  private readonly waiters = new Set<() => void>();
  private readonly listeners = new Set<ServiceChangeListener>();
  private terminating = false;
  private readonly logger: Logger;

  constructor(private readonly opts: ServiceSupervisorOptions = {}) {
    this.logger = opts.logger ?? silentLogger();
  }

  /**
   * Hears every state and health change from now on, and first (in order) the events of the
   * services already loaded: a supervisor handed over with services running (metal: containerd,
   * started before the config was found) tells its new owner what it missed. Returns the
   * function that stops the listening.
   */
  subscribe(listener: ServiceChangeListener): () => void {
    for (const svc of this.services.values()) {
      for (const e of svc.events())
        listener({ service: svc.id, state: e.state, msg: e.msg, health: e.health, ts: e.ts });
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds services (an id already loaded is kept as it is); returns their ids. */
  load(...definitions: ServiceDefinition[]): string[] {
    for (const def of definitions) {
      if (this.services.has(def.id)) continue;
      const svc = new SupervisedService(def, {
        waitForUp: (ids, signal) => this.waitForUp(ids, signal),
        onChange: (change) => {
          for (const listener of this.listeners) listener(change);
          for (const w of [...this.waiters]) w();
        },
        logger: this.logger,
        now: this.opts.now,
      });
      this.services.set(def.id, svc);
    }
    return definitions.map((d) => d.id);
  }

  /** Starts the services that are not already running. */
  start(...ids: string[]): void {
    if (this.terminating) return;
    for (const id of ids) this.get(id).start();
  }

  startAll(): void {
    this.start(...this.services.keys());
  }

  /** Stops the services and waits until each has ended. */
  async stop(...ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.get(id).stop()));
  }

  get(id: string): SupervisedService {
    const svc = this.services.get(id);
    if (!svc) throw new ServiceNotFoundError(id);
    return svc;
  }

  has(id: string): boolean {
    return this.services.has(id);
  }

  /** Services sorted by id (as `talosctl services` lists them). */
  list(): SupervisedService[] {
    return [...this.services.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Resolves once every listed service is up; rejects when `signal` aborts. */
  waitForUp(ids: readonly string[], signal: AbortSignal): Promise<void> {
    return this.waitUntil(() => ids.every((id) => this.services.get(id)?.isUp() ?? false), signal);
  }

  /**
   * Starts the services and resolves once each runs (its pre step done, its process started) or
   * has ended, or after `timeoutMs`: so that what the caller does next with machined's thread (a
   * config parse, partitioning a disk) does not hold their start up.
   */
  async startAndWait(ids: readonly string[], timeoutMs: number): Promise<void> {
    this.start(...ids);
    const started = (id: string): boolean =>
      ![ServiceState.Initialized, ServiceState.Preparing, ServiceState.Waiting].includes(this.get(id).state);
    await this.waitUntil(() => ids.every(started), AbortSignal.timeout(timeoutMs)).catch(() => undefined);
  }

  /** Resolves once `predicate` holds, re-evaluated on every service change. */
  waitUntil(predicate: () => boolean, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const finish = (err?: Error): void => {
        this.waiters.delete(check);
        signal.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      const check = (): void => {
        if (predicate()) finish();
      };
      const onAbort = (): void => finish(new Error('context canceled'));
      if (signal.aborted) return onAbort();
      if (predicate()) return resolve();
      this.waiters.add(check);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  async apiStart(id: string): Promise<void> {
    const svc = this.get(id);
    if (svc.running) return;
    if (svc.definition.api?.start === false) {
      throw new ServiceOperationError(
        `service ${JSON.stringify(id)} doesn't support start operation via API`,
      );
    }
    this.start(id);
  }

  async apiStop(id: string): Promise<void> {
    const svc = this.get(id);
    if (!svc.running) return;
    if (svc.definition.api?.stop === false) {
      throw new ServiceOperationError(`service ${JSON.stringify(id)} doesn't support stop operation via API`);
    }
    await svc.stop();
  }

  async apiRestart(id: string): Promise<void> {
    const svc = this.get(id);
    if (!svc.running) return this.apiStart(id);
    if (svc.definition.api?.restart === false) {
      throw new ServiceOperationError(
        `service ${JSON.stringify(id)} doesn't support restart operation via API`,
      );
    }
    await svc.stop();
    this.start(id);
  }

  /**
   * Stops the given services (all when omitted), each only after every service that depends on it
   * has stopped: apid before routerd before machined.
   */
  async stopInOrder(ids?: readonly string[]): Promise<void> {
    const targets = new Set(ids ?? this.services.keys());
    const dependents = new Map<string, string[]>();
    for (const svc of this.services.values()) {
      for (const dep of svc.definition.dependsOn ?? []) {
        dependents.set(dep, [...(dependents.get(dep) ?? []), svc.id]);
      }
    }
    const stopping = new Map<string, Promise<void>>();
    const stopOne = (id: string, path: string[]): Promise<void> => {
      const known = stopping.get(id);
      if (known) return known;
      const after = (dependents.get(id) ?? []).filter((d) => targets.has(d) && !path.includes(d));
      const p = Promise.all(after.map((d) => stopOne(d, [...path, id]))).then(() => this.get(id).stop());
      stopping.set(id, p);
      return p;
    };
    await Promise.all([...targets].filter((id) => this.services.has(id)).map((id) => stopOne(id, [])));
  }

  /** Stops everything for good (no start after this). */
  async shutdown(): Promise<void> {
    this.terminating = true;
    await this.stopInOrder();
  }

  /** Allows starts again after `shutdown` (dev-mode reboot). */
  resume(): void {
    this.terminating = false;
  }
}
