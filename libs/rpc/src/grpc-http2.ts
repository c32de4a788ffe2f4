// gRPC-over-HTTP/2 facts the raw-stream code needs: status in headers/trailers, percent-encoded
// grpc-message, and how transport failures (HTTP status, RST_STREAM codes) map to gRPC codes.
import * as http2 from 'node:http2';
import { Status, StatusCode } from './errors';

const { constants: h2 } = http2;

export const GRPC_CONTENT_TYPE = 'application/grpc';

/** Percent-encodes a grpc-message value: everything outside printable ASCII, and '%'. */
export function encodeGrpcMessage(message: string): string {
  let out = '';
  for (const byte of Buffer.from(message, 'utf8')) {
    if (byte >= 0x20 && byte <= 0x7e && byte !== 0x25) out += String.fromCharCode(byte);
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function decodeGrpcMessage(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Trailers (or trailers-only headers) carrying a status. */
export function statusTrailers(code: StatusCode, message: string): http2.OutgoingHttpHeaders {
  const trailers: http2.OutgoingHttpHeaders = { 'grpc-status': String(code) };
  if (message) trailers['grpc-message'] = encodeGrpcMessage(message);
  return trailers;
}

/**
 * Ends a raw server stream with a gRPC error: trailers-only when nothing was sent yet, otherwise
 * as trailers after what was sent (the stream must have been opened with waitForTrailers).
 */
export function respondError(stream: http2.ServerHttp2Stream, code: StatusCode, message: string): void {
  if (stream.destroyed || stream.closed) return;
  try {
    if (!stream.headersSent) {
      stream.respond(
        {
          [h2.HTTP2_HEADER_STATUS]: 200,
          'content-type': GRPC_CONTENT_TYPE,
          ...statusTrailers(code, message),
        },
        { endStream: true },
      );
      return;
    }
    // Headers already went out: if the stream still waits for trailers, give it these ones.
    const pending = stream as PendingTrailers;
    pending.talosTrailers = statusTrailers(code, message);
    if (!stream.writableEnded) stream.end();
  } catch {
    stream.close(h2.NGHTTP2_INTERNAL_ERROR);
  }
}

/** A stream responded with waitForTrailers: the trailers it will send when 'wantTrailers' fires. */
export interface PendingTrailers extends http2.ServerHttp2Stream {
  talosTrailers?: http2.OutgoingHttpHeaders;
}

/** Responds with headers and arranges for trailers to be taken from `talosTrailers` at the end. */
export function respondWithTrailers(
  stream: http2.ServerHttp2Stream,
  headers: http2.OutgoingHttpHeaders,
): void {
  const pending = stream as PendingTrailers;
  stream.respond(headers, { waitForTrailers: true });
  stream.once('wantTrailers', () => {
    const trailers =
      pending.talosTrailers ?? statusTrailers(Status.INTERNAL, 'stream ended without a status');
    try {
      stream.sendTrailers(trailers);
    } catch {
      stream.close(h2.NGHTTP2_INTERNAL_ERROR);
    }
  });
}

/** gRPC status for a non-200 HTTP status (gRPC's http-grpc-status-mapping). */
export function statusFromHttp(httpStatus: number): StatusCode {
  switch (httpStatus) {
    case 400:
      return Status.INTERNAL;
    case 401:
      return Status.UNAUTHENTICATED;
    case 403:
      return Status.PERMISSION_DENIED;
    case 404:
      return Status.UNIMPLEMENTED;
    case 429:
    case 502:
    case 503:
    case 504:
      return Status.UNAVAILABLE;
    default:
      return Status.UNKNOWN;
  }
}

/** gRPC status for an RST_STREAM code received from a peer. */
export function statusFromRstCode(rstCode: number): StatusCode {
  switch (rstCode) {
    case h2.NGHTTP2_REFUSED_STREAM:
      return Status.UNAVAILABLE;
    case h2.NGHTTP2_CANCEL:
      return Status.CANCELLED;
    case h2.NGHTTP2_ENHANCE_YOUR_CALM:
      return Status.RESOURCE_EXHAUSTED;
    case h2.NGHTTP2_INADEQUATE_SECURITY:
      return Status.PERMISSION_DENIED;
    default:
      return Status.INTERNAL;
  }
}

/** `/pkg.Service/Method` -> ["pkg.Service", "Method"], or undefined when not a gRPC path. */
export function parseGrpcPath(path: string | undefined): { service: string; method: string } | undefined {
  if (!path || path[0] !== '/') return undefined;
  const slash = path.indexOf('/', 1);
  if (slash <= 1 || slash === path.length - 1) return undefined;
  return { service: path.slice(1, slash), method: path.slice(slash + 1) };
}
