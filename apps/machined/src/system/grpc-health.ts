// The health check of a daemon: grpc.health.v1.Health/Check on its unix socket.
import { stat } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import { health } from '@talos/api';
import type { HealthCheck } from './health';

const { HealthCheckRequest, HealthCheckResponse } = health;
const { ServingStatus } = HealthCheckResponse;
const CHECK = health.Health.Check;

/**
 * Fails unless `socketPath` is a socket. A probe checks this first: until the daemon has made its
 * socket, a probe then ends at a stat, where a gRPC channel per probe costs tens of milliseconds of
 * CPU under emulation, and a booting node probes several a second.
 */
export async function assertSocket(socketPath: string): Promise<void> {
  try {
    if (!(await stat(socketPath)).isSocket()) throw new Error('not a socket');
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    throw new Error(
      `dial unix ${socketPath}: ${code === 'ENOENT' ? 'connect: no such file or directory' : message}`,
    );
  }
}

/** A HealthCheck asking the gRPC health service on `socketPath` about `service` ('' = the server). */
export function grpcHealthCheck(socketPath: string, service = ''): HealthCheck {
  return async (signal) => {
    await assertSocket(socketPath);
    return new Promise<void>((resolve, reject) => {
      // A local subchannel pool: closing the client closes its connection, which lets servers shut down promptly.
      const client = new grpc.Client(`unix:${socketPath}`, grpc.credentials.createInsecure(), {
        'grpc.use_local_subchannel_pool': 1,
      });
      const call = client.makeUnaryRequest(
        CHECK.path,
        CHECK.requestSerialize,
        CHECK.responseDeserialize,
        HealthCheckRequest.create({ service }),
        (err, res) => {
          signal.removeEventListener('abort', onAbort);
          client.close();
          if (err) return reject(new Error(err.details || err.message));
          const status = res?.status ?? ServingStatus.UNKNOWN;
          if (status !== ServingStatus.SERVING)
            return reject(new Error(`serving status ${ServingStatus[status] ?? status}`));
          resolve();
        },
      );
      const onAbort = (): void => call.cancel();
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  };
}
