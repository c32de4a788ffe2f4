// Domain errors of machined as gRPC statuses.
import { RpcError, Status, type StatusCode } from '@talos/rpc';
import { ConfigApplyError } from '../config/config-applier';
import { NodeFileError } from '../host/files';
import { KernelLogError } from '../host/kmsg';
import { ServiceNotFoundError, ServiceOperationError } from '../system/service';

const ERRNO_STATUS: Readonly<Record<string, StatusCode>> = {
  ENOENT: Status.NOT_FOUND,
  ENOTDIR: Status.NOT_FOUND,
  EACCES: Status.PERMISSION_DENIED,
  EPERM: Status.PERMISSION_DENIED,
  EISDIR: Status.INVALID_ARGUMENT,
};

export function toRpcError(err: unknown): RpcError {
  if (err instanceof RpcError) return err;
  if (err instanceof ConfigApplyError) {
    const code = err.reason === 'invalid' ? Status.INVALID_ARGUMENT : Status.FAILED_PRECONDITION;
    return new RpcError(code, err.message);
  }
  if (err instanceof ServiceNotFoundError) return new RpcError(Status.NOT_FOUND, err.message);
  if (err instanceof ServiceOperationError) return new RpcError(Status.FAILED_PRECONDITION, err.message);
  if (err instanceof NodeFileError)
    return new RpcError(ERRNO_STATUS[err.code] ?? Status.UNKNOWN, err.message);
  if (err instanceof KernelLogError) {
    const denied = err.code === 'EPERM' || err.code === 'EACCES';
    return new RpcError(denied ? Status.PERMISSION_DENIED : Status.FAILED_PRECONDITION, err.message);
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && ERRNO_STATUS[code] !== undefined) {
    return new RpcError(ERRNO_STATUS[code], (err as Error).message);
  }
  return RpcError.from(err);
}
