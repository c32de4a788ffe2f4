import * as fs from 'node:fs';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import * as descriptor from 'protobufjs/ext/descriptor';
import { packageDefinition, services } from '@talos/api';
import { collect, echoClient, echoPackage, makeTmpDir, type TmpDir } from '@talos/testing';
import { Status } from './errors';
import { PassThroughProxy } from './proxy';
import {
  addStandardServices,
  createServer,
  HEALTH_SERVICE,
  implement,
  inProcessBackend,
  listenUnix,
  REFLECTION_SERVICES,
  shutdownServer,
} from './server';
import { GrpcStreamServer } from './stream-server';

describe('grpc-js server helpers', () => {
  let tmp: TmpDir;

  beforeAll(async () => {
    tmp = await makeTmpDir();
  });

  afterAll(async () => {
    await tmp.cleanup();
  });

  it('listens on a unix socket with mode 0660, replacing a stale socket but not a live one', async () => {
    const socket = path.join(tmp.path, 'nested', 'dir', 'svc.sock');
    // A stale socket: its owner was killed before it could unlink it.
    fs.mkdirSync(path.dirname(socket), { recursive: true });
    const owner = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(socket)}, () => console.log('up'))`,
    ]);
    await new Promise((r) => owner.stdout.once('data', r));
    owner.kill('SIGKILL');
    await new Promise((r) => owner.once('exit', r));
    expect(fs.statSync(socket).isSocket()).toBe(true);

    const server = createServer();
    await listenUnix(server, socket);
    expect(fs.statSync(socket).mode & 0o777).toBe(0o660);

    const second = createServer();
    await expect(listenUnix(second, socket)).rejects.toThrow(/another process is listening/);
    await shutdownServer(server, 100);
    second.forceShutdown();
  });

  it('answers every unimplemented method by name, whatever its streaming kind', async () => {
    const socket = path.join(tmp.path, 'echo-unimpl.sock');
    const server = createServer();
    const { service } = echoPackage();
    server.addService(service, implement(service, {}));
    await listenUnix(server, socket);
    const client = echoClient(`unix:${socket}`);
    const expected = (m: string) => ({
      code: Status.UNIMPLEMENTED,
      details: `method test.echo.Echo/${m} is not implemented`,
    });

    await expect(
      new Promise((resolve, reject) =>
        client.Unary({}, new grpc.Metadata(), {}, (e, r) => (e ? reject(e) : resolve(r))),
      ),
    ).rejects.toMatchObject(expected('Unary'));
    await expect(collect(client.ServerStream({}))).rejects.toMatchObject(expected('ServerStream'));
    await expect(
      new Promise((resolve, reject) =>
        client.ClientStream(new grpc.Metadata(), {}, (e, r) => (e ? reject(e) : resolve(r))).end(),
      ),
    ).rejects.toMatchObject(expected('ClientStream'));
    const bidi = client.Bidi();
    bidi.end();
    await expect(collect(bidi)).rejects.toMatchObject(expected('Bidi'));
    client.close();
    await shutdownServer(server, 100);
  });

  it('keeps the handlers it was given', async () => {
    const handlers = implement<grpc.UntypedServiceImplementation>(services.time.TimeService, {
      Time: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => cb(null, {}),
    });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(services.time.TimeService).sort());
  });

  it('serves health and reflection, reachable in-process through the raw proxy', async () => {
    const admin = createServer();
    addStandardServices(admin, { serviceNames: ['time.TimeService'], packageDefinition });
    const backend = inProcessBackend(admin, 'in-process');
    const proxy = new PassThroughProxy();
    const front = new GrpcStreamServer((stream, headers) => {
      proxy.forward(stream, headers, backend);
    });
    const socket = path.join(tmp.path, 'front.sock');
    await front.listenUnix(socket);

    const healthPkg = grpc.loadPackageDefinition(
      protoLoader.loadSync(healthProtoPath, { enums: String }),
    ) as unknown as {
      grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
    };
    const health = new healthPkg.grpc.health.v1.Health(`unix:${socket}`, grpc.credentials.createInsecure());
    const check = (service: string) =>
      new Promise<{ status: string }>((resolve, reject) =>
        health.check!({ service }, (e: grpc.ServiceError | null, r: { status: string }) =>
          e ? reject(e) : resolve(r),
        ),
      );
    await expect(check('')).resolves.toMatchObject({ status: 'SERVING' });
    await expect(check('time.TimeService')).resolves.toMatchObject({ status: 'SERVING' });
    await expect(check('nope.Nope')).rejects.toMatchObject({ code: Status.NOT_FOUND });
    health.close();

    // Reflection: list services over the v1 bidi stream, with raw bytes (field 7 = list_services).
    const raw = new grpc.Client(`unix:${socket}`, grpc.credentials.createInsecure());
    const call = raw.makeBidiStreamRequest(
      '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo',
      (b: Buffer) => b,
      (b: Buffer) => b,
    );
    const replies = collect(call as unknown as grpc.ClientDuplexStream<unknown, Buffer>);
    call.write(Buffer.from([0x3a, 0x00]));
    call.end();
    const text = Buffer.concat(await replies).toString('latin1');
    expect(text).toContain('machine.MachineService');
    expect(text).toContain('time.TimeService');
    raw.close();

    await front.close(100);
    proxy.pool.close();
    backend.close();
    admin.forceShutdown();
  });

  it('lists the services it was told to reflect, with health and reflection themselves', async () => {
    const admin = createServer();
    addStandardServices(admin, {
      serviceNames: ['time.TimeService'],
      packageDefinition,
      reflectServices: ['time.TimeService'],
    });
    const socket = path.join(tmp.path, 'reflected.sock');
    await listenUnix(admin, socket);

    const reflectionProto =
      require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
    const pkg = grpc.loadPackageDefinition(
      protoLoader.loadSync(reflectionProto, { keepCase: true }),
    ) as unknown as {
      grpc: { reflection: { v1: { ServerReflection: grpc.ServiceClientConstructor } } };
    };
    const client = new pkg.grpc.reflection.v1.ServerReflection(
      `unix:${socket}`,
      grpc.credentials.createInsecure(),
    );
    const open = client['ServerReflectionInfo'] as () => grpc.ClientDuplexStream<object, ReflectionReply>;
    const ask = (request: object) =>
      new Promise<ReflectionReply>((resolve, reject) => {
        const call = open.call(client);
        call.on('data', (res: ReflectionReply) => {
          resolve(res);
          call.end();
        });
        call.on('error', reject);
        call.write(request);
      });

    const listed = await ask({ list_services: '*' });
    expect((listed.list_services_response?.service ?? []).map((s) => s.name).sort()).toEqual([
      HEALTH_SERVICE,
      ...REFLECTION_SERVICES,
      'time.TimeService',
    ]);
    // grpcurl describes what it lists: health's file comes back under its grpc-go name.
    const health = await ask({ file_containing_symbol: HEALTH_SERVICE });
    expect(health.error_response).toBeFalsy();
    const names = (health.file_descriptor_response?.file_descriptor_proto ?? []).map(
      (bytes) => descriptor.FileDescriptorProto.decode(bytes).name,
    );
    expect(names).toEqual(['grpc/health/v1/health.proto']);

    client.close();
    await shutdownServer(admin, 100);
  });
});

interface ReflectionReply {
  list_services_response?: { service: Array<{ name: string }> };
  file_descriptor_response?: { file_descriptor_proto: Buffer[] };
  error_response?: { error_message: string };
}
