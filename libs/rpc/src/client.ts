// grpc-js clients to a daemon's unix socket, and a promise wrapper for unary calls.
import * as grpc from '@grpc/grpc-js';

/** grpc-js target for a unix socket path. */
export function unixTarget(socketPath: string): string {
  return `unix:${socketPath}`;
}

type ClientConstructor<C> = new (address: string, credentials: grpc.ChannelCredentials, options?: Partial<grpc.ClientOptions>) => C;

/** A typed client on a unix socket: `dialUnix(clients.time.TimeService, paths.socket('routerd'))`. */
export function dialUnix<C>(Client: ClientConstructor<C>, socketPath: string, options: Partial<grpc.ClientOptions> = {}): C {
  return new Client(unixTarget(socketPath), grpc.credentials.createInsecure(), options);
}

export interface CallOptions {
  metadata?: grpc.Metadata;
  /** Deadline in milliseconds from now. */
  timeoutMs?: number;
}

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  callback: (err: grpc.ServiceError | null, response?: Res) => void,
) => unknown;

/** Calls a unary method of a client: `await unary(client, client.Time, {})`. */
export function unary<Req, Res>(client: grpc.Client, method: UnaryMethod<Req, Res>, request: Req, opts: CallOptions = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const options: Partial<grpc.CallOptions> = opts.timeoutMs ? { deadline: Date.now() + opts.timeoutMs } : {};
    method.call(client, request, opts.metadata ?? new grpc.Metadata(), options, (err, response) => {
      if (err) reject(err);
      else resolve(response as Res);
    });
  });
}
