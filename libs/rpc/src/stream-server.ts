// An HTTP/2 server that hands every gRPC stream, undecoded, to a dispatcher: the front of the
// proxies (routerd on a unix socket, apid on TCP with mutual TLS). It checks only what makes a
// request gRPC at all, and keeps track of sessions so shutdown can drain them.
import * as http2 from 'node:http2';
import type { TlsOptions } from 'node:tls';
import { PROXY_HTTP2_SETTINGS } from './backend';
import { RpcError, Status } from './errors';
import { parseGrpcPath, respondError } from './grpc-http2';
import { prepareSocketPath, restrictSocketMode } from './socket-path';

const { constants: h2 } = http2;

export interface GrpcRequest {
  service: string;
  method: string;
  /** '/pkg.Service/Method' */
  path: string;
}

/** Handles one stream; may throw (or reject) an RpcError, which becomes the call's status. */
export type StreamDispatcher = (
  stream: http2.ServerHttp2Stream,
  headers: http2.IncomingHttpHeaders,
  request: GrpcRequest,
) => void | Promise<void>;

export class GrpcStreamServer {
  readonly server: http2.Http2Server | http2.Http2SecureServer;
  private readonly sessions = new Set<http2.ServerHttp2Session>();

  /** h2c when `tls` is omitted (unix sockets), HTTP/2 over TLS otherwise. */
  constructor(
    private readonly dispatch: StreamDispatcher,
    tls?: TlsOptions,
  ) {
    const options = { settings: PROXY_HTTP2_SETTINGS, maxSessionMemory: 64 };
    this.server = tls
      ? http2.createSecureServer({ ...options, ...tls, ALPNProtocols: ['h2'] })
      : http2.createServer(options);
    this.server.on('session', (session: http2.ServerHttp2Session) => {
      this.sessions.add(session);
      session.once('close', () => this.sessions.delete(session));
      session.on('error', () => session.destroy());
    });
    // Small unary replies must not wait for Nagle (no-op on unix sockets).
    this.server.on('connection', (socket: { setNoDelay?: (v: boolean) => void }) =>
      socket.setNoDelay?.(true),
    );
    this.server.on('stream', (stream, headers) => this.onStream(stream, headers));
  }

  /** Listens on a unix socket (stale socket removed, mode 0660). */
  async listenUnix(socketPath: string): Promise<void> {
    await prepareSocketPath(socketPath);
    await this.listen({ path: socketPath });
    await restrictSocketMode(socketPath);
  }

  /** Listens on TCP; returns the bound port. */
  async listenTcp(host: string, port: number): Promise<number> {
    await this.listen({ host, port });
    const addr = this.server.address();
    return typeof addr === 'object' && addr ? addr.port : port;
  }

  private listen(opts: { path?: string; host?: string; port?: number }): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) =>
        reject(new Error(`error listening on ${opts.path ?? `${opts.host}:${opts.port}`}: ${err.message}`));
      this.server.once('error', onError);
      this.server.listen(opts, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
  }

  /** Stops listening; in-flight streams get `graceMs` to finish before sessions are destroyed. */
  close(graceMs = 5000): Promise<void> {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        for (const session of this.sessions) session.destroy();
        finish();
      }, graceMs);
      timer.unref();
      this.server.close(() => finish());
      for (const session of this.sessions) session.close();
      if (this.sessions.size === 0 && !this.server.listening) finish();
    });
  }

  private onStream(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on('error', () => {});
    if (headers[h2.HTTP2_HEADER_METHOD] !== 'POST') {
      stream.respond({ [h2.HTTP2_HEADER_STATUS]: 405 }, { endStream: true });
      return;
    }
    const contentType = headers['content-type'];
    if (typeof contentType !== 'string' || !contentType.startsWith('application/grpc')) {
      stream.respond({ [h2.HTTP2_HEADER_STATUS]: 415 }, { endStream: true });
      return;
    }
    const path = headers[h2.HTTP2_HEADER_PATH] as string;
    const parsed = parseGrpcPath(path);
    if (!parsed) {
      respondError(stream, Status.UNIMPLEMENTED, `malformed method name ${JSON.stringify(path)}`);
      return;
    }
    try {
      const pending = this.dispatch(stream, headers, { ...parsed, path });
      if (pending) pending.catch((err) => this.fail(stream, err));
    } catch (err) {
      this.fail(stream, err);
    }
  }

  private fail(stream: http2.ServerHttp2Stream, err: unknown): void {
    const e = RpcError.from(err);
    respondError(stream, e.code, e.message);
  }
}
