// routerd.RouterService: the route registration API, on top of the RouteTable.
import type { RouterServiceHandlers } from '@talos/api';
import { services } from '@talos/api';
import type { Logger } from '@talos/log';
import { implement, RpcError } from '@talos/rpc';
import type { RouteTable } from './route-table';

/** Told after every change, with the sockets no route points at anymore. */
export type RoutesChanged = (unused: string[]) => void;

export function routerServiceHandlers(
  table: RouteTable,
  log: Logger,
  changed: RoutesChanged,
): RouterServiceHandlers {
  const around = (before: Set<string>) => changed([...before].filter((s) => !table.sockets().has(s)));
  return implement<RouterServiceHandlers>(services.routerd.RouterService, {
    RegisterRoute: (call, callback) => {
      const { service, socket } = call.request;
      try {
        const before = table.sockets();
        const previous = table.register(service, socket);
        log.info({ service, socket, previous }, 'route registered');
        around(before);
        callback(null, { previousSocket: previous ?? '' });
      } catch (err) {
        callback(RpcError.from(err).toServiceError());
      }
    },
    RemoveRoute: (call, callback) => {
      const before = table.sockets();
      const result = table.remove(call.request.service);
      if (result.removed) {
        log.info(
          { service: call.request.service, socket: result.socket, now: table.lookup(call.request.service) },
          'route removed',
        );
      }
      around(before);
      callback(null, { removed: result.removed, socket: result.socket ?? '' });
    },
    ListRoutes: (_call, callback) => {
      callback(null, {
        routes: table.list().map((r) => ({ service: r.service, socket: r.socket, default: r.isDefault })),
      });
    },
  });
}
