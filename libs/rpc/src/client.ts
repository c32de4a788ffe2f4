// grpc-js clients to a daemon's unix socket, and a promise wrapper for unary calls.
import * as grpc from '@grpc/grpc-js';
import { MESSAGE_SIZE_OPTIONS } from './server';

/** grpc-js target for a unix socket path. */
export function unixTarget(socketPath: string): string {
  return `unix:${socketPath}`;
}

type ClientConstructor<C> = new (
  address: string,
  credentials: grpc.ChannelCredentials,
  options?: Partial<grpc.ClientOptions>,
) => C;

/** A typed client on a unix socket: `dialUnix(clients.time.TimeService, paths.socket('routerd'))`. */
export function dialUnix<C>(
  Client: ClientConstructor<C>,
  socketPath: string,
  options: Partial<grpc.ClientOptions> = {},
): C {
  return new Client(unixTarget(socketPath), grpc.credentials.createInsecure(), {
    ...MESSAGE_SIZE_OPTIONS,
    ...options,
  });
}

export interface CallOptions {
  metadata?: grpc.Metadata;
  /** Deadline in milliseconds from now. */
  timeoutMs?: number;
}

/**
 * Request and response types of a typed client's unary method, read from its shortest overload
 * `(argument, callback)` (the last one in grpc-js generated clients).
 */
type UnaryTypes<F> = F extends (
  argument: infer Req,
  callback: grpc.requestCallback<infer Res>,
) => grpc.ClientUnaryCall
  ? { request: Req; response: Res }
  : never;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyUnary = (...args: any[]) => grpc.ClientUnaryCall;

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  callback: (err: grpc.ServiceError | null, response?: Res) => void,
) => unknown;

/**
 * Calls a unary method of a typed client: `await unary(client, client.Time, {})` (types read
 * from the method), or `unary<Req, Res>(client, client.Time, {})` with explicit types.
 */
export function unary<Req, Res>(
  client: grpc.Client,
  method: UnaryMethod<Req, Res>,
  request: Req,
  opts?: CallOptions,
): Promise<Res>;
export function unary<F extends AnyUnary>(
  client: grpc.Client,
  method: F,
  request: UnaryTypes<F>['request'],
  opts?: CallOptions,
): Promise<UnaryTypes<F>['response']>;
export function unary(
  client: grpc.Client,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  method: (...args: any[]) => unknown,
  request: unknown,
  opts: CallOptions = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const options: Partial<grpc.CallOptions> = opts.timeoutMs
      ? { deadline: Date.now() + opts.timeoutMs }
      : {};
    method.call(
      client,
      request,
      opts.metadata ?? new grpc.Metadata(),
      options,
      (err: grpc.ServiceError | null, response?: unknown) => {
        if (err) reject(err);
        else resolve(response);
      },
    );
  });
}
