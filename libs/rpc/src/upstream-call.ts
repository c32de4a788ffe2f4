// One call to a backend on a raw HTTP/2 stream, with every way it can end (status trailers,
// trailers-only reply, reset, dial failure, HTTP error) folded into exactly one gRPC result.
import * as http2 from 'node:http2';
import type { Backend, SessionPool } from './backend';
import { Status, StatusCode } from './errors';
import { decodeGrpcMessage, statusFromHttp, statusFromRstCode, statusTrailers } from './grpc-http2';

const { constants: h2 } = http2;

/** Headers that describe one hop, never forwarded (HTTP/2 forbids most of them anyway). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
  'http2-settings',
]);

/** Copies the forwardable (non-pseudo, end-to-end) headers, into `out` when given. */
export function forwardableHeaders(
  headers: http2.IncomingHttpHeaders,
  drop?: ReadonlySet<string>,
  out: http2.OutgoingHttpHeaders = {},
): http2.OutgoingHttpHeaders {
  for (const name of Object.keys(headers)) {
    if (name.charCodeAt(0) === 58 /* ':' */ || HOP_BY_HOP.has(name) || drop?.has(name)) continue;
    out[name] = headers[name];
  }
  return out;
}

export interface UpstreamResult {
  code: StatusCode;
  message: string;
  /**
   * What to send downstream as trailers (or as the trailers-only reply): the backend's own,
   * or a synthesized status when the transport failed.
   */
  trailers: http2.OutgoingHttpHeaders;
  /** True when the proxy made the status up (dial failure, reset, bad HTTP status). */
  transport: boolean;
}

export interface UpstreamHandlers {
  /**
   * Response headers of a 200 reply that carries messages, ready to send on (`:status` included);
   * not called for trailers-only replies.
   */
  headers?(headers: http2.OutgoingHttpHeaders): void;
  /** Raw response bytes; return false to pause the backend until resume(). */
  data(chunk: Buffer): boolean | void;
  /** Called exactly once. */
  end(result: UpstreamResult): void;
}

export interface UpstreamRequest {
  /** `/pkg.Service/Method`. */
  path: string;
  /**
   * Forwardable request headers (metadata, grpc-timeout, te, content-type...). The call takes
   * the object over and adds the pseudo-headers to it (one copy less on the hot path).
   */
  headers: http2.OutgoingHttpHeaders;
  authority?: string;
}

export class UpstreamCall {
  private readonly stream: http2.ClientHttp2Stream | undefined;
  private done = false;
  private responded = false;
  private trailers: http2.OutgoingHttpHeaders | undefined;
  /**
   * Node emits 'response' on the next tick but DATA synchronously, so bytes read together with
   * the response headers arrive first: they wait here until the headers went out.
   */
  private early: Buffer[] | undefined;

  constructor(
    pool: SessionPool,
    readonly backend: Backend,
    request: UpstreamRequest,
    private readonly handlers: UpstreamHandlers,
  ) {
    let stream: http2.ClientHttp2Stream;
    try {
      const headers = request.headers;
      headers[h2.HTTP2_HEADER_METHOD] = 'POST';
      headers[h2.HTTP2_HEADER_PATH] = request.path;
      headers[h2.HTTP2_HEADER_AUTHORITY] = request.authority ?? backend.authority;
      stream = pool.session(backend).request(headers);
    } catch (err) {
      this.stream = undefined;
      queueMicrotask(() =>
        this.finish(Status.UNAVAILABLE, `error dialing backend ${backend.name}: ${errorText(err)}`),
      );
      return;
    }
    this.stream = stream;
    stream.on('response', (headers, flags) => this.onResponse(headers, flags));
    stream.on('data', (chunk: Buffer) => {
      if (!this.responded) (this.early ??= []).push(chunk);
      else if (this.handlers.data(chunk) === false) stream.pause();
    });
    stream.on('trailers', (trailers) => {
      // Trailers carry no pseudo or hop-by-hop headers: passed on as received.
      this.trailers = trailers;
    });
    stream.on('end', () => this.onEnd());
    stream.on('error', (err) => this.onError(err));
    stream.on('close', () => this.onClose());
  }

  /** Sends request bytes; false means wait for 'drain' (see onDrain). */
  write(chunk: Buffer): boolean {
    const stream = this.stream;
    if (!stream || this.done || stream.writableEnded || stream.destroyed) return true;
    return stream.write(chunk);
  }

  onDrain(fn: () => void): void {
    this.stream?.once('drain', fn);
  }

  /** Half-closes the request side. */
  end(): void {
    const stream = this.stream;
    if (stream && !stream.writableEnded && !stream.destroyed) stream.end();
  }

  resume(): void {
    this.stream?.resume();
  }

  /** Cancels the backend's stream (the caller went away); no result is reported afterwards. */
  cancel(): void {
    if (this.done) return;
    this.done = true;
    if (this.stream && !this.stream.closed) this.stream.close(h2.NGHTTP2_CANCEL);
  }

  /** Cancels with a status reported to the handler (for example a malformed request frame). */
  abort(code: StatusCode, message: string): void {
    if (this.stream && !this.stream.closed) this.stream.close(h2.NGHTTP2_CANCEL);
    this.finish(code, message);
  }

  get finished(): boolean {
    return this.done;
  }

  private onResponse(headers: http2.IncomingHttpHeaders, flags: number): void {
    const status = Number(headers[h2.HTTP2_HEADER_STATUS]);
    if (status !== 200) {
      this.abort(statusFromHttp(status), `backend ${this.backend.name} answered HTTP status ${status}`);
      return;
    }
    this.responded = true;
    if (flags & h2.NGHTTP2_FLAG_END_STREAM) {
      this.trailers = forwardableHeaders(headers);
      return;
    }
    this.handlers.headers?.(forwardableHeaders(headers, undefined, { [h2.HTTP2_HEADER_STATUS]: 200 }));
    const early = this.early;
    if (!early) return;
    this.early = undefined;
    let flowing = true;
    for (const chunk of early) flowing = this.handlers.data(chunk) !== false && flowing;
    if (!flowing) this.stream?.pause();
  }

  private onEnd(): void {
    const trailers = this.trailers;
    if (!trailers || trailers['grpc-status'] === undefined) {
      this.finish(Status.INTERNAL, `backend ${this.backend.name} ended the stream without a grpc-status`);
      return;
    }
    const code = Number(trailers['grpc-status']);
    this.report({
      code,
      message: decodeGrpcMessage(trailers['grpc-message'] as string | undefined),
      trailers,
      transport: false,
    });
  }

  private onError(err: Error): void {
    // A reset by the peer: 'close' follows with the RST code, which says more than this error.
    if ((err as NodeJS.ErrnoException).code === 'ERR_HTTP2_STREAM_ERROR') return;
    const cause = (err as { cause?: unknown }).cause;
    if (!this.responded) {
      this.finish(
        Status.UNAVAILABLE,
        `error dialing backend ${this.backend.name}: ${errorText(cause ?? err)}`,
      );
    } else {
      this.finish(
        Status.UNAVAILABLE,
        `error talking to backend ${this.backend.name}: ${errorText(cause ?? err)}`,
      );
    }
  }

  private onClose(): void {
    if (this.done) return;
    const rst = this.stream?.rstCode ?? h2.NGHTTP2_NO_ERROR;
    if (rst !== h2.NGHTTP2_NO_ERROR) {
      this.finish(
        statusFromRstCode(rst),
        `backend ${this.backend.name} reset the stream (http2 error code ${rst})`,
      );
      return;
    }
    // Closed cleanly but 'end' never came: the session went away under us.
    if (this.trailers) this.onEnd();
    else
      this.finish(
        Status.UNAVAILABLE,
        `connection to backend ${this.backend.name} closed before the call completed`,
      );
  }

  private finish(code: StatusCode, message: string): void {
    this.report({ code, message, trailers: statusTrailers(code, message), transport: true });
  }

  private report(result: UpstreamResult): void {
    if (this.done) return;
    this.done = true;
    this.handlers.end(result);
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
