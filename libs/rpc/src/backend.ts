// Where a proxy sends calls, and the HTTP/2 sessions it keeps to each place. One session per
// backend is reused by every call (no per-call connection), and replaced as soon as it dies.
import * as http2 from 'node:http2';
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { NODE_DIAL_TIMEOUT_MS } from '@talos/constants';

/** Flow-control window for proxied streams: large enough that Read/Copy streams are not throttled. */
const STREAM_WINDOW_BYTES = 4 * 1024 * 1024;
const SESSION_WINDOW_BYTES = 16 * 1024 * 1024;

export const PROXY_HTTP2_SETTINGS: http2.Settings = {
  initialWindowSize: STREAM_WINDOW_BYTES,
  maxConcurrentStreams: 10_000,
};

/** A place calls can be forwarded to. `name` identifies it (pool key, error messages). */
export interface Backend {
  readonly name: string;
  /** `:authority` to send when the caller did not choose one. */
  readonly authority: string;
  connect(): http2.ClientHttp2Session;
}

/** A daemon's unix socket (h2c). */
export function unixBackend(socketPath: string): Backend {
  return {
    name: `unix:${socketPath}`,
    authority: 'localhost',
    connect: () =>
      http2.connect('http://localhost', {
        settings: PROXY_HTTP2_SETTINGS,
        createConnection: () => net.connect(socketPath),
      }),
  };
}

export interface TlsBackendOptions {
  host: string;
  port: number;
  /** Gives up on a connection not established (TCP + TLS) within this time; NODE_DIAL_TIMEOUT_MS by default. */
  dialTimeoutMs?: number;
  /** CA, client certificate and key, checkServerIdentity... (ALPN h2 is added). */
  tls: tls.ConnectionOptions;
}

/** Another node's apid (or trustd): HTTP/2 over TLS on TCP. */
export function tlsBackend(opts: TlsBackendOptions): Backend {
  const hostPort = net.isIPv6(opts.host) ? `[${opts.host}]:${opts.port}` : `${opts.host}:${opts.port}`;
  return {
    name: hostPort,
    authority: hostPort,
    connect: () => {
      const session = http2.connect(`https://${hostPort}`, {
        settings: PROXY_HTTP2_SETTINGS,
        createConnection: () => {
          const socket = tls.connect({
            ...opts.tls,
            host: opts.host,
            port: opts.port,
            servername: net.isIP(opts.host) ? undefined : opts.host,
            ALPNProtocols: ['h2'],
          });
          socket.setNoDelay(true);
          socket.setKeepAlive(true, 10_000);
          // An unreachable node (packets dropped) would otherwise hold its calls for minutes.
          const dialTimeoutMs = opts.dialTimeoutMs ?? NODE_DIAL_TIMEOUT_MS;
          socket.setTimeout(dialTimeoutMs, () =>
            socket.destroy(new Error(`connection to ${hostPort} not established within ${dialTimeoutMs} ms`)),
          );
          socket.once('secureConnect', () => socket.setTimeout(0));
          return socket;
        },
      });
      return session;
    },
  };
}

/** An in-process endpoint reached through a fresh duplex per session (see duplexPair). */
export function duplexBackend(name: string, createConnection: () => Duplex): Backend {
  return {
    name,
    authority: 'localhost',
    connect: () => http2.connect('http://localhost', { settings: PROXY_HTTP2_SETTINGS, createConnection }),
  };
}

/** Live client sessions by backend name. */
export class SessionPool {
  private readonly sessions = new Map<string, http2.ClientHttp2Session>();
  private closed = false;

  /** The backend's live session, connecting (again) when there is none. */
  session(backend: Backend): http2.ClientHttp2Session {
    if (this.closed) throw new Error('session pool is closed');
    const existing = this.sessions.get(backend.name);
    if (existing && !existing.closed && !existing.destroyed) return existing;
    const session = backend.connect();
    const forget = () => {
      if (this.sessions.get(backend.name) === session) this.sessions.delete(backend.name);
    };
    // Failures reach the callers through their streams; the session only has to be forgotten.
    session.on('error', forget);
    session.once('goaway', forget);
    session.once('close', forget);
    session.once('connect', () => session.setLocalWindowSize(SESSION_WINDOW_BYTES));
    // An idle cached session must not keep a process alive that is otherwise shutting down.
    session.unref();
    this.sessions.set(backend.name, session);
    return session;
  }

  /** Drops a backend's session (for example after its address changed). */
  evict(name: string): void {
    const session = this.sessions.get(name);
    this.sessions.delete(name);
    session?.close();
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Closes every session: graceful close lets in-flight streams finish, then destroy. */
  close(): void {
    this.closed = true;
    for (const session of this.sessions.values()) session.destroy();
    this.sessions.clear();
  }
}
