import { SyscallError, errnoName, errnoValue } from './errno';
import { CLOCK_MONOTONIC, clockSettime, close, socket } from './syscalls';

describe('SyscallError', () => {
  it('names the call, the errno and its meaning', () => {
    const err = new SyscallError('sethostname', 1);
    expect(err.message).toBe('sethostname: EPERM (operation not permitted)');
    expect(err.code).toBe('EPERM');
    expect(SyscallError.is(err, 'EPERM')).toBe(true);
    expect(SyscallError.is(err, 'EAGAIN')).toBe(false);
  });

  it('maps names and numbers both ways', () => {
    expect(errnoValue('ENOBUFS')).toBe(105);
    expect(errnoName(105)).toBe('ENOBUFS');
    expect(errnoName(11)).toBe('EAGAIN');
    expect(errnoName(99999)).toBe('errno 99999');
  });
});

describe('syscalls', () => {
  it('throws a SyscallError carrying errno from a failed call', () => {
    expect(() => close(-1)).toThrow('close: EBADF (bad file descriptor)');
    expect(() => socket(9999, 2, 0)).toThrow(/^socket: EAFNOSUPPORT/);
  });

  it('binds clock_settime (the monotonic clock can never be set)', () => {
    expect(() => clockSettime(CLOCK_MONOTONIC, Date.now())).toThrow(/^clock_settime: EINVAL/);
  });
});
