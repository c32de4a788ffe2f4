// Reflection is loaded on its first call: if that fails, the call fails and the daemon lives on.
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { packageDefinition } from '@talos/api';
import { collect, healthStatus, makeTmpDir, type TmpDir } from '@talos/testing';
import { Status } from './errors';
import { addStandardServices, createServer, listenUnix, shutdownServer } from './server';

jest.mock('@grpc/reflection', () => ({
  ReflectionService: class {
    constructor() {
      throw new Error("ENOENT: no such file or directory, open 'reflection.proto'");
    }
  },
}));

describe('lazy reflection that cannot load', () => {
  let tmp: TmpDir;

  beforeAll(async () => {
    tmp = await makeTmpDir();
  });

  afterAll(async () => {
    await tmp.cleanup();
  });

  it('fails the call with INTERNAL and keeps serving', async () => {
    const server = createServer();
    addStandardServices(server, { serviceNames: [], packageDefinition });
    const socket = path.join(tmp.path, 'reflect.sock');
    await listenUnix(server, socket);
    const raw = new grpc.Client(`unix:${socket}`, grpc.credentials.createInsecure());
    const call = raw.makeBidiStreamRequest(
      '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo',
      (b: Buffer) => b,
      (b: Buffer) => b,
      new grpc.Metadata(),
      // Without the guard the handler threw inside grpc-js and the call never ended.
      { deadline: Date.now() + 5000 },
    );
    const replies = collect(call as unknown as grpc.ClientDuplexStream<unknown, Buffer>);
    call.write(Buffer.from([0x3a, 0x00]));
    call.end();
    await expect(replies).rejects.toMatchObject({
      code: Status.INTERNAL,
      details: expect.stringContaining('reflection unavailable: ENOENT'),
    });
    // Still serving: health answers.
    expect(await healthStatus(socket)).toBe(1); // SERVING
    raw.close();
    await shutdownServer(server, 100);
  });
});
