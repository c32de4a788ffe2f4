// apid: the node's API gateway. Mutual TLS on TCP (and a plain unix socket for local callers),
// calls without `nodes` go to the local routerd untouched, calls with `nodes` go to every listed
// node's apid and come back merged. Never decodes a payload.
import type * as grpc from '@grpc/grpc-js';
import * as http2 from 'node:http2';
import type { TLSSocket } from 'node:tls';
import { methodInfo, packageDefinition } from '@talos/api';
import {
  DEFAULT_ROUTES,
  isRole,
  METADATA_FORWARDED_BY,
  METADATA_NODES,
  METADATA_PROXY_FROM,
  METADATA_ROLE,
  requiredRole,
  type Role,
  ROLE_ADMIN,
  ROLE_IMPERSONATOR,
  roleAllows,
  ROUTER_SERVICE,
  strongestRole,
} from '@talos/constants';
import type { Logger } from '@talos/log';
import {
  addStandardServices,
  type Backend,
  createServer,
  forwardableHeaders,
  GrpcStreamServer,
  type GrpcRequest,
  HEALTH_SERVICE,
  inProcessBackend,
  PassThroughProxy,
  REFLECTION_SERVICES,
  RpcError,
  SessionPool,
  Status,
} from '@talos/rpc';
import type { CertificateProvider, ServingCertificate } from './certificate-provider';
import { NodeDialer, type NodeResolver } from './node-dialer';
import { OneToManyCall } from './one-to-many';

const { constants: h2 } = http2;

/** Headers apid sets itself: a caller's values are dropped. */
const NOT_FORWARDED = new Set([METADATA_NODES, METADATA_PROXY_FROM, METADATA_FORWARDED_BY, METADATA_ROLE]);
/** Node-to-node calls must come back uncompressed: apid edits their bytes. */
const NOT_FORWARDED_TO_NODES = new Set([...NOT_FORWARDED, 'grpc-accept-encoding']);
const LOCAL_SERVICES = new Set<string>([HEALTH_SERVICE, ...REFLECTION_SERVICES]);
/**
 * What health and reflection advertise: the services a call through apid reaches (routerd's
 * routes). The rest of proto/ (trustd's SecurityService, StorageService) is not routed here.
 */
export const ADVERTISED_SERVICES: readonly string[] = Object.keys(DEFAULT_ROUTES).sort();

export interface ApidOptions {
  certificates: CertificateProvider;
  /** routerd's socket, as a backend (unixBackend(paths.socket('routerd'))). */
  local: Backend;
  logger: Logger;
  /** Where `nodes` names are dialed; host = name, port = APID_PORT by default. */
  resolveNode?: NodeResolver;
  /** Compatibility: a client certificate without a role acts as os:admin (default: refused). */
  allowRolelessAdmin?: boolean;
}

/** Who is on the other end of a TLS session, as its client certificate says. */
interface PeerIdentity {
  /** The certificate's role; undefined when it carries none. */
  role: Role | undefined;
  /** A node's apid (O=os:impersonator from trustd): it passes its caller's role along. */
  impersonator: boolean;
}

function peerIdentity(session: http2.Http2Session | undefined): PeerIdentity {
  const socket = session?.socket as TLSSocket | undefined;
  const cert = typeof socket?.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
  const o = cert?.subject?.O;
  const orgs = o === undefined ? [] : Array.isArray(o) ? o : [o];
  return { role: strongestRole(orgs), impersonator: orgs.includes(ROLE_IMPERSONATOR) };
}

/** `nodes` metadata: comma-separated and/or repeated values (http2 joins repeats with ", "). */
export function parseNodes(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const joined = Array.isArray(value) ? value.join(',') : value;
  return joined
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

export function tlsServerOptions(cert: ServingCertificate) {
  return {
    key: cert.key,
    cert: cert.crt,
    ca: cert.ca,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2' as const,
  };
}

export class Apid {
  private readonly log: Logger;
  private readonly pool = new SessionPool();
  private readonly proxy = new PassThroughProxy(this.pool);
  private readonly dialer: NodeDialer;
  private readonly admin: grpc.Server;
  private readonly adminBackend: Backend & { close(): void };
  private readonly servers: GrpcStreamServer[] = [];
  private readonly unsubscribe: () => void;
  /** Peer identity per TLS session: the certificate cannot change within a session. */
  private readonly identities = new WeakMap<http2.Http2Session, PeerIdentity>();

  constructor(private readonly opts: ApidOptions) {
    this.log = opts.logger;
    this.dialer = new NodeDialer(opts.certificates, this.pool, opts.resolveNode);
    this.admin = createServer();
    addStandardServices(this.admin, {
      serviceNames: [...ADVERTISED_SERVICES],
      packageDefinition,
      reflectServices: [...ADVERTISED_SERVICES],
    });
    this.adminBackend = inProcessBackend(this.admin, 'apid');
    // Renewal: new TLS connections use the new certificate at once; open ones keep theirs.
    this.unsubscribe = opts.certificates.onChange((cert) => {
      for (const server of this.servers) {
        const secure = server.server as http2.Http2SecureServer;
        if (typeof secure.setSecureContext === 'function') secure.setSecureContext(tlsServerOptions(cert));
      }
      this.log.info('serving certificate replaced');
    });
  }

  /** Mutual TLS listener (the API port); returns the bound port. */
  async listenTls(host: string, port: number): Promise<number> {
    const server = new GrpcStreamServer(
      (s, h, r) => this.dispatch(s, h, r, this.authorize(s, h, r)),
      tlsServerOptions(this.opts.certificates.current()),
    );
    this.servers.push(server);
    const bound = await server.listenTcp(host, port);
    this.log.info({ address: host, port: bound }, 'apid listening (mutual TLS)');
    return bound;
  }

  /**
   * Local listener without TLS (machined's health check, local tools). Unauthenticated: the socket
   * is root-only on a node, so its callers act as os:admin.
   */
  async listenUnix(socketPath: string): Promise<void> {
    const server = new GrpcStreamServer((s, h, r) => this.dispatch(s, h, r, ROLE_ADMIN));
    this.servers.push(server);
    await server.listenUnix(socketPath);
    this.log.info({ socket: socketPath }, 'apid listening (local socket)');
  }

  async close(graceMs = 5000): Promise<void> {
    this.unsubscribe();
    await Promise.all(this.servers.map((s) => s.close(graceMs)));
    this.pool.close();
    this.adminBackend.close();
    this.admin.forceShutdown();
  }

  /**
   * The caller's role on the mutual TLS port, checked against the method's minimum role. A node's
   * apid (impersonator) is trusted for the role its own caller had, carried in METADATA_ROLE.
   */
  private authorize(
    stream: http2.ServerHttp2Stream,
    headers: http2.IncomingHttpHeaders,
    request: GrpcRequest,
  ): Role {
    const session = stream.session;
    let identity = session ? this.identities.get(session) : undefined;
    if (identity === undefined) {
      identity = peerIdentity(session);
      if (session) this.identities.set(session, identity);
    }
    let role: Role | undefined;
    if (identity.impersonator) {
      const passed = headers[METADATA_ROLE];
      const value = Array.isArray(passed) ? passed[0] : passed;
      if (value === undefined || !isRole(value)) {
        throw new RpcError(
          Status.PERMISSION_DENIED,
          `forwarded call to ${request.path} carries no valid caller role`,
        );
      }
      role = value;
    } else {
      role = identity.role ?? (this.opts.allowRolelessAdmin ? ROLE_ADMIN : undefined);
      if (role === undefined) {
        throw new RpcError(
          Status.PERMISSION_DENIED,
          `client certificate carries no role (os:admin, os:operator or os:reader); ${request.path} refused`,
        );
      }
    }
    const needed = requiredRole(request.path);
    if (!roleAllows(role, needed)) {
      throw new RpcError(
        Status.PERMISSION_DENIED,
        `method ${request.path} requires role ${needed} (caller has ${role})`,
      );
    }
    return role;
  }

  private dispatch(
    stream: http2.ServerHttp2Stream,
    headers: http2.IncomingHttpHeaders,
    request: GrpcRequest,
    role: Role,
  ): void {
    if (request.service === ROUTER_SERVICE) {
      throw new RpcError(
        Status.PERMISSION_DENIED,
        `service "${ROUTER_SERVICE}" is not available through apid`,
      );
    }
    const proxyFrom = headers[METADATA_PROXY_FROM];
    const nodes = proxyFrom === undefined ? parseNodes(headers[METADATA_NODES]) : [];

    if (nodes.length === 0) {
      if (LOCAL_SERVICES.has(request.service)) {
        this.proxy.forward(stream, headers, this.adminBackend);
        return;
      }
      const upstream = forwardableHeaders(headers, NOT_FORWARDED);
      upstream[METADATA_FORWARDED_BY] = 'apid';
      upstream[METADATA_ROLE] = role;
      if (proxyFrom !== undefined) upstream[METADATA_PROXY_FROM] = proxyFrom;
      this.proxy.forward(stream, headers, this.opts.local, {
        headers: upstream,
        validateRequestFrames: true,
        onDone: (r) => this.logTransport(request, r),
      });
      return;
    }

    const toNodes = forwardableHeaders(headers, NOT_FORWARDED_TO_NODES);
    toNodes[METADATA_PROXY_FROM] = (headers[h2.HTTP2_HEADER_AUTHORITY] as string | undefined) ?? 'unknown';
    toNodes[METADATA_ROLE] = role;

    const info = methodInfo(request.path);
    const fanOutKind =
      info && !info.requestStream ? (info.responseStream ? 'server-streaming' : 'unary') : undefined;
    if (fanOutKind === undefined) {
      if (nodes.length !== 1) {
        const what = info
          ? `${info.requestStream && info.responseStream ? 'bidirectional' : 'client'}-streaming method`
          : 'method outside the API';
        throw new RpcError(
          Status.UNIMPLEMENTED,
          `one-to-many proxying is not supported for ${what} ${request.path}`,
        );
      }
      // One node: a plain pass-through to it (any streaming kind works one-to-one).
      const backend = this.dialer.backend(nodes[0]!);
      this.proxy.forward(stream, headers, backend, {
        headers: toNodes,
        authority: backend.authority,
        validateRequestFrames: true,
      });
      return;
    }
    new OneToManyCall(stream, headers, {
      nodes,
      kind: fanOutKind,
      path: request.path,
      headers: toNodes,
      dialer: this.dialer,
      pool: this.pool,
      logger: this.log,
    });
  }

  private logTransport(
    request: GrpcRequest,
    result: { transport: boolean; code: number; message: string },
  ): void {
    if (result.transport)
      this.log.warn(
        { path: request.path, code: result.code, error: result.message },
        'local call failed in transport',
      );
  }
}
