// The pass-through proxy between a real grpc-js client and a real grpc-js server, both on unix
// sockets: every streaming kind, metadata, deadlines, cancellation, failures.
import * as http2 from 'node:http2';
import * as net from 'node:net';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import {
  collect,
  EchoServer,
  echoClient,
  echoUnary,
  makeTmpDir,
  type EchoClient,
  type TmpDir,
} from '@talos/testing';
import { unixBackend } from './backend';
import { RpcError, Status } from './errors';
import { encodeFrame } from './framing';
import { PassThroughProxy } from './proxy';
import { GrpcStreamServer } from './stream-server';
import type { UpstreamResult } from './upstream-call';

async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('PassThroughProxy', () => {
  let tmp: TmpDir;
  let backend: EchoServer;
  let backendSocket: string;
  let target: string;
  let front: GrpcStreamServer;
  let proxy: PassThroughProxy;
  let client: EchoClient;
  let frontSocket: string;
  const results: UpstreamResult[] = [];

  beforeAll(async () => {
    tmp = await makeTmpDir();
    backendSocket = path.join(tmp.path, 'backend.sock');
    frontSocket = path.join(tmp.path, 'front.sock');
    backend = new EchoServer('backend-1');
    await backend.listen(`unix:${backendSocket}`);
    target = backendSocket;
    proxy = new PassThroughProxy();
    front = new GrpcStreamServer((stream, headers, req) => {
      if (req.service !== 'test.echo.Echo')
        throw new RpcError(Status.UNIMPLEMENTED, `service "${req.service}" is not routed`);
      proxy.forward(stream, headers, unixBackend(target), {
        validateRequestFrames: true,
        onDone: (r) => results.push(r),
      });
    });
    await front.listenUnix(frontSocket);
    client = echoClient(`unix:${frontSocket}`);
  });

  afterEach(() => {
    target = backendSocket;
  });

  afterAll(async () => {
    client.close();
    await front.close(100);
    proxy.pool.close();
    await backend.close();
    await tmp.cleanup();
  });

  it('forwards a unary call with metadata both ways', async () => {
    const md = new grpc.Metadata();
    md.set('x-echo', 'ping');
    const { reply, headers, trailers } = await echoUnary(client, { text: 'hello' }, md);
    expect(reply).toEqual({ text: 'hello', served_by: 'backend-1', index: 0 });
    expect(headers.get('x-echo')).toEqual(['ping']);
    expect(trailers.get('x-echo-trailer')).toEqual(['ping']);
    expect(trailers.get('x-served-by')).toEqual(['backend-1']);
    expect(backend.received.at(-1)?.get('x-echo')).toEqual(['ping']);
  });

  it('forwards an error status and its message', async () => {
    await expect(echoUnary(client, { text: 'nope', fail_code: Status.NOT_FOUND })).rejects.toMatchObject({
      code: Status.NOT_FOUND,
      details: 'failing as asked: nope',
    });
  });

  it('forwards a server stream', async () => {
    const replies = await collect(client.ServerStream({ text: 's', count: 5 }));
    expect(replies.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('forwards a client stream', async () => {
    const reply = await new Promise((resolve, reject) => {
      const call = client.ClientStream(new grpc.Metadata(), {}, (err, r) => (err ? reject(err) : resolve(r)));
      for (const text of ['a', 'b', 'c']) call.write({ text });
      call.end();
    });
    expect(reply).toMatchObject({ text: 'a,b,c', index: 3 });
  });

  it('forwards a bidirectional stream message by message', async () => {
    const call = client.Bidi();
    const got: string[] = [];
    const done = collect(call);
    call.write({ text: 'one' });
    await new Promise<void>((resolve) =>
      call.once('data', (r: { text: string }) => (got.push(r.text), resolve())),
    );
    call.write({ text: 'two' });
    call.end();
    const rest = await done;
    expect([...got, ...rest.map((r) => r.text)]).toEqual(['one', 'one', 'two']);
  });

  it('carries big messages in both directions', async () => {
    const text = 'x'.repeat(3 * 1024 * 1024);
    const { reply } = await echoUnary(client, { text });
    expect(reply.text.length).toBe(text.length);
  });

  it('propagates the deadline: DEADLINE_EXCEEDED, and the backend sees the call cancelled', async () => {
    const before = backend.cancelled.filter((c) => c === 'Unary').length;
    await expect(
      echoUnary(client, { text: 'slow', delay_ms: 5000 }, new grpc.Metadata(), {
        deadline: Date.now() + 200,
      }),
    ).rejects.toMatchObject({
      code: Status.DEADLINE_EXCEEDED,
    });
    await eventually(() => expect(backend.cancelled.filter((c) => c === 'Unary').length).toBe(before + 1));
  });

  it('ends the backend stream when the client cancels', async () => {
    const call = client.ServerStream({ text: 'forever', count: 0, interval_ms: 10 });
    call.on('error', () => {});
    await new Promise((resolve) => call.once('data', resolve));
    const before = backend.cancelled.filter((c) => c === 'ServerStream').length;
    call.cancel();
    await eventually(() =>
      expect(backend.cancelled.filter((c) => c === 'ServerStream').length).toBe(before + 1),
    );
  });

  it('answers UNIMPLEMENTED naming a service nobody serves', async () => {
    const raw = new grpc.Client(`unix:${frontSocket}`, grpc.credentials.createInsecure());
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
    expect(err.code).toBe(Status.UNIMPLEMENTED);
    expect(err.details).toBe('service "foo.Bar" is not routed');
  });

  it('answers UNAVAILABLE when the backend is down', async () => {
    target = path.join(tmp.path, 'nobody.sock');
    const err = await echoUnary(client, { text: 'x' }).catch((e: grpc.ServiceError) => e);
    expect(err).toMatchObject({ code: Status.UNAVAILABLE });
    expect((err as grpc.ServiceError).details).toMatch(
      /^error dialing backend unix:.*nobody\.sock: .*ENOENT/,
    );
  });

  it('reports a backend that dies mid-stream as a failed status, not a hang', async () => {
    const dyingSocket = path.join(tmp.path, 'dying.sock');
    const dying = new EchoServer('dying');
    await dying.listen(`unix:${dyingSocket}`);
    target = dyingSocket;
    const call = client.ServerStream({ text: 'x', count: 0, interval_ms: 10 });
    const ended = collect(call).catch((e: grpc.ServiceError) => e);
    await new Promise((resolve) => call.once('data', resolve));
    await dying.close();
    const err = (await ended) as grpc.ServiceError;
    expect([Status.UNAVAILABLE, Status.CANCELLED, Status.INTERNAL]).toContain(err.code);
  });

  it('reuses one session per backend and reconnects after the backend restarts', async () => {
    const socket = path.join(tmp.path, 'restart.sock');
    let server = new EchoServer('first');
    await server.listen(`unix:${socket}`);
    target = socket;
    await Promise.all(Array.from({ length: 20 }, (_, i) => echoUnary(client, { text: String(i) })));
    const sessions = proxy.pool.size;
    await echoUnary(client, { text: 'again' });
    expect(proxy.pool.size).toBe(sessions);
    await server.close();
    server = new EchoServer('second');
    await server.listen(`unix:${socket}`);
    // The dead session may fail one call at most; the next one dials again.
    await echoUnary(client, { text: 'probe' }).catch(() => undefined);
    const { reply } = await echoUnary(client, { text: 'after' });
    expect(reply.served_by).toBe('second');
    await server.close();
  });

  it('rejects a malformed request frame with a clear status and keeps serving', async () => {
    const session = http2.connect('http://localhost', { createConnection: () => net.connect(frontSocket) });
    const stream = session.request({
      ':method': 'POST',
      ':path': '/test.echo.Echo/Unary',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let headers: http2.IncomingHttpHeaders = {};
    stream.on('response', (h) => (headers = h));
    stream.on('data', () => {});
    // Compressed flag without a grpc-encoding header.
    stream.end(encodeFrame(Buffer.from([0x0a, 0x01, 0x61]), true));
    await new Promise((resolve) => stream.on('close', resolve));
    session.close();
    expect(headers['grpc-status']).toBe(String(Status.INTERNAL));
    expect(decodeURIComponent(String(headers['grpc-message']))).toMatch(
      /compressed flag set but no grpc-encoding/,
    );
    const { reply } = await echoUnary(client, { text: 'still here' });
    expect(reply.text).toBe('still here');
  });

  it('rejects a request truncated inside a frame', async () => {
    const session = http2.connect('http://localhost', { createConnection: () => net.connect(frontSocket) });
    const stream = session.request({
      ':method': 'POST',
      ':path': '/test.echo.Echo/Unary',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let headers: http2.IncomingHttpHeaders = {};
    stream.on('response', (h) => (headers = h));
    stream.on('data', () => {});
    stream.end(encodeFrame(Buffer.from('hello world')).subarray(0, 8));
    await new Promise((resolve) => stream.on('close', resolve));
    session.close();
    expect(headers['grpc-status']).toBe(String(Status.INTERNAL));
    expect(decodeURIComponent(String(headers['grpc-message']))).toMatch(/stream ended 8 bytes short/);
  });

  it('reports every call outcome once', () => {
    expect(results.length).toBeGreaterThan(10);
    expect(results.some((r) => r.transport && r.code === Status.UNAVAILABLE)).toBe(true);
  });
});
