// routerd: an HTTP/2 front on its unix socket that forwards each gRPC call, undecoded, to the
// backend socket of its service. Its own services (route registration, health, reflection) are
// served by an in-process grpc-js server reached through the same proxy path.
import type * as http2 from 'node:http2';
import { packageDefinition } from '@talos/api';
import { METADATA_FORWARDED_BY, ROUTER_SERVICE } from '@talos/constants';
import type { Logger } from '@talos/log';
import {
  addStandardServices,
  type Backend,
  createServer,
  GrpcStreamServer,
  type GrpcRequest,
  HEALTH_SERVICE,
  inProcessBackend,
  PassThroughProxy,
  REFLECTION_SERVICES,
  RpcError,
  Status,
  unixBackend,
} from '@talos/rpc';
import { services } from '@talos/api';
import type * as grpc from '@grpc/grpc-js';
import { RouteTable } from './route-table';
import { routerServiceHandlers } from './router-service';

const LOCAL_SERVICES = new Set<string>([ROUTER_SERVICE, HEALTH_SERVICE, ...REFLECTION_SERVICES]);

export interface RouterOptions {
  table: RouteTable;
  logger: Logger;
}

export class Router {
  private readonly table: RouteTable;
  private readonly log: Logger;
  private readonly proxy = new PassThroughProxy();
  private readonly admin: grpc.Server;
  private readonly local: Backend & { close(): void };
  private readonly backends = new Map<string, Backend>();
  private readonly front: GrpcStreamServer;

  constructor(opts: RouterOptions) {
    this.table = opts.table;
    this.log = opts.logger;
    this.admin = createServer();
    this.admin.addService(
      services.routerd.RouterService,
      routerServiceHandlers(this.table, this.log, (unused) => this.release(unused)),
    );
    addStandardServices(this.admin, {
      serviceNames: [ROUTER_SERVICE],
      packageDefinition,
      reflectServices: [ROUTER_SERVICE],
    });
    this.local = inProcessBackend(this.admin, 'routerd');
    this.front = new GrpcStreamServer((stream, headers, request) => this.dispatch(stream, headers, request));
  }

  async listen(socketPath: string): Promise<void> {
    await this.front.listenUnix(socketPath);
    this.log.info({ socket: socketPath, routes: this.table.list() }, 'routerd listening');
  }

  async close(graceMs = 5000): Promise<void> {
    await this.front.close(graceMs);
    this.proxy.pool.close();
    this.local.close();
    this.admin.forceShutdown();
  }

  private dispatch(
    stream: http2.ServerHttp2Stream,
    headers: http2.IncomingHttpHeaders,
    request: GrpcRequest,
  ): void {
    if (LOCAL_SERVICES.has(request.service)) {
      // The route API changes where every call goes: only local clients may use it.
      if (request.service === ROUTER_SERVICE && headers[METADATA_FORWARDED_BY] !== undefined) {
        throw new RpcError(
          Status.PERMISSION_DENIED,
          `service "${ROUTER_SERVICE}" is only available on the local socket`,
        );
      }
      this.proxy.forward(stream, headers, this.local);
      return;
    }
    const socket = this.table.lookup(request.service);
    if (socket === undefined) {
      throw new RpcError(Status.UNIMPLEMENTED, `service "${request.service}" is not routed`);
    }
    this.proxy.forward(stream, headers, this.backend(socket), {
      onDone: (result) => {
        if (result.transport)
          this.log.warn(
            { path: request.path, backend: socket, code: result.code, error: result.message },
            'call failed in transport',
          );
      },
    });
  }

  private backend(socket: string): Backend {
    let backend = this.backends.get(socket);
    if (!backend) {
      backend = unixBackend(socket);
      this.backends.set(socket, backend);
    }
    return backend;
  }

  /** Lets go of sessions to sockets no route uses; calls in flight on them still finish. */
  private release(unused: string[]): void {
    for (const socket of unused) {
      const backend = this.backends.get(socket);
      if (!backend) continue;
      this.backends.delete(socket);
      this.proxy.pool.evict(backend.name);
    }
  }
}
