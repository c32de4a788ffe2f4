// The system calls Node lacks, bound from libc through koffi. Each wrapper checks the return
// value and throws a SyscallError naming the call, so callers never look at errno themselves.
// New calls are one line in `bindings` plus a wrapper below.
import koffi from 'koffi';
import { SyscallError } from './errno';

// Socket families, types and flags (linux/socket.h, linux/net.h).
export const AF_NETLINK = 16;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const SOCK_NONBLOCK = 0o4000;
export const SOCK_CLOEXEC = 0o2000000;
export const MSG_DONTWAIT = 0x40;
export const MSG_TRUNC = 0x20;
export const SOL_SOCKET = 1;
export const SO_RCVBUF = 8;
export const SO_RCVBUFFORCE = 33;

// Clocks (linux/time.h).
export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;

type Fn = (...args: unknown[]) => unknown;

interface Bindings {
  socket: Fn;
  bind: Fn;
  sendto: Fn;
  recv: Fn;
  recvfrom: Fn;
  close: Fn;
  setsockopt: Fn;
  getsockname: Fn;
  clock_settime: Fn;
  adjtime: Fn;
  mkfifo: Fn;
  sethostname: Fn;
  // pid1 (helper)
  mount: Fn;
  umount2: Fn;
  reboot: Fn;
  sync: Fn;
  waitpid: Fn;
  finit_module: Fn & { async: (...args: unknown[]) => void };
  // state (helper)
  ioctl: Fn;
  ioctlBlkpg: Fn;
}

let bound: Bindings | undefined;

function bindings(): Bindings {
  if (bound) return bound;
  const lib = koffi.load('libc.so.6');
  // struct timespec and struct timeval are two longs on the 64-bit Linux ABIs we target. The
  // structs stay anonymous: koffi's type names are process-wide, and a module loaded twice (jest)
  // would register a name twice.
  const timespec = koffi.struct({ tv_sec: 'int64_t', tv_nsec: 'long' });
  const timeval = koffi.struct({ tv_sec: 'int64_t', tv_usec: 'long' });
  bound = {
    socket: lib.func('int socket(int domain, int type, int protocol)'),
    bind: lib.func('int bind(int fd, const void *addr, uint32_t addrlen)'),
    sendto: lib.func(
      'intptr_t sendto(int fd, const void *buf, size_t len, int flags, const void *addr, uint32_t addrlen)',
    ),
    recv: lib.func('intptr_t recv(int fd, void *buf, size_t len, int flags)'),
    recvfrom: lib.func(
      'intptr_t recvfrom(int fd, void *buf, size_t len, int flags, void *addr, _Inout_ uint32_t *addrlen)',
    ),
    close: lib.func('int close(int fd)'),
    setsockopt: lib.func('int setsockopt(int fd, int level, int name, const void *value, uint32_t len)'),
    getsockname: lib.func('int getsockname(int fd, void *addr, _Inout_ uint32_t *addrlen)'),
    clock_settime: lib.func('clock_settime', 'int', ['int', koffi.pointer(timespec)]),
    adjtime: lib.func('adjtime', 'int', [koffi.pointer(timeval), koffi.out(koffi.pointer(timeval))]),
    mkfifo: lib.func('int mkfifo(const char *path, uint32_t mode)'),
    sethostname: lib.func('int sethostname(const char *name, size_t len)'),
    // pid1 (helper)
    mount: lib.func(
      'int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const char *data)',
    ),
    umount2: lib.func('int umount2(const char *target, int flags)'),
    reboot: lib.func('int reboot(int cmd)'),
    sync: lib.func('void sync()'),
    waitpid: lib.func('int waitpid(int pid, _Out_ int *status, int options)'),
    // syscall(2) with fixed arguments: koffi cannot call a variadic function on a worker thread,
    // and on x86_64 (the only arch it is called on) the arguments go in registers either way.
    finit_module: lib.func('long syscall(long nr, int fd, const char *params, int flags)'),
    // state (helper)
    ioctl: lib.func('int ioctl(int fd, unsigned long request, ...)'),
    ioctlBlkpg: lib.func('ioctl', 'int', ['int', 'unsigned long', koffi.pointer(blkpgIoctlArg())]),
  };
  return bound;
}

/** struct blkpg_ioctl_arg, its data a struct blkpg_partition (linux/blkpg.h). */
function blkpgIoctlArg(): ReturnType<typeof koffi.struct> {
  const partition = koffi.struct({
    start: 'int64_t',
    length: 'int64_t',
    pno: 'int',
    devname: koffi.array('char', 64),
    volname: koffi.array('char', 64),
  });
  return koffi.struct({ op: 'int', flags: 'int', datalen: 'int', data: koffi.pointer(partition) });
}

/** Runs one bound call; a negative result becomes a SyscallError carrying errno. */
function check(call: string, result: unknown): number {
  const n = Number(result);
  if (n < 0) throw new SyscallError(call, koffi.errno());
  return n;
}

export function socket(domain: number, type: number, protocol: number): number {
  return check('socket', bindings().socket(domain, type, protocol));
}

export function bind(fd: number, addr: Buffer): void {
  check('bind', bindings().bind(fd, addr, addr.length));
}

/** Sends `buf`, to `addr` when given (a raw sockaddr); returns the bytes sent. */
export function sendto(fd: number, buf: Buffer, flags: number, addr?: Buffer): number {
  return check('sendto', bindings().sendto(fd, buf, buf.length, flags, addr ?? null, addr?.length ?? 0));
}

/** Receives into `buf`; returns the datagram's length (larger than `buf` with MSG_TRUNC). */
export function recv(fd: number, buf: Buffer, flags: number): number {
  return check('recv', bindings().recv(fd, buf, buf.length, flags));
}

/** Receives into `buf` and returns the length and the sender's raw sockaddr. */
export function recvfrom(
  fd: number,
  buf: Buffer,
  flags: number,
  addrSize = 128,
): { length: number; from: Buffer } {
  const addr = Buffer.alloc(addrSize);
  const len = [addrSize];
  const length = check('recvfrom', bindings().recvfrom(fd, buf, buf.length, flags, addr, len));
  return { length, from: addr.subarray(0, Math.min(len[0] ?? 0, addrSize)) };
}

export function close(fd: number): void {
  check('close', bindings().close(fd));
}

/** Sets a socket option; a number is passed as a C int. */
export function setsockopt(fd: number, level: number, name: number, value: Buffer | number): void {
  let buf: Buffer;
  if (typeof value === 'number') {
    buf = Buffer.alloc(4);
    buf.writeInt32LE(value);
  } else {
    buf = value;
  }
  check('setsockopt', bindings().setsockopt(fd, level, name, buf, buf.length));
}

/** The socket's own address, as a raw sockaddr. */
export function getsockname(fd: number, addrSize = 128): Buffer {
  const addr = Buffer.alloc(addrSize);
  const len = [addrSize];
  check('getsockname', bindings().getsockname(fd, addr, len));
  return addr.subarray(0, Math.min(len[0] ?? 0, addrSize));
}

/** Sets a clock to `epochMs` (milliseconds since the Unix epoch, fractions kept to the ns). */
export function clockSettime(clockId: number, epochMs: number): void {
  const sec = Math.floor(epochMs / 1000);
  const nsec = Math.round((epochMs - sec * 1000) * 1e6);
  check(
    'clock_settime',
    bindings().clock_settime(clockId, { tv_sec: sec, tv_nsec: Math.min(nsec, 999_999_999) }),
  );
}

/** Slews the system clock by `deltaMs` (the kernel speeds up or slows down the clock). */
export function adjtime(deltaMs: number): void {
  const totalUs = Math.round(deltaMs * 1000);
  const sec = Math.trunc(totalUs / 1e6);
  const usec = totalUs - sec * 1e6;
  check('adjtime', bindings().adjtime({ tv_sec: sec, tv_usec: usec }, {}));
}

/** Creates a named pipe (containerd task stdio). */
export function mkfifo(path: string, mode = 0o600): void {
  check(`mkfifo ${path}`, bindings().mkfifo(path, mode));
}

/** Sets the kernel's hostname (of the caller's UTS namespace). */
export function sethostname(name: string): void {
  const bytes = Buffer.from(name);
  check('sethostname', bindings().sethostname(bytes.toString(), bytes.length));
}

// pid1 (helper): what machined needs as PID 1 — mounts, power, reaping, kernel modules.

/** mount(2) flags (linux/mount.h). */
export const MS_RDONLY = 1;
export const MS_NOSUID = 2;
export const MS_NODEV = 4;
export const MS_NOEXEC = 8;
export const MS_REMOUNT = 32;
export const MS_NOATIME = 1024;
export const MS_BIND = 4096;
export const MS_MOVE = 8192;
export const MS_REC = 16384;
export const MS_PRIVATE = 1 << 18;
export const MS_RELATIME = 1 << 21;
/** umount2(2) flags. */
export const MNT_FORCE = 1;
export const MNT_DETACH = 2;
/** reboot(2) commands (linux/reboot.h). */
export const LINUX_REBOOT_CMD_RESTART = 0x01234567;
export const LINUX_REBOOT_CMD_POWER_OFF = 0x4321fedc;
export const LINUX_REBOOT_CMD_HALT = 0xcdef0123;
/** Ctrl-alt-del sends SIGINT to init instead of rebooting at once. */
export const LINUX_REBOOT_CMD_CAD_OFF = 0;
/** waitpid(2) options. */
export const WNOHANG = 1;
/** x86_64 system call number of finit_module (glibc has no wrapper). */
const SYS_FINIT_MODULE = 313;

/** Mounts `source` on `target`; `fstype` and `data` may be empty (bind, remount, move). */
export function mount(source: string, target: string, fstype: string, flags: number, data = ''): void {
  check(
    `mount ${target}`,
    bindings().mount(source, target, fstype === '' ? null : fstype, flags, data === '' ? null : data),
  );
}

export function umount2(target: string, flags = 0): void {
  check(`unmount ${target}`, bindings().umount2(target, flags));
}

/**
 * reboot(2). Inside a pid namespace other than the first, RESTART and POWER_OFF end the namespace
 * (its init is killed) instead of the machine.
 */
export function reboot(cmd: number): void {
  check('reboot', bindings().reboot(cmd | 0));
}

/** Flushes every filesystem's dirty data to disk. */
export function sync(): void {
  bindings().sync();
}

/**
 * waitpid(pid, WNOHANG by default): the pid reaped (0 when it has not exited yet) and its raw wait
 * status.
 */
export function waitpid(pid: number, options = WNOHANG): { pid: number; status: number } {
  const status = [0];
  const reaped = check(`waitpid ${pid}`, bindings().waitpid(pid, status, options));
  return { pid: reaped, status: status[0] ?? 0 };
}

/**
 * Loads a kernel module from an open .ko file, on one of libuv's worker threads: the kernel links
 * a large module (xfs) for most of a second under emulation, and the event loop goes on meanwhile.
 */
export function finitModule(fd: number, params = '', name = `fd ${fd}`): Promise<void> {
  if (process.arch !== 'x64') {
    return Promise.reject(new Error(`finit_module ${name}: not supported on ${process.arch}`));
  }
  return new Promise((resolve, reject) => {
    bindings().finit_module.async(SYS_FINIT_MODULE, fd, params, 0, (err: Error | null, res: unknown) => {
      if (err) return reject(err);
      try {
        // koffi gives the callback the worker thread's errno.
        check(`finit_module ${name}`, res);
        resolve();
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

// state (helper): block device requests (linux/fs.h) for partitioning the install disk.

/** Re-read the partition table (_IO(0x12, 95)). */
export const BLKRRPART = 0x125f;
/** The device's size in bytes, as a u64 (_IOR(0x12, 114, size_t)). */
export const BLKGETSIZE64 = 0x80081272;
/** The logical sector size, as an int (_IO(0x12, 104)). */
export const BLKSSZGET = 0x1268;

/**
 * ioctl(2) with a buffer as its argument (the kernel reads or fills it), or none. Returns the
 * call's result.
 */
export function ioctl(
  fd: number,
  request: number,
  arg?: Buffer,
  name = `ioctl 0x${request.toString(16)}`,
): number {
  return check(name, bindings().ioctl(fd, request, 'void *', arg ?? null));
}

/** BLKPG (_IO(0x12, 105)) and its operation adding one partition. */
export const BLKPG = 0x1269;
export const BLKPG_ADD_PARTITION = 1;
/** sizeof(struct blkpg_partition) on 64-bit Linux. */
const BLKPG_PARTITION_SIZE = 152;

/** Tells the kernel about one partition of the disk open as `fd` (what `partx --add` does). */
export function blkpgAddPartition(fd: number, index: number, startBytes: number, lengthBytes: number): void {
  check(
    `BLKPG add partition ${index}`,
    bindings().ioctlBlkpg(fd, BLKPG, {
      op: BLKPG_ADD_PARTITION,
      flags: 0,
      datalen: BLKPG_PARTITION_SIZE,
      data: { start: startBytes, length: lengthBytes, pno: index, devname: '', volname: '' },
    }),
  );
}
