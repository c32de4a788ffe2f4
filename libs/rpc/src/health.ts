// grpc.health.v1.Health as every daemon serves it: Check, Watch and List over the statuses the
// daemon sets. The messages are libs/api's generated classes: grpc-health-check parses its .proto
// when it is loaded, which costs every daemon's start a few tenths of a second under emulation.
import type * as grpc from '@grpc/grpc-js';
import { health, type HealthHandlers } from '@talos/api';
import { RpcError, Status } from './errors';

export type ServingStatus = keyof typeof health.HealthCheckResponse.ServingStatus;

/** List answers RESOURCE_EXHAUSTED beyond this many services (as grpc-go and grpc-js do). */
const LIST_LIMIT = 100;

type Watcher = (status: ServingStatus) => void;

export class HealthService {
  private readonly statuses = new Map<string, ServingStatus>();
  private readonly watchers = new Map<string, Set<Watcher>>();

  constructor(initial: Record<string, ServingStatus> = {}) {
    for (const [service, status] of Object.entries(initial)) this.statuses.set(service, status);
  }

  /** Sets a service's status ('' is the server's); watchers of that service hear of it. */
  setStatus(service: string, status: ServingStatus): void {
    this.statuses.set(service, status);
    for (const watcher of this.watchers.get(service) ?? []) watcher(status);
  }

  status(service: string): ServingStatus | undefined {
    return this.statuses.get(service);
  }

  addToServer(server: Pick<grpc.Server, 'addService'>): void {
    const code = (status: ServingStatus) => health.HealthCheckResponse.ServingStatus[status];
    const handlers: HealthHandlers = {
      Check: (call, callback) => {
        const status = this.statuses.get(call.request.service);
        if (!status) {
          callback(
            new RpcError(
              Status.NOT_FOUND,
              `Health status unknown for service ${call.request.service}`,
            ).toServiceError(),
          );
          return;
        }
        callback(null, { status: code(status) });
      },
      Watch: (call) => {
        const service = call.request.service;
        const watcher: Watcher = (status) => call.write({ status: code(status) });
        let set = this.watchers.get(service);
        if (!set) this.watchers.set(service, (set = new Set()));
        set.add(watcher);
        call.on('cancelled', () => {
          set.delete(watcher);
          if (set.size === 0) this.watchers.delete(service);
        });
        watcher(this.statuses.get(service) ?? 'SERVICE_UNKNOWN');
      },
      List: (_call, callback) => {
        if (this.statuses.size > LIST_LIMIT) {
          callback(new RpcError(Status.RESOURCE_EXHAUSTED, 'Too many services to list.').toServiceError());
          return;
        }
        const statuses: Record<string, { status: number }> = {};
        for (const [service, status] of this.statuses) statuses[service] = { status: code(status) };
        callback(null, { statuses });
      },
    };
    server.addService(health.Health, handlers);
  }
}
