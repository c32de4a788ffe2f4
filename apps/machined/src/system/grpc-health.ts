// The health check of a daemon: grpc.health.v1.Health/Check on its unix socket. The two tiny messages
// are coded by hand so that the bundle needs no .proto file at run time.
import * as grpc from '@grpc/grpc-js';
import { Reader, Writer } from 'protobufjs';
import type { HealthCheck } from './health';

const CHECK_METHOD = '/grpc.health.v1.Health/Check';
const SERVING_STATUS = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];

function encodeRequest(service: string): Buffer {
  if (!service) return Buffer.alloc(0);
  return Buffer.from(Writer.create().uint32(10).string(service).finish());
}

function decodeStatus(buf: Buffer): number {
  const r = Reader.create(buf);
  let status = 0;
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 0) status = r.int32();
    else r.skipType(tag & 7);
  }
  return status;
}

/** A HealthCheck asking the gRPC health service on `socketPath` about `service` ('' = the server). */
export function grpcHealthCheck(socketPath: string, service = ''): HealthCheck {
  return (signal) =>
    new Promise<void>((resolve, reject) => {
      // A local subchannel pool: closing the client closes its connection, which lets servers shut down promptly.
      const client = new grpc.Client(`unix:${socketPath}`, grpc.credentials.createInsecure(), {
        'grpc.use_local_subchannel_pool': 1,
      });
      const call = client.makeUnaryRequest<Buffer, number>(
        CHECK_METHOD,
        (b) => b,
        decodeStatus,
        encodeRequest(service),
        (err, status) => {
          signal.removeEventListener('abort', onAbort);
          client.close();
          if (err) return reject(new Error(err.details || err.message));
          if (status !== 1)
            return reject(new Error(`serving status ${SERVING_STATUS[status ?? 0] ?? status}`));
          resolve();
        },
      );
      const onAbort = (): void => call.cancel();
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
}
