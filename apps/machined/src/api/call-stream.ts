// Serving a server-streaming call from an async iterable: the source gets a signal that aborts when
// the client cancels (so follow streams release their listeners), writes respect back-pressure, and
// a failure becomes the call's status.
import type * as grpc from '@grpc/grpc-js';
import { RpcError } from '@talos/rpc';

export async function streamToCall<T>(
  call: grpc.ServerWritableStream<unknown, T>,
  source: (signal: AbortSignal) => AsyncIterable<T>,
  toRpcError: (err: unknown) => RpcError = (err) => RpcError.from(err),
): Promise<void> {
  const abort = new AbortController();
  const cancel = (): void => abort.abort();
  call.once('cancelled', cancel);
  call.once('close', cancel);
  try {
    for await (const message of source(abort.signal)) {
      if (abort.signal.aborted) break;
      if (!call.write(message)) await drained(call, abort.signal);
    }
    if (!abort.signal.aborted) call.end();
  } catch (err) {
    if (!abort.signal.aborted) call.emit('error', toRpcError(err).toServiceError());
  } finally {
    abort.abort();
    call.off('cancelled', cancel);
    call.off('close', cancel);
  }
}

function drained(call: grpc.ServerWritableStream<unknown, unknown>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    call.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
