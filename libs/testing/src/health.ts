// The standard health service as a test sees it: one raw Check for the overall status.
import * as grpc from '@grpc/grpc-js';

/** grpc.health.v1.Health/Check for the overall status: 1 is SERVING. */
export function healthStatus(socketPath: string): Promise<number> {
  const client = new grpc.Client(`unix:${socketPath}`, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      '/grpc.health.v1.Health/Check',
      (b: Buffer) => b,
      (b: Buffer) => b,
      Buffer.alloc(0),
      (err, res) => {
        client.close();
        if (err) reject(err);
        else resolve(res && res.length >= 2 ? res[1]! : 0);
      },
    );
  });
}
