// The client against a real mTLS gRPC server on 127.0.0.1: certificate checks, fail-over
// between endpoints, `nodes` metadata, per-node parts and stream cancellation.
import * as net from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { machine, services, common } from '@talos/api';
import { generateCA, issueCertificate, type CertificateAndKey } from '@talos/pki';
import { Client } from './client';

interface Server {
  server: grpc.Server;
  port: number;
  seenNodes: string[][];
  logsCancelled: Promise<void>;
}

async function startServer(ca: CertificateAndKey, serving: CertificateAndKey): Promise<Server> {
  const server = new grpc.Server();
  const seenNodes: string[][] = [];
  let cancelled!: () => void;
  const logsCancelled = new Promise<void>((resolve) => (cancelled = resolve));
  const handlers: Partial<Record<keyof typeof services.machine.MachineService, grpc.UntypedHandleCall>> = {
    Version: (
      call: grpc.ServerUnaryCall<unknown, unknown>,
      cb: grpc.sendUnaryData<machine.IVersionResponse>,
    ) => {
      // grpc-js may join repeated values into one "a, b" header value; apid splits on commas.
      const nodes = call.metadata
        .get('nodes')
        .flatMap((v) => String(v).split(','))
        .map((n) => n.trim())
        .filter(Boolean);
      seenNodes.push(nodes);
      if (nodes.length === 0) {
        cb(null, { messages: [{ version: { tag: 'v-test' } }] });
        return;
      }
      // What apid does with `nodes`: one part per node, a failed node carries metadata.error.
      cb(null, {
        messages: nodes.map((n) =>
          n === 'bad'
            ? { metadata: { hostname: n, error: 'connection refused' } }
            : { metadata: { hostname: n }, version: { tag: `v-${n}` } },
        ),
      });
    },
    Logs: (call: grpc.ServerWritableStream<unknown, common.IData>) => {
      call.write({ bytes: Buffer.from('line one\n') });
      call.on('cancelled', () => cancelled());
    },
  };
  server.addService(
    services.machine.MachineService as unknown as grpc.ServiceDefinition,
    handlers as grpc.UntypedServiceImplementation,
  );
  const creds = grpc.ServerCredentials.createSsl(
    Buffer.from(ca.crt),
    [{ cert_chain: Buffer.from(serving.crt), private_key: Buffer.from(serving.key) }],
    true,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', creds, (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { server, port, seenNodes, logsCancelled };
}

/** A port with nothing listening: the endpoint a fail-over has to skip. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('Client over mTLS', () => {
  let ca: CertificateAndKey;
  let admin: CertificateAndKey;
  let srv: Server;
  const clients: Client[] = [];

  beforeAll(async () => {
    ca = generateCA({ organization: 'talos' });
    admin = issueCertificate(ca, {
      commonName: 'admin',
      organization: ['os:admin'],
      validityHours: 1,
      usage: 'client',
    });
    const serving = issueCertificate(ca, {
      commonName: 'node',
      ipAddresses: ['127.0.0.1'],
      validityHours: 1,
      usage: 'server',
    });
    srv = await startServer(ca, serving);
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await new Promise<void>((resolve) => srv.server.tryShutdown(() => resolve()));
  });

  function connect(endpoints: string[], nodes: string[] = [], crt = admin): Client {
    const c = Client.connect({ ca: ca.crt, crt: crt.crt, key: crt.key, endpoints, nodes });
    clients.push(c);
    return c;
  }

  it('answers for the endpoint itself when no nodes are given', async () => {
    const parts = await connect([`127.0.0.1:${srv.port}`]).version();
    expect(parts).toEqual([
      {
        node: '127.0.0.1',
        message: expect.objectContaining({ version: expect.objectContaining({ tag: 'v-test' }) }),
      },
    ]);
    expect(srv.seenNodes.at(-1)).toEqual([]);
  });

  it('fails over to the next endpoint when the first is unavailable', async () => {
    const dead = await deadPort();
    const client = connect([`127.0.0.1:${dead}`, `127.0.0.1:${srv.port}`]);
    const parts = await client.version();
    expect(parts[0]?.message.version?.tag).toBe('v-test');
  });

  it('names every endpoint it could not reach', async () => {
    const dead = await deadPort();
    await expect(connect([`127.0.0.1:${dead}`]).version()).rejects.toThrow(
      `error connecting to 127.0.0.1:${dead}`,
    );
  });

  it('sends every node in nodes metadata and splits the reply per node, failed ones included', async () => {
    const parts = await connect([`127.0.0.1:${srv.port}`], ['10.5.0.2', 'bad']).version();
    expect(srv.seenNodes.at(-1)).toEqual(['10.5.0.2', 'bad']);
    expect(parts.map((p) => [p.node, p.error, p.message.version?.tag])).toEqual([
      ['10.5.0.2', undefined, 'v-10.5.0.2'],
      ['bad', 'connection refused', undefined],
    ]);
  });

  it('refuses a server whose certificate is from another CA', async () => {
    const otherCA = generateCA({ organization: 'talos' });
    const client = Client.connect({
      ca: otherCA.crt,
      crt: admin.crt,
      key: admin.key,
      endpoints: [`127.0.0.1:${srv.port}`],
    });
    clients.push(client);
    await expect(client.version()).rejects.toThrow(/127\.0\.0\.1/);
  }, 30_000);

  it('cancels a stream on abort, and the server sees the cancellation', async () => {
    const abort = new AbortController();
    const received: string[] = [];
    for await (const part of connect([`127.0.0.1:${srv.port}`]).logs(
      'apid',
      { follow: true },
      { signal: abort.signal },
    )) {
      received.push(Buffer.from(part.message.bytes ?? []).toString());
      abort.abort();
    }
    expect(received).toEqual(['line one\n']);
    await srv.logsCancelled;
  });
});
