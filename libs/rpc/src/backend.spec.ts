import * as net from 'node:net';
import { tlsBackend, SessionPool } from './backend';
import { Status } from './errors';
import { UpstreamCall, type UpstreamResult } from './upstream-call';

describe('tlsBackend', () => {
  it('gives up on a peer that accepts TCP but never completes TLS', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s)).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as net.AddressInfo).port;
    const pool = new SessionPool();
    const started = Date.now();
    const result = await new Promise<UpstreamResult>((resolve) => {
      const call = new UpstreamCall(
        pool,
        tlsBackend({ host: '127.0.0.1', port, tls: {}, dialTimeoutMs: 150 }),
        { path: '/a.B/C', headers: { 'content-type': 'application/grpc' } },
        { data: () => true, end: resolve },
      );
      call.end();
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.code).toBe(Status.UNAVAILABLE);
    expect(result.message).toMatch(/not established within 150 ms/);
    pool.close();
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  });
});
