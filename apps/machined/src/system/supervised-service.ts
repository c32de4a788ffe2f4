// One service under supervision: its state machine (Waiting → Preparing → Running → Finished/Failed),
// its last events, its health, and the loop that runs it. Talos's ServiceRunner, in TypeScript.
import type { Logger } from '@talos/log';
import { silentLogger } from '@talos/log';
import { DEFAULT_HEALTH_SETTINGS, HealthState, errorMessage, runHealthChecks } from './health';
import { ServiceEventHistory } from './service-events';
import { ServiceState, type HealthStatus, type ServiceEvent } from './service-state';
import type { ServiceDefinition } from './service';

/** What a state change looks like to the outside (the machine event bus). */
export interface ServiceStateChange {
  service: string;
  state: ServiceState;
  msg: string;
  health?: HealthStatus;
  ts: Date;
}

export interface SupervisedServiceDeps {
  /** Resolves when every listed service is up; rejects when `signal` aborts. */
  waitForUp(ids: readonly string[], signal: AbortSignal): Promise<void>;
  /** Called on every state or health change of this service. */
  onChange?(change: ServiceStateChange): void;
  logger?: Logger;
  now?: () => Date;
}

export interface ServiceInfo {
  id: string;
  state: ServiceState;
  events: ServiceEvent[];
  health: HealthStatus;
}

export class SupervisedService {
  private currentState = ServiceState.Initialized;
  private readonly history = new ServiceEventHistory();
  readonly health: HealthState;
  private loop: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(
    readonly definition: ServiceDefinition,
    private readonly deps: SupervisedServiceDeps,
  ) {
    this.logger = deps.logger ?? silentLogger();
    this.now = deps.now ?? (() => new Date());
    this.health = new HealthState(this.now);
  }

  get id(): string {
    return this.definition.id;
  }

  get state(): ServiceState {
    return this.currentState;
  }

  /** True while the supervision loop runs (from start until Finished/Failed/Skipped). */
  get running(): boolean {
    return this.loop !== undefined;
  }

  events(count?: number): ServiceEvent[] {
    return this.history.list(count);
  }

  /** Up: finished or skipped, or running and (when it has a health check) healthy. */
  isUp(): boolean {
    switch (this.currentState) {
      case ServiceState.Finished:
      case ServiceState.Skipped:
        return true;
      case ServiceState.Running:
        return !this.definition.health || this.health.get().healthy === true;
      default:
        return false;
    }
  }

  /** Down: in a terminal state. */
  isDown(): boolean {
    return [ServiceState.Failed, ServiceState.Finished, ServiceState.Skipped].includes(this.currentState);
  }

  info(): ServiceInfo {
    return { id: this.id, state: this.currentState, events: this.history.list(), health: this.health.get() };
  }

  /** Starts the supervision loop; false when it is already running. */
  start(): boolean {
    if (this.loop) return false;
    const abort = new AbortController();
    this.abort = abort;
    this.loop = this.supervise(abort.signal).finally(() => {
      if (this.abort === abort) {
        this.loop = undefined;
        this.abort = undefined;
      }
    });
    return true;
  }

  /** Stops the service and resolves when its loop has ended. */
  async stop(): Promise<void> {
    const loop = this.loop;
    this.abort?.abort();
    await loop;
  }

  /** Resolves when the current loop ends (immediately when not running). */
  async done(): Promise<void> {
    await this.loop;
  }

  private update(state: ServiceState, msg: string): void {
    this.currentState = state;
    const ts = this.now();
    this.history.push({ msg, state, ts });
    this.logger.info({ service: this.id, state }, msg);
    this.deps.onChange?.({ service: this.id, state, msg, ts });
  }

  private healthChanged(status: HealthStatus): void {
    // Health only speaks for a running service; other states carry their own message.
    if (this.currentState !== ServiceState.Running) return;
    const msg = status.healthy ? 'Health check successful' : `Health check failed: ${status.lastMessage}`;
    const ts = this.now();
    this.history.push({ msg, state: this.currentState, ts, health: status });
    this.logger.info({ service: this.id, state: this.currentState }, msg);
    this.deps.onChange?.({ service: this.id, state: this.currentState, msg, health: status, ts });
  }

  private async supervise(signal: AbortSignal): Promise<void> {
    // A new run knows nothing of the last one's health (Talos: health.State.Init when checks start).
    this.health.reset();
    try {
      const outcome = await this.runOnce(signal);
      if (outcome === 'skipped') this.update(ServiceState.Skipped, 'Service skipped');
      else this.update(ServiceState.Finished, 'Service finished successfully');
    } catch (err) {
      this.update(ServiceState.Failed, errorMessage(err));
    }
  }

  private async runOnce(signal: AbortSignal): Promise<'done' | 'skipped'> {
    const dependsOn = this.definition.dependsOn ?? [];
    if (dependsOn.length > 0) {
      this.update(
        ServiceState.Waiting,
        `Waiting for ${dependsOn.map((d) => `service "${d}" to be "up"`).join(', ')}`,
      );
      try {
        await this.deps.waitForUp(dependsOn, signal);
      } catch (err) {
        throw new Error(`Condition failed: ${signal.aborted ? 'context canceled' : errorMessage(err)}`);
      }
    }

    this.update(ServiceState.Preparing, 'Running pre state');
    try {
      await this.definition.pre?.(signal);
    } catch (err) {
      throw new Error(`Failed to run pre stage: ${errorMessage(err)}`);
    }

    this.update(ServiceState.Preparing, 'Creating service runner');
    let runner;
    try {
      runner = this.definition.runner();
    } catch (err) {
      throw new Error(`Failed to create runner: ${errorMessage(err)}`);
    }
    if (!runner) return 'skipped';

    const healthAbort = new AbortController();
    const stopHealth = (): void => healthAbort.abort();
    signal.addEventListener('abort', stopHealth, { once: true });
    const unsubscribe = this.health.subscribe((s) => this.healthChanged(s));
    const check = this.definition.health;
    const healthLoop = check
      ? runHealthChecks(
          check.check,
          { ...DEFAULT_HEALTH_SETTINGS, ...check.settings },
          this.health,
          healthAbort.signal,
        )
      : Promise.resolve();

    try {
      await runner.run((state, msg) => {
        const wasRunning = this.currentState === ServiceState.Running;
        this.update(state, msg);
        if (!check) return;
        // A process that (re)started is unknown until its next check, not still "not running".
        if (state !== ServiceState.Running) this.health.update(false, 'service not running');
        else if (!wasRunning) this.health.reset();
      }, signal);
    } catch (err) {
      throw new Error(`Failed running service: ${errorMessage(err)}`);
    } finally {
      stopHealth();
      signal.removeEventListener('abort', stopHealth);
      await healthLoop;
      unsubscribe();
    }
    return 'done';
  }
}
