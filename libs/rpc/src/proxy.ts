// The pass-through proxy: forwards one incoming HTTP/2 gRPC stream to a backend unchanged: any
// method, any streaming kind, payloads never decoded. Headers, trailers, cancellation and
// deadlines (grpc-timeout travels as a header) cross the hop; transport failures become statuses.
import * as http2 from 'node:http2';
import { type Backend, SessionPool } from './backend';
import { RpcError } from './errors';
import { FrameScanner } from './framing';
import { GRPC_CONTENT_TYPE, type PendingTrailers, respondError, respondWithTrailers } from './grpc-http2';
import { forwardableHeaders, UpstreamCall, type UpstreamResult } from './upstream-call';

const { constants: h2 } = http2;

export interface ForwardOptions {
  /** Request headers for the backend; the incoming forwardable headers when omitted. */
  headers?: http2.OutgoingHttpHeaders;
  /** `:authority` for the backend; the incoming one when omitted. */
  authority?: string;
  /** Checks request framing on the way (malformed input ends the call with a clear status). */
  validateRequestFrames?: boolean;
  maxMessageBytes?: number;
  /** Called once with the call's outcome (for logs and metrics). */
  onDone?: (result: UpstreamResult) => void;
}

export class PassThroughProxy {
  constructor(readonly pool: SessionPool = new SessionPool()) {}

  /** Forwards `down` (an incoming stream with its headers) to `backend`. */
  forward(
    down: http2.ServerHttp2Stream,
    incoming: http2.IncomingHttpHeaders,
    backend: Backend,
    opts: ForwardOptions = {},
  ): UpstreamCall {
    const call = new UpstreamCall(
      this.pool,
      backend,
      {
        path: incoming[h2.HTTP2_HEADER_PATH] as string,
        headers: opts.headers ?? forwardableHeaders(incoming),
        authority: opts.authority ?? (incoming[h2.HTTP2_HEADER_AUTHORITY] as string | undefined),
      },
      {
        headers: (headers) => {
          if (!down.destroyed && !down.headersSent) respondWithTrailers(down, headers);
        },
        data: (chunk) => {
          if (down.destroyed || down.write(chunk)) return true;
          // The caller reads slower than the backend writes: pause the backend until it drains.
          down.once('drain', () => call.resume());
          return false;
        },
        end: (result) => {
          finishDownstream(down, result);
          opts.onDone?.(result);
        },
      },
    );

    const encoding = incoming['grpc-encoding'];
    const scanner = opts.validateRequestFrames
      ? new FrameScanner({
          maxMessageBytes: opts.maxMessageBytes,
          compressionAllowed: encoding !== undefined && encoding !== 'identity',
        })
      : undefined;
    const onDrain = () => down.resume();
    down.on('data', (chunk: Buffer) => {
      if (call.finished) return;
      if (scanner) {
        try {
          scanner.scan(chunk);
        } catch (err) {
          const e = RpcError.from(err);
          call.abort(e.code, e.message);
          return;
        }
      }
      if (!call.write(chunk)) {
        down.pause();
        call.onDrain(onDrain);
      }
    });
    down.on('end', () => {
      if (scanner && !call.finished) {
        try {
          scanner.end();
        } catch (err) {
          const e = RpcError.from(err);
          call.abort(e.code, e.message);
          return;
        }
      }
      call.end();
    });
    // The caller went away (RST_STREAM, deadline on its side, connection lost): cancel upstream.
    // ('error' is always followed by 'close'.)
    down.on('close', () => call.cancel());
    return call;
  }
}

/** Ends the downstream stream with the backend's result. */
function finishDownstream(down: http2.ServerHttp2Stream, result: UpstreamResult): void {
  if (down.destroyed || down.closed) return;
  if (!down.headersSent) {
    if (result.transport) {
      respondError(down, result.code, result.message);
      return;
    }
    // Trailers-only reply from the backend: pass it on as it came.
    down.respond(
      { 'content-type': GRPC_CONTENT_TYPE, ...result.trailers, [h2.HTTP2_HEADER_STATUS]: 200 },
      { endStream: true },
    );
    return;
  }
  (down as PendingTrailers).talosTrailers = result.trailers;
  if (!down.writableEnded) down.end();
}
