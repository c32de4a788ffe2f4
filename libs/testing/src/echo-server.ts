// A real grpc-js server for proxy tests: one method of each streaming kind, with a name in every
// reply (which server answered), metadata echoed back, and a record of cancelled calls.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

export const ECHO_PROTO = `syntax = "proto3";
package test.echo;
service Echo {
  rpc Unary(EchoRequest) returns (EchoReply);
  rpc ServerStream(EchoRequest) returns (stream EchoReply);
  rpc ClientStream(stream EchoRequest) returns (EchoReply);
  rpc Bidi(stream EchoRequest) returns (stream EchoReply);
}
message EchoRequest {
  string text = 1;
  // server stream: replies to send (0 = until cancelled)
  int32 count = 2;
  int32 interval_ms = 3;
  // answer with this status code instead (unary)
  int32 fail_code = 4;
  // unary: wait this long before answering
  int32 delay_ms = 5;
}
message EchoReply {
  string text = 1;
  string served_by = 2;
  int32 index = 3;
}
`;

export interface EchoRequest {
  text?: string;
  count?: number;
  interval_ms?: number;
  fail_code?: number;
  delay_ms?: number;
}
export interface EchoReply {
  text: string;
  served_by: string;
  index: number;
}

type Unary = (
  req: EchoRequest,
  md: grpc.Metadata,
  opts: Partial<grpc.CallOptions>,
  cb: grpc.requestCallback<EchoReply>,
) => grpc.ClientUnaryCall;
export interface EchoClient extends grpc.Client {
  Unary: Unary;
  ServerStream(
    req: EchoRequest,
    md?: grpc.Metadata,
    opts?: Partial<grpc.CallOptions>,
  ): grpc.ClientReadableStream<EchoReply>;
  ClientStream(
    md: grpc.Metadata,
    opts: Partial<grpc.CallOptions>,
    cb: grpc.requestCallback<EchoReply>,
  ): grpc.ClientWritableStream<EchoRequest>;
  Bidi(md?: grpc.Metadata, opts?: Partial<grpc.CallOptions>): grpc.ClientDuplexStream<EchoRequest, EchoReply>;
}

let cached: grpc.GrpcObject | undefined;

/** The test.echo package, loaded from a .proto written to a temporary file. */
export function echoPackage(): { service: grpc.ServiceDefinition; Client: grpc.ServiceClientConstructor } {
  if (!cached) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'echo-proto-'));
    const file = path.join(dir, 'echo.proto');
    fs.writeFileSync(file, ECHO_PROTO);
    const def = protoLoader.loadSync(file, { keepCase: true, defaults: true });
    fs.rmSync(dir, { recursive: true, force: true });
    cached = grpc.loadPackageDefinition(def);
  }
  const Client = ((cached.test as grpc.GrpcObject).echo as grpc.GrpcObject)
    .Echo as grpc.ServiceClientConstructor;
  return { service: Client.service, Client };
}

/** A client of the echo service at a grpc-js target ('unix:/path', '127.0.0.1:port'). */
export function echoClient(
  target: string,
  creds = grpc.credentials.createInsecure(),
  options: grpc.ClientOptions = {},
): EchoClient {
  const { Client } = echoPackage();
  return new Client(target, creds, options) as unknown as EchoClient;
}

/** Response header and trailer the server sets from the request's `x-echo` metadata. */
export const ECHO_HEADER = 'x-echo';
export const ECHO_TRAILER = 'x-echo-trailer';

export class EchoServer {
  readonly server = new grpc.Server();
  /** Paths of calls the client cancelled while the server was still answering. */
  readonly cancelled: string[] = [];
  /** Metadata of every call received, in order. */
  readonly received: grpc.Metadata[] = [];

  constructor(readonly name: string) {
    const { service } = echoPackage();
    this.server.addService(service, {
      Unary: (call: grpc.ServerUnaryCall<EchoRequest, EchoReply>, cb: grpc.sendUnaryData<EchoReply>) => {
        this.seen(call);
        this.sendHeaders(call);
        const answer = () => {
          if (call.request.fail_code) {
            cb({
              code: call.request.fail_code,
              details: `failing as asked: ${call.request.text}`,
              metadata: this.trailers(call),
            });
            return;
          }
          cb(null, this.reply(call.request.text ?? '', 0), this.trailers(call));
        };
        if (call.request.delay_ms) {
          const timer = setTimeout(answer, call.request.delay_ms);
          call.on('cancelled', () => {
            clearTimeout(timer);
            this.cancelled.push('Unary');
          });
        } else answer();
      },
      ServerStream: (call: grpc.ServerWritableStream<EchoRequest, EchoReply>) => {
        this.seen(call);
        this.sendHeaders(call);
        const count = call.request.count ?? 0;
        let index = 0;
        const timer = setInterval(() => {
          if (call.cancelled) return;
          call.write(this.reply(call.request.text ?? '', index++));
          if (count > 0 && index >= count) {
            clearInterval(timer);
            call.end(this.trailers(call));
          }
        }, call.request.interval_ms || 1);
        call.on('cancelled', () => {
          clearInterval(timer);
          this.cancelled.push('ServerStream');
        });
      },
      ClientStream: (
        call: grpc.ServerReadableStream<EchoRequest, EchoReply>,
        cb: grpc.sendUnaryData<EchoReply>,
      ) => {
        this.seen(call);
        const texts: string[] = [];
        call.on('data', (req: EchoRequest) => texts.push(req.text ?? ''));
        call.on('end', () => cb(null, this.reply(texts.join(','), texts.length), this.trailers(call)));
      },
      Bidi: (call: grpc.ServerDuplexStream<EchoRequest, EchoReply>) => {
        this.seen(call);
        this.sendHeaders(call);
        let index = 0;
        call.on('data', (req: EchoRequest) => call.write(this.reply(req.text ?? '', index++)));
        call.on('end', () => call.end(this.trailers(call)));
        call.on('cancelled', () => this.cancelled.push('Bidi'));
      },
    });
  }

  /** Binds to a grpc-js address ('unix:/path' or '127.0.0.1:0'); returns the port. */
  listen(address: string, creds = grpc.ServerCredentials.createInsecure()): Promise<number> {
    return new Promise((resolve, reject) =>
      this.server.bindAsync(address, creds, (err, port) => (err ? reject(err) : resolve(port))),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.forceShutdown();
      resolve();
    });
  }

  private reply(text: string, index: number): EchoReply {
    return { text, served_by: this.name, index };
  }

  private seen(call: { metadata: grpc.Metadata }): void {
    this.received.push(call.metadata);
  }

  private sendHeaders(call: { metadata: grpc.Metadata; sendMetadata(md: grpc.Metadata): void }): void {
    const echo = call.metadata.get(ECHO_HEADER);
    if (echo.length === 0) return;
    const md = new grpc.Metadata();
    md.set(ECHO_HEADER, String(echo[0]));
    call.sendMetadata(md);
  }

  private trailers(call: { metadata: grpc.Metadata }): grpc.Metadata {
    const md = new grpc.Metadata();
    const echo = call.metadata.get(ECHO_HEADER);
    if (echo.length > 0) md.set(ECHO_TRAILER, String(echo[0]));
    md.set('x-served-by', this.name);
    return md;
  }
}

/** Collects a readable stream's messages until it ends (rejects with its error). */
export function collect<T>(
  stream: grpc.ClientReadableStream<T> | grpc.ClientDuplexStream<unknown, T>,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    stream.on('data', (m: T) => out.push(m));
    stream.on('error', reject);
    stream.on('end', () => resolve(out));
  });
}

/** Promise form of a unary echo call; resolves to the reply plus response headers and trailers. */
export function echoUnary(
  client: EchoClient,
  req: EchoRequest,
  metadata = new grpc.Metadata(),
  options: Partial<grpc.CallOptions> = {},
): Promise<{ reply: EchoReply; headers: grpc.Metadata; trailers: grpc.Metadata }> {
  return new Promise((resolve, reject) => {
    let headers = new grpc.Metadata();
    let trailers = new grpc.Metadata();
    let result: EchoReply | undefined;
    let failure: grpc.ServiceError | undefined;
    const call = client.Unary(req, metadata, options, (err, reply) => {
      if (err) failure = err;
      else result = reply;
    });
    call.on('metadata', (md) => (headers = md));
    call.on('status', (status) => {
      trailers = status.metadata;
      // The status event comes after the callback: settle here so trailers are known.
      setImmediate(() => (failure ? reject(failure) : resolve({ reply: result!, headers, trailers })));
    });
  });
}
