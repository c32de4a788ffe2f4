// routerd with real backends on unix sockets: routing, live swap, removal, its own services.
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { clients, type RouterServiceClient } from '@talos/api';
import { METADATA_FORWARDED_BY } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { dialUnix, Status, unary } from '@talos/rpc';
import {
  EchoServer,
  echoClient,
  echoUnary,
  makeTmpDir,
  type EchoClient,
  type EchoReply,
  type TmpDir,
} from '@talos/testing';
import { RouteTable } from './route-table';
import { Router } from './router';

describe('Router', () => {
  let tmp: TmpDir;
  let original: EchoServer;
  let replacement: EchoServer;
  let originalSocket: string;
  let replacementSocket: string;
  let routerSocket: string;
  let router: Router;
  let echo: EchoClient;
  let admin: RouterServiceClient;

  beforeAll(async () => {
    tmp = await makeTmpDir();
    originalSocket = path.join(tmp.path, 'original.sock');
    replacementSocket = path.join(tmp.path, 'replacement.sock');
    routerSocket = path.join(tmp.path, 'run', 'routerd', 'routerd.sock');
    original = new EchoServer('original');
    replacement = new EchoServer('replacement');
    await original.listen(`unix:${originalSocket}`);
    await replacement.listen(`unix:${replacementSocket}`);
    router = new Router({
      table: new RouteTable({ 'test.echo.Echo': originalSocket }),
      logger: silentLogger(),
    });
    await router.listen(routerSocket);
    echo = echoClient(`unix:${routerSocket}`);
    admin = dialUnix(clients.routerd.RouterService, routerSocket);
  });

  afterAll(async () => {
    echo.close();
    admin.close();
    await router.close(100);
    await original.close();
    await replacement.close();
    await tmp.cleanup();
  });

  it('routes a call to the default backend', async () => {
    const { reply } = await echoUnary(echo, { text: 'hi' });
    expect(reply.served_by).toBe('original');
  });

  it('swaps a route at run time: new calls go to the new backend, a stream in flight stays', async () => {
    const stream = echo.ServerStream({ text: 'long', count: 0, interval_ms: 5 });
    const seen: EchoReply[] = [];
    stream.on('data', (r: EchoReply) => seen.push(r));
    stream.on('error', () => {});
    await new Promise((resolve) => stream.once('data', resolve));

    const registered = await unary(admin, admin.RegisterRoute, {
      service: 'test.echo.Echo',
      socket: replacementSocket,
    });
    expect(registered.previousSocket).toBe(originalSocket);

    const { reply } = await echoUnary(echo, { text: 'after swap' });
    expect(reply.served_by).toBe('replacement');

    // The stream begun before the swap keeps flowing from where it started.
    const countAtSwap = seen.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.length).toBeGreaterThan(countAtSwap);
    expect(new Set(seen.map((r) => r.served_by))).toEqual(new Set(['original']));
    stream.cancel();

    const listed = await unary(admin, admin.ListRoutes, {});
    expect(listed.routes.map((r) => ({ service: r.service, socket: r.socket, default: r.default }))).toEqual([
      { service: 'test.echo.Echo', socket: replacementSocket, default: false },
    ]);
  });

  it('restores the default route when the replacement is removed', async () => {
    const removed = await unary(admin, admin.RemoveRoute, { service: 'test.echo.Echo' });
    expect(removed).toMatchObject({ removed: true, socket: replacementSocket });
    const { reply } = await echoUnary(echo, { text: 'back' });
    expect(reply.served_by).toBe('original');
  });

  it('answers UNIMPLEMENTED naming an unrouted service', async () => {
    const raw = new grpc.Client(`unix:${routerSocket}`, grpc.credentials.createInsecure());
    const err = await new Promise<grpc.ServiceError>((resolve) =>
      raw.makeUnaryRequest(
        '/foo.Bar/Baz',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.alloc(0),
        (e) => resolve(e!),
      ),
    );
    raw.close();
    expect(err).toMatchObject({ code: Status.UNIMPLEMENTED, details: 'service "foo.Bar" is not routed' });
  });

  it('refuses bad registrations with a reason', async () => {
    await expect(
      unary(admin, admin.RegisterRoute, { service: 'nope', socket: '/x.sock' }),
    ).rejects.toMatchObject({
      code: Status.INVALID_ARGUMENT,
    });
    await expect(
      unary(admin, admin.RegisterRoute, { service: 'routerd.RouterService', socket: '/x.sock' }),
    ).rejects.toMatchObject({
      code: Status.PERMISSION_DENIED,
    });
  });

  it('refuses the route API to calls apid forwarded', async () => {
    const md = new grpc.Metadata();
    md.set(METADATA_FORWARDED_BY, 'apid');
    await expect(unary(admin, admin.ListRoutes, {}, { metadata: md })).rejects.toMatchObject({
      code: Status.PERMISSION_DENIED,
      details: expect.stringMatching(/only available on the local socket/),
    });
  });

  it('serves the health service on its socket', async () => {
    const pkg = grpc.loadPackageDefinition(
      protoLoader.loadSync(healthProtoPath, { enums: String }),
    ) as unknown as {
      grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
    };
    const health = new pkg.grpc.health.v1.Health(`unix:${routerSocket}`, grpc.credentials.createInsecure());
    const status = await new Promise((resolve, reject) =>
      health.check!(
        { service: 'routerd.RouterService' },
        (e: grpc.ServiceError | null, r: { status: string }) => (e ? reject(e) : resolve(r.status)),
      ),
    );
    health.close();
    expect(status).toBe('SERVING');
  });

  it('answers UNAVAILABLE when a routed backend is down', async () => {
    await unary(admin, admin.RegisterRoute, {
      service: 'test.echo.Echo',
      socket: path.join(tmp.path, 'down.sock'),
    });
    await expect(echoUnary(echo, { text: 'x' })).rejects.toMatchObject({ code: Status.UNAVAILABLE });
    await unary(admin, admin.RemoveRoute, { service: 'test.echo.Echo' });
  });
});
