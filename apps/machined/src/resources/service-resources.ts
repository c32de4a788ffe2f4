// Mirrors the supervisor's services into `Service` resources: one per service while it runs
// (created when it reaches Running, updated on health changes, destroyed when it leaves Running),
// as Talos's service runner does. This adapter is the only writer of the type.
import type { Logger } from '@talos/log';
import { ResourceError, type State } from '@talos/resources';
import { ServiceState, type HealthStatus } from '../system/service-state';
import { ServiceKind, type ServiceSpec } from './kinds';

/** Owner stamped on every Service resource. */
export const SERVICE_ADAPTER_OWNER = 'v1alpha1.ServiceAdapter';

export interface ServiceChange {
  service: string;
  state: ServiceState;
  health?: HealthStatus;
}

export class ServiceResourceAdapter {
  /** Writes apply one at a time, in the order the supervisor reported the changes. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: State,
    /** The service's current health (a state change does not carry it). */
    private readonly currentHealth: (service: string) => HealthStatus | undefined,
    private readonly logger: Logger,
  ) {}

  onChange(change: ServiceChange): void {
    const health = change.health ?? this.currentHealth(change.service);
    this.chain = this.chain
      .then(() => this.apply(change.service, change.state, health))
      .catch((err: unknown) =>
        this.logger.warn(
          { service: change.service, err: (err as Error).message },
          'error updating service resource',
        ),
      );
  }

  /** Resolves once every change reported so far is written. */
  settled(): Promise<void> {
    return this.chain;
  }

  private async apply(id: string, state: ServiceState, health: HealthStatus | undefined): Promise<void> {
    const ptr = ServiceKind.pointer(id);
    const opts = { owner: SERVICE_ADAPTER_OWNER };
    let current;
    try {
      current = await this.state.get(ptr);
    } catch (err) {
      if (!ResourceError.is(err, 'notFound')) throw err;
    }
    if (state !== ServiceState.Running) {
      if (current) await this.state.destroy(ptr, opts);
      return;
    }
    const spec: ServiceSpec = {
      running: true,
      healthy: health?.healthy === true,
      unknown: health?.healthy === undefined,
    };
    if (!current) {
      await this.state.create(ptr, spec, opts);
    } else if (current.spec.healthy !== spec.healthy || current.spec.unknown !== spec.unknown) {
      await this.state.update(ptr, current.metadata.version, spec, opts);
    }
  }
}
