// The mTLS connection to a list of apid endpoints, with fail-over: a call that finds its endpoint
// UNAVAILABLE is tried on the next one. Payloads are opaque here; method descriptors say how to
// encode and decode them.
import * as grpc from '@grpc/grpc-js';
import { GRPC_MAX_MESSAGE_BYTES, METADATA_NODES } from '@talos/constants';
import { Endpoint, parseEndpoint } from './endpoint';

/** What a call needs to know about a method (a grpc-js MethodDefinition satisfies it). */
export interface RpcMethod<Req, Res> {
  path: string;
  requestSerialize: (value: Req) => Buffer;
  responseDeserialize: (bytes: Buffer) => Res;
}

export interface Credentials {
  /** PEM of the CA the endpoints' certificates are verified against. */
  ca: Buffer | string;
  /** PEM of the client certificate and key. */
  crt: Buffer | string;
  key: Buffer | string;
}

export interface ConnectionOptions extends Partial<Credentials> {
  endpoints: readonly string[];
  /**
   * Maintenance mode: TLS without a client certificate and without checking the server's (the node
   * has none we could know yet). Only for `apply-config --insecure`.
   */
  insecure?: boolean;
  /** Channel options for grpc-js (tests shorten back-offs). */
  channelOptions?: grpc.ChannelOptions;
}

export interface CallOptions {
  /** Nodes the call fans out to through the endpoint (apid `nodes` metadata). */
  nodes?: readonly string[];
  signal?: AbortSignal;
  /** Milliseconds until the call is abandoned with DEADLINE_EXCEEDED. */
  timeoutMs?: number;
}

/** One failure of the client layer, with the gRPC status code when there is one. */
export class ClientError extends Error {
  override name = 'ClientError';
  constructor(
    message: string,
    readonly code: grpc.status = grpc.status.UNKNOWN,
    readonly details: string = message,
  ) {
    super(message);
  }

  static from(err: unknown, context?: string): ClientError {
    if (err instanceof ClientError && !context) return err;
    const e = err as Partial<grpc.ServiceError> & { message?: string };
    const code = typeof e?.code === 'number' ? (e.code as grpc.status) : grpc.status.UNKNOWN;
    const details = e?.details || e?.message || String(err);
    return new ClientError(context ? `${context}: ${details}` : details, code, details);
  }
}

/** grpc-js details, without the empty "Resolution note:" it appends to connection errors. */
function detailsOf(err: grpc.ServiceError): string {
  return (err.details || err.message).replace(/\s*Resolution note:\s*$/, '');
}

function toBuffer(value: Buffer | string): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value);
}

function isAbortError(signal: AbortSignal | undefined, err: unknown): boolean {
  return !!signal?.aborted && (err as grpc.ServiceError)?.code === grpc.status.CANCELLED;
}

export class Connection {
  readonly endpoints: readonly Endpoint[];
  private readonly credentials: grpc.ChannelCredentials;
  private readonly clients = new Map<string, grpc.Client>();
  /** The endpoint that answered last; calls start there. */
  private current = 0;

  constructor(private readonly opts: ConnectionOptions) {
    if (opts.endpoints.length === 0)
      throw new ClientError('no endpoints configured', grpc.status.INVALID_ARGUMENT);
    this.endpoints = opts.endpoints.map((e) => parseEndpoint(e));
    if (opts.insecure) {
      this.credentials = grpc.credentials.createSsl(null, null, null, {
        rejectUnauthorized: false,
        checkServerIdentity: () => undefined,
      });
    } else {
      if (!opts.ca || !opts.crt || !opts.key)
        throw new ClientError('no client credentials (ca, crt, key) configured', grpc.status.UNAUTHENTICATED);
      // grpc-js verifies the chain against `ca` and the endpoint's host (IP SANs for IPs).
      this.credentials = grpc.credentials.createSsl(
        toBuffer(opts.ca),
        toBuffer(opts.key),
        toBuffer(opts.crt),
      );
    }
  }

  private client(endpoint: Endpoint): grpc.Client {
    let client = this.clients.get(endpoint.address);
    if (!client) {
      client = new grpc.Client(endpoint.address, this.credentials, {
        // The limit apid enforces: a larger reply could not reach us through it anyway.
        'grpc.max_receive_message_length': GRPC_MAX_MESSAGE_BYTES,
        'grpc.max_send_message_length': GRPC_MAX_MESSAGE_BYTES,
        ...this.opts.channelOptions,
      });
      this.clients.set(endpoint.address, client);
    }
    return client;
  }

  private metadata(opts: CallOptions): grpc.Metadata {
    const md = new grpc.Metadata();
    // One value per node, as the Talos client sends them; apid also accepts comma-joined values.
    for (const node of opts.nodes ?? []) md.add(METADATA_NODES, node);
    return md;
  }

  private callOptions(opts: CallOptions): grpc.CallOptions {
    return opts.timeoutMs ? { deadline: Date.now() + opts.timeoutMs } : {};
  }

  /** Endpoints in the order a call tries them: the last good one first. */
  private order(): Endpoint[] {
    const n = this.endpoints.length;
    return Array.from({ length: n }, (_, i) => this.endpoints[(this.current + i) % n] as Endpoint);
  }

  private markGood(endpoint: Endpoint): void {
    this.current = this.endpoints.indexOf(endpoint);
  }

  /** A unary call; resolves with the reply and the endpoint that gave it. */
  async unary<Req, Res>(
    method: RpcMethod<Req, Res>,
    request: Req,
    opts: CallOptions = {},
  ): Promise<{ reply: Res; endpoint: Endpoint }> {
    const failures: string[] = [];
    for (const endpoint of this.order()) {
      try {
        const reply = await this.unaryOn(endpoint, method, request, opts);
        this.markGood(endpoint);
        return { reply, endpoint };
      } catch (err) {
        const e = err as grpc.ServiceError;
        if (e.code === grpc.status.UNAVAILABLE && !opts.signal?.aborted) {
          failures.push(`error connecting to ${endpoint.address}: ${detailsOf(e)}`);
          continue;
        }
        throw ClientError.from(err);
      }
    }
    throw new ClientError(failures.join('; '), grpc.status.UNAVAILABLE);
  }

  private unaryOn<Req, Res>(
    endpoint: Endpoint,
    method: RpcMethod<Req, Res>,
    request: Req,
    opts: CallOptions,
  ): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      if (opts.signal?.aborted) {
        reject(new ClientError('call aborted', grpc.status.CANCELLED));
        return;
      }
      const call = this.client(endpoint).makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        request,
        this.metadata(opts),
        this.callOptions(opts),
        (err, value) => {
          opts.signal?.removeEventListener('abort', onAbort);
          if (err) reject(err);
          else resolve(value as Res);
        },
      );
      const onAbort = (): void => call.cancel();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * A server-streaming call as an async iterable. Aborting the signal cancels the call (the
   * cancellation travels through apid to the backend) and ends the iteration quietly. Fail-over
   * happens only before the first message: after that, a broken stream is an error.
   */
  async *stream<Req, Res>(
    method: RpcMethod<Req, Res>,
    request: Req,
    opts: CallOptions = {},
  ): AsyncGenerator<{ message: Res; endpoint: Endpoint }> {
    const failures: string[] = [];
    for (const endpoint of this.order()) {
      if (opts.signal?.aborted) return;
      const call = this.client(endpoint).makeServerStreamRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        request,
        this.metadata(opts),
        this.callOptions(opts),
      );
      const onAbort = (): void => call.cancel();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      let received = false;
      try {
        for await (const message of call as AsyncIterable<Res>) {
          if (!received) this.markGood(endpoint);
          received = true;
          yield { message, endpoint };
        }
        return;
      } catch (err) {
        if (isAbortError(opts.signal, err)) return;
        const e = err as grpc.ServiceError;
        if (!received && e.code === grpc.status.UNAVAILABLE) {
          failures.push(`error connecting to ${endpoint.address}: ${detailsOf(e)}`);
          continue;
        }
        throw ClientError.from(err);
      } finally {
        opts.signal?.removeEventListener('abort', onAbort);
        // Leaving the loop early (break, abort) must not leave the stream running.
        call.cancel();
      }
    }
    throw new ClientError(failures.join('; '), grpc.status.UNAVAILABLE);
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
