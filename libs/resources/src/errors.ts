// The one error type of the resource layer. Every State and the controller runtime throw it, and
// ResourceError.from() normalises anything else so callers can switch on a code.

export type ResourceErrorCode =
  | 'notFound'
  | 'conflict'
  | 'ownerConflict'
  | 'phaseConflict'
  | 'finalizersPending'
  | 'overrun'
  | 'forbidden'
  | 'internal';

export class ResourceError extends Error {
  constructor(
    readonly code: ResourceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ResourceError';
  }

  static from(err: unknown): ResourceError {
    if (err instanceof ResourceError) return err;
    if (err instanceof Error) return new ResourceError('internal', err.message);
    return new ResourceError('internal', String(err));
  }

  static is(err: unknown, code: ResourceErrorCode): boolean {
    return err instanceof ResourceError && err.code === code;
  }
}
