// The standard health service as a test sees it: one raw Check for the overall status or a service.
import * as grpc from '@grpc/grpc-js';

/** grpc.health.v1.Health/Check for the overall status ('') or `service`: 1 is SERVING, 2 NOT_SERVING. */
export function healthStatus(socketPath: string, service = ''): Promise<number> {
  // HealthCheckRequest { string service = 1 } (names here are shorter than 128 bytes)
  const name = Buffer.from(service);
  const request = service ? Buffer.concat([Buffer.from([0x0a, name.length]), name]) : Buffer.alloc(0);
  const client = new grpc.Client(`unix:${socketPath}`, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      '/grpc.health.v1.Health/Check',
      (b: Buffer) => b,
      (b: Buffer) => b,
      request,
      (err, res) => {
        client.close();
        if (err) reject(err);
        else resolve(res && res.length >= 2 ? res[1]! : 0);
      },
    );
  });
}
