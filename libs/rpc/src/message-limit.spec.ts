// Servers and clients take their message limit from GRPC_MAX_MESSAGE_BYTES (made small here, so
// the test moves kilobytes, not the real 16 MiB), in both directions.
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { echoPackage, makeTmpDir, type EchoClient, type EchoReply, type TmpDir } from '@talos/testing';
import { dialUnix } from './client';
import { Status } from './errors';
import { createServer, listenUnix, shutdownServer } from './server';

const LIMIT = 1024;
jest.mock('@talos/constants', () => ({
  ...jest.requireActual('@talos/constants'),
  GRPC_MAX_MESSAGE_BYTES: 1024,
}));

const UNLIMITED = { 'grpc.max_receive_message_length': -1, 'grpc.max_send_message_length': -1 };

/** Echo whose Unary answers with `count` bytes of text (or the request's text when count is 0). */
async function echoServer(socket: string, options: grpc.ServerOptions = {}): Promise<grpc.Server> {
  const server = createServer(options);
  const { service } = echoPackage();
  server.addService(service, {
    Unary: (
      call: grpc.ServerUnaryCall<{ text: string; count: number }, EchoReply>,
      cb: grpc.sendUnaryData<Partial<EchoReply>>,
    ) => cb(null, { text: call.request.count > 0 ? 'y'.repeat(call.request.count) : call.request.text }),
  });
  await listenUnix(server, socket);
  return server;
}

function unary(client: EchoClient, text: string, count = 0): Promise<EchoReply> {
  return new Promise((resolve, reject) =>
    client.Unary({ text, count }, new grpc.Metadata(), {}, (err, res) => (err ? reject(err) : resolve(res!))),
  );
}

describe('message size limit', () => {
  let tmp: TmpDir;
  const servers: grpc.Server[] = [];
  const clients: grpc.Client[] = [];

  beforeAll(async () => {
    tmp = await makeTmpDir();
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of servers) await shutdownServer(s, 100);
    await tmp.cleanup();
  });

  const open = (client: EchoClient): EchoClient => {
    clients.push(client);
    return client;
  };

  it('createServer refuses larger requests and replies than GRPC_MAX_MESSAGE_BYTES', async () => {
    const socket = path.join(tmp.path, 'limited.sock');
    servers.push(await echoServer(socket));
    const { Client } = echoPackage();
    const client = open(dialUnix(Client, socket, UNLIMITED) as unknown as EchoClient);

    await expect(unary(client, 'x'.repeat(LIMIT / 2))).resolves.toMatchObject({
      text: 'x'.repeat(LIMIT / 2),
    });
    await expect(unary(client, 'x'.repeat(LIMIT + 1))).rejects.toMatchObject({
      code: Status.RESOURCE_EXHAUSTED,
    });
    await expect(unary(client, '', LIMIT + 1)).rejects.toMatchObject({ code: Status.RESOURCE_EXHAUSTED });
  });

  it('dialUnix clients refuse larger replies and requests', async () => {
    const socket = path.join(tmp.path, 'unlimited.sock');
    servers.push(await echoServer(socket, UNLIMITED));
    const { Client } = echoPackage();
    const client = open(dialUnix(Client, socket) as unknown as EchoClient);

    await expect(unary(client, '', LIMIT / 2)).resolves.toMatchObject({ text: 'y'.repeat(LIMIT / 2) });
    await expect(unary(client, '', LIMIT + 1)).rejects.toMatchObject({ code: Status.RESOURCE_EXHAUSTED });
    await expect(unary(client, 'x'.repeat(LIMIT + 1))).rejects.toMatchObject({
      code: Status.RESOURCE_EXHAUSTED,
    });
  });
});
