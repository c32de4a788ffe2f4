// Which backend socket answers which gRPC service. Defaults come from constants; a backend can
// claim a service at run time (a swapped implementation), and giving it up restores the default.
import { DEFAULT_ROUTES, NodePaths, ROUTER_SERVICE } from '@talos/constants';
import * as path from 'node:path';
import { RpcError, Status } from '@talos/rpc';

export interface Route {
  service: string;
  socket: string;
  /** True while the built-in route is in effect, false for a registered one. */
  isDefault: boolean;
}

export interface RemovedRoute {
  removed: boolean;
  /** The registered socket that was removed. */
  socket?: string;
}

/** A full gRPC service name: dotted identifiers, at least a package and a service. */
const SERVICE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** Services routerd answers itself; nobody can claim them. */
const RESERVED = new Set([
  ROUTER_SERVICE,
  'grpc.health.v1.Health',
  'grpc.reflection.v1.ServerReflection',
  'grpc.reflection.v1alpha.ServerReflection',
]);

export class RouteTable {
  private readonly defaults: ReadonlyMap<string, string>;
  private readonly registered = new Map<string, string>();

  constructor(defaults: Readonly<Record<string, string>>) {
    this.defaults = new Map(Object.entries(defaults));
  }

  /** The Talos routes: machine/resource/cluster/inspect -> machined, time -> timed, network -> networkd. */
  static withDefaults(paths: NodePaths): RouteTable {
    return new RouteTable(
      Object.fromEntries(
        Object.entries(DEFAULT_ROUTES).map(([service, daemon]) => [service, paths.socket(daemon)]),
      ),
    );
  }

  /** The socket serving `service` right now, if any. */
  lookup(service: string): string | undefined {
    return this.registered.get(service) ?? this.defaults.get(service);
  }

  /** Points `service` at `socket`; returns the socket it pointed at before. */
  register(service: string, socket: string): string | undefined {
    if (!SERVICE_NAME.test(service))
      throw new RpcError(Status.INVALID_ARGUMENT, `invalid service name ${JSON.stringify(service)}`);
    if (RESERVED.has(service))
      throw new RpcError(
        Status.PERMISSION_DENIED,
        `service "${service}" is routerd's own and cannot be routed elsewhere`,
      );
    if (!path.isAbsolute(socket))
      throw new RpcError(
        Status.INVALID_ARGUMENT,
        `socket must be an absolute path, got ${JSON.stringify(socket)}`,
      );
    const previous = this.lookup(service);
    this.registered.set(service, socket);
    return previous;
  }

  /** Drops a registered route; a service with a default route goes back to it. */
  remove(service: string): RemovedRoute {
    const socket = this.registered.get(service);
    if (socket === undefined) return { removed: false };
    this.registered.delete(service);
    return { removed: true, socket };
  }

  list(): Route[] {
    const services = new Set([...this.defaults.keys(), ...this.registered.keys()]);
    return [...services].sort().map((service) => ({
      service,
      socket: this.lookup(service)!,
      isDefault: !this.registered.has(service),
    }));
  }

  /** Every socket some route points at (to let go of sessions to the others). */
  sockets(): Set<string> {
    return new Set(this.list().map((r) => r.socket));
  }
}
