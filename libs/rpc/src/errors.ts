// The one error type of the RPC layer: a gRPC status code plus a message. Everything thrown in a
// handler or a proxy is normalised through RpcError.from() before it reaches the wire.
import * as grpc from '@grpc/grpc-js';

export const Status = grpc.status;
export type StatusCode = grpc.status;

const CODE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(grpc.status)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v as number, k]),
);

/** Name of a status code ("UNAVAILABLE"), for logs and messages. */
export function statusName(code: number): string {
  return CODE_NAMES[code] ?? `CODE_${code}`;
}

export class RpcError extends Error {
  constructor(
    readonly code: StatusCode,
    message: string,
    readonly metadata?: grpc.Metadata,
  ) {
    super(message);
    this.name = 'RpcError';
  }

  /** Normalises anything thrown: RpcError as is, grpc-js ServiceErrors keep their code, others are INTERNAL. */
  static from(err: unknown, fallback: StatusCode = grpc.status.INTERNAL): RpcError {
    if (err instanceof RpcError) return err;
    if (isServiceError(err)) return new RpcError(err.code, err.details || err.message, err.metadata);
    if (err instanceof Error) return new RpcError(fallback, err.message);
    return new RpcError(fallback, String(err));
  }

  /** The shape grpc-js callbacks and `emit('error')` expect. */
  toServiceError(): Partial<grpc.StatusObject> & Error {
    return Object.assign(new Error(this.message), {
      code: this.code,
      details: this.message,
      metadata: this.metadata ?? new grpc.Metadata(),
    });
  }
}

function isServiceError(err: unknown): err is grpc.ServiceError {
  return (
    err instanceof Error &&
    typeof (err as Partial<grpc.ServiceError>).code === 'number' &&
    (err as Partial<grpc.ServiceError>).code! >= 0 &&
    (err as Partial<grpc.ServiceError>).code! <= 16 &&
    'details' in err
  );
}
