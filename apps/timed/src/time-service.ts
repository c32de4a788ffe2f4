// time.TimeService over grpc-js: TimeApi's answers; an NTP failure is UNAVAILABLE with its message.
import type * as grpc from '@grpc/grpc-js';
import { services, type TimeServiceHandlers } from '@talos/api';
import { RpcError, Status, implement } from '@talos/rpc';
import type { TimeApi } from './time-api';

/** An AbortSignal that fires when the caller cancels (or the deadline passes). */
function callSignal(call: grpc.ServerUnaryCall<unknown, unknown>): AbortSignal {
  const ac = new AbortController();
  call.once('cancelled', () => ac.abort(new Error('call cancelled')));
  return ac.signal;
}

function reply<T>(promise: Promise<T>, callback: grpc.sendUnaryData<T>): void {
  promise.then(
    (res) => callback(null, res),
    (err: unknown) => callback(RpcError.from(err, Status.UNAVAILABLE).toServiceError()),
  );
}

export function timeServiceHandlers(api: TimeApi): TimeServiceHandlers {
  return implement<TimeServiceHandlers>(services.time.TimeService, {
    Time: (call, callback) => reply(api.time(callSignal(call)), callback),
    TimeCheck: (call, callback) =>
      reply(api.timeCheck(call.request.server ?? '', callSignal(call)), callback),
  });
}
