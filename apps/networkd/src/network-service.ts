// network.NetworkService over grpc-js: NetworkApi's answers; a netlink failure is INTERNAL.
import type * as grpc from '@grpc/grpc-js';
import { services, type NetworkServiceHandlers } from '@talos/api';
import { RpcError, implement } from '@talos/rpc';
import type { NetworkApi } from './network-api';

function reply<T>(promise: Promise<T>, callback: grpc.sendUnaryData<T>): void {
  promise.then(
    (res) => callback(null, res),
    (err: unknown) => callback(RpcError.from(err).toServiceError()),
  );
}

export function networkServiceHandlers(api: NetworkApi): NetworkServiceHandlers {
  return implement<NetworkServiceHandlers>(services.network.NetworkService, {
    Interfaces: (_call, callback) => reply(api.interfaces(), callback),
    Routes: (_call, callback) => reply(api.routes(), callback),
  });
}
