import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { makeTmpDir, type TmpDir } from '@talos/testing';
import { Status } from './errors';
import { HealthService } from './health';
import { createServer, listenUnix, shutdownServer } from './server';

// The client side is grpc-health-check's .proto through proto-loader: a codec independent of the
// generated classes the server uses, so the test checks the wire format too.
type HealthClient = grpc.Client & {
  check(req: { service: string }, cb: (e: grpc.ServiceError | null, r: { status: string }) => void): void;
  watch(req: { service: string }): grpc.ClientReadableStream<{ status: string }>;
  list(
    req: object,
    cb: (e: grpc.ServiceError | null, r: { statuses: Record<string, { status: string }> }) => void,
  ): void;
};

describe('HealthService', () => {
  let tmp: TmpDir;
  let server: grpc.Server;
  let client: HealthClient;
  let health: HealthService;

  beforeAll(async () => {
    tmp = await makeTmpDir();
    server = createServer();
    health = new HealthService({ '': 'SERVING', 'time.TimeService': 'NOT_SERVING' });
    health.addToServer(server);
    const socket = path.join(tmp.path, 'health.sock');
    await listenUnix(server, socket);
    const pkg = grpc.loadPackageDefinition(
      protoLoader.loadSync(healthProtoPath, { enums: String }),
    ) as unknown as { grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } } };
    client = new pkg.grpc.health.v1.Health(
      `unix:${socket}`,
      grpc.credentials.createInsecure(),
    ) as unknown as HealthClient;
  });

  afterAll(async () => {
    client.close();
    await shutdownServer(server, 100);
    await tmp.cleanup();
  });

  const check = (service: string) =>
    new Promise<string>((resolve, reject) =>
      client.check({ service }, (e, r) => (e ? reject(e) : resolve(r.status))),
    );

  it('answers Check with the status set, NOT_FOUND for a service it does not know', async () => {
    await expect(check('')).resolves.toBe('SERVING');
    await expect(check('time.TimeService')).resolves.toBe('NOT_SERVING');
    await expect(check('nope.Nope')).rejects.toMatchObject({
      code: Status.NOT_FOUND,
      details: 'Health status unknown for service nope.Nope',
    });
  });

  it('streams a service status on Watch: the current one, then each change', async () => {
    const call = client.watch({ service: 'net.Watched' });
    const seen: string[] = [];
    const three = new Promise<void>((resolve) =>
      call.on('data', (m: { status: string }) => {
        seen.push(m.status);
        if (seen.length === 3) resolve();
      }),
    );
    call.on('error', () => undefined);
    // The first message says the service is unknown; it is then set twice.
    await new Promise((r) => setTimeout(r, 100));
    health.setStatus('net.Watched', 'NOT_SERVING');
    health.setStatus('net.Watched', 'SERVING');
    await three;
    expect(seen).toEqual(['SERVICE_UNKNOWN', 'NOT_SERVING', 'SERVING']);
    call.cancel();
    await expect(check('net.Watched')).resolves.toBe('SERVING');
  });

  it('lists every status', async () => {
    const statuses = await new Promise<Record<string, { status: string }>>((resolve, reject) =>
      client.list({}, (e, r) => (e ? reject(e) : resolve(r.statuses))),
    );
    expect(statuses).toEqual({
      '': { status: 'SERVING' },
      'time.TimeService': { status: 'NOT_SERVING' },
      'net.Watched': { status: 'SERVING' },
    });
    expect(health.status('net.Watched')).toBe('SERVING');
  });
});
