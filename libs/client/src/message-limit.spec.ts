// The client's message limit is GRPC_MAX_MESSAGE_BYTES (made small here), the one apid enforces.
import * as grpc from '@grpc/grpc-js';
import { machine, services } from '@talos/api';
import { generateCA, issueCertificate } from '@talos/pki';
import { Client } from './client';

const LIMIT = 1024;
jest.mock('@talos/constants', () => ({
  ...jest.requireActual('@talos/constants'),
  GRPC_MAX_MESSAGE_BYTES: 1024,
}));

describe('client message size limit', () => {
  let server: grpc.Server;
  let client: Client;
  /** Length of the version tag the server answers with. */
  let tagBytes = 0;

  beforeAll(async () => {
    const ca = generateCA({ organization: 'talos' });
    const admin = issueCertificate(ca, { commonName: 'admin', validityHours: 1, usage: 'client' });
    const serving = issueCertificate(ca, {
      commonName: 'node',
      ipAddresses: ['127.0.0.1'],
      validityHours: 1,
      usage: 'server',
    });
    server = new grpc.Server({ 'grpc.max_send_message_length': -1 });
    server.addService(services.machine.MachineService as unknown as grpc.ServiceDefinition, {
      Version: (_call: unknown, cb: grpc.sendUnaryData<machine.IVersionResponse>) =>
        cb(null, { messages: [{ version: { tag: 'v'.repeat(tagBytes) } }] }),
    });
    const creds = grpc.ServerCredentials.createSsl(
      Buffer.from(ca.crt),
      [{ cert_chain: Buffer.from(serving.crt), private_key: Buffer.from(serving.key) }],
      true,
    );
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', creds, (err, p) => (err ? reject(err) : resolve(p))),
    );
    client = Client.connect({ ca: ca.crt, crt: admin.crt, key: admin.key, endpoints: [`127.0.0.1:${port}`] });
  }, 60_000);

  afterAll(async () => {
    client.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  });

  it('accepts replies within GRPC_MAX_MESSAGE_BYTES and refuses larger ones', async () => {
    tagBytes = LIMIT / 2;
    const parts = await client.version();
    expect(parts[0]?.message.version?.tag).toHaveLength(LIMIT / 2);
    tagBytes = LIMIT + 1;
    await expect(client.version()).rejects.toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED });
  });
});
