// Errors from system calls, named the way a reader of man pages expects: "sethostname: EPERM
// (operation not permitted)". Names come from koffi's table of the platform's errno values and
// messages from libc's strerror, so the text matches what other tools print for the same failure.
import koffi from 'koffi';

let namesByNumber: Map<number, string> | undefined;

/** The symbolic name of an errno value (`EPERM`), or `errno <n>` when the platform has none. */
export function errnoName(errno: number): string {
  if (!namesByNumber) {
    namesByNumber = new Map();
    for (const [name, value] of Object.entries(koffi.os.errno)) {
      // Aliases (EWOULDBLOCK = EAGAIN, EDEADLOCK = EDEADLK) share a number: keep the first,
      // which is the name the kernel headers define first.
      if (!namesByNumber.has(value)) namesByNumber.set(value, name);
    }
  }
  return namesByNumber.get(errno) ?? `errno ${errno}`;
}

/** The errno value of a symbolic name (`EPERM` -> 1) on this platform. */
export function errnoValue(name: string): number | undefined {
  return (koffi.os.errno as Record<string, number | undefined>)[name];
}

let strerror: ((errno: number) => string) | undefined;

/** libc's description of an errno value, in lower case ("operation not permitted"). */
export function errnoMessage(errno: number): string {
  strerror ??= koffi.load('libc.so.6').func('const char *strerror(int errnum)') as (errno: number) => string;
  return String(strerror(errno)).toLowerCase();
}

/** A failed system call: the call, the errno value, its name and message. */
export class SyscallError extends Error {
  readonly code: string;

  constructor(
    readonly call: string,
    readonly errno: number,
  ) {
    const code = errnoName(errno);
    super(`${call}: ${code} (${errnoMessage(errno)})`);
    this.name = 'SyscallError';
    this.code = code;
  }

  /** Whether `err` is a SyscallError with the given errno name (`EAGAIN`, `EPERM`...). */
  static is(err: unknown, code: string): err is SyscallError {
    return err instanceof SyscallError && err.code === code;
  }
}
