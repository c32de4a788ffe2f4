// A netlink socket that never blocks the event loop: the fd is non-blocking, and a receive waits
// for readability through koffi's libuv poll handle before calling recvfrom.
import { NonBlockingFd } from '../fd-readiness';
import {
  AF_NETLINK,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  SOCK_RAW,
  SOL_SOCKET,
  SO_RCVBUF,
  bind,
  close,
  getsockname,
  sendto,
  setsockopt,
  socket,
} from '../syscalls';

export const NETLINK_ROUTE = 0;
export const NETLINK_KOBJECT_UEVENT = 15;

/** Large enough for any netlink datagram the kernel sends (it caps dumps at 32 KiB per datagram). */
const RECEIVE_BUFFER_BYTES = 64 * 1024;

export interface NetlinkSocketOptions {
  /** Multicast groups bitmask to join at bind time. */
  groups?: number;
  /** SO_RCVBUF in bytes; bursts (coldplug) overflow the default. */
  receiveBufferBytes?: number;
}

/** A datagram and the netlink port id that sent it (0 is the kernel). */
export interface Datagram {
  data: Buffer;
  senderPid: number;
}

function sockaddrNl(pid: number, groups: number): Buffer {
  const sa = Buffer.alloc(12);
  sa.writeUInt16LE(AF_NETLINK, 0);
  sa.writeUInt32LE(pid, 4);
  sa.writeUInt32LE(groups >>> 0, 8);
  return sa;
}

export class NetlinkSocket {
  private readonly buf = Buffer.alloc(RECEIVE_BUFFER_BYTES);
  private readonly io: NonBlockingFd;

  private constructor(
    readonly fd: number,
    /** The port id the kernel gave this socket. */
    readonly pid: number,
  ) {
    this.io = new NonBlockingFd(fd, 'netlink socket');
  }

  static open(protocol: number, opts: NetlinkSocketOptions = {}): NetlinkSocket {
    const fd = socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    try {
      if (opts.receiveBufferBytes) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, opts.receiveBufferBytes);
      bind(fd, sockaddrNl(0, opts.groups ?? 0));
      const self = getsockname(fd);
      return new NetlinkSocket(fd, self.length >= 8 ? self.readUInt32LE(4) : 0);
    } catch (err) {
      close(fd);
      throw err;
    }
  }

  /** Sends one datagram to the kernel. */
  send(data: Buffer): void {
    this.io.assertOpen();
    sendto(this.fd, data, 0, sockaddrNl(0, 0));
  }

  /** The next datagram, waiting (without blocking the event loop) until one arrives. */
  receive(signal?: AbortSignal): Promise<Datagram> {
    return this.io.receive(() => this.tryReceive(), signal);
  }

  /** A datagram if one is queued, else undefined. */
  tryReceive(): Datagram | undefined {
    const res = this.io.tryRecvfrom(this.buf);
    if (!res) return undefined;
    if (res.length > this.buf.length) {
      throw new Error(`netlink datagram truncated: ${res.length} bytes, buffer ${this.buf.length}`);
    }
    return {
      data: Buffer.from(this.buf.subarray(0, res.length)),
      senderPid: res.from.length >= 8 ? res.from.readUInt32LE(4) : 0,
    };
  }

  close(): void {
    this.io.close();
  }
}
