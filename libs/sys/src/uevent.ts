// Kernel uevents from NETLINK_KOBJECT_UEVENT, multicast group 1 (the kernel's own broadcast; group
// 2 is udev's re-broadcast, which a udevd does not listen to). Each datagram is
// "ACTION@DEVPATH\0KEY=VALUE\0KEY=VALUE\0...".
import { SyscallError } from './errno';
import { NETLINK_KOBJECT_UEVENT, NetlinkSocket, type Datagram } from './netlink/socket';

export const UEVENT_KERNEL_GROUP = 1;

/** Room for a coldplug burst: thousands of events arrive at once when every device is triggered. */
const UEVENT_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

export interface Uevent {
  action: string;
  devpath: string;
  subsystem: string;
  seqnum?: number;
  /** Every KEY=VALUE of the event, ACTION/DEVPATH/SUBSYSTEM included. */
  env: Record<string, string>;
}

/** Parses a kernel uevent datagram; undefined for datagrams that are not kernel uevents. */
export function parseUevent(data: Buffer): Uevent | undefined {
  const fields = data.toString('utf8').split('\0');
  const head = fields[0] ?? '';
  // libudev's re-broadcast starts with "libudev\0" and a binary header: not a kernel event.
  const at = head.indexOf('@');
  if (head === 'libudev' || at <= 0) return undefined;
  const env: Record<string, string> = {};
  for (const field of fields.slice(1)) {
    const eq = field.indexOf('=');
    if (eq > 0) env[field.slice(0, eq)] = field.slice(eq + 1);
  }
  const action = env.ACTION ?? head.slice(0, at);
  const devpath = env.DEVPATH ?? head.slice(at + 1);
  const seqnum = env.SEQNUM !== undefined ? Number(env.SEQNUM) : undefined;
  return {
    action,
    devpath,
    subsystem: env.SUBSYSTEM ?? '',
    ...(seqnum !== undefined && Number.isFinite(seqnum) ? { seqnum } : {}),
    env,
  };
}

/** What the listener needs of a socket; tests may hand in another source of datagrams. */
export interface UeventSource {
  receive(signal?: AbortSignal): Promise<Datagram>;
  close(): void;
}

export interface UeventListenerOptions {
  /** Called when the kernel dropped events because we read too slowly (ENOBUFS). */
  onOverrun?: () => void;
}

export class UeventListener {
  private constructor(
    private readonly source: UeventSource,
    private readonly opts: UeventListenerOptions,
  ) {}

  /**
   * Opens the kernel uevent socket. Fails with a clear error when the kernel refuses it (no
   * privilege, or a network namespace without uevents).
   */
  static open(opts: UeventListenerOptions = {}): UeventListener {
    let sock: NetlinkSocket;
    try {
      sock = NetlinkSocket.open(NETLINK_KOBJECT_UEVENT, {
        groups: UEVENT_KERNEL_GROUP,
        receiveBufferBytes: UEVENT_RECEIVE_BUFFER_BYTES,
      });
    } catch (err) {
      throw new Error(`error opening kernel uevent socket: ${(err as Error).message}`, { cause: err });
    }
    return new UeventListener(sock, opts);
  }

  static fromSource(source: UeventSource, opts: UeventListenerOptions = {}): UeventListener {
    return new UeventListener(source, opts);
  }

  /** Uevents until `signal` aborts; the socket is closed when the iteration ends. */
  async *events(signal: AbortSignal): AsyncGenerator<Uevent> {
    try {
      while (!signal.aborted) {
        let dgram: Datagram;
        try {
          dgram = await this.source.receive(signal);
        } catch (err) {
          if (signal.aborted) return;
          if (SyscallError.is(err, 'ENOBUFS')) {
            this.opts.onOverrun?.();
            continue;
          }
          throw err;
        }
        // Only the kernel (port 0) sends kernel uevents; anything else is spoofed.
        if (dgram.senderPid !== 0) continue;
        const ev = parseUevent(dgram.data);
        if (ev) yield ev;
      }
    } finally {
      this.source.close();
    }
  }
}
