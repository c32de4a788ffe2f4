// A link-layer (AF_PACKET, SOCK_DGRAM) socket bound to one interface: it sends and receives IPv4
// packets on that link whether or not the link has an address yet, which is what a DHCP client
// needs (a UDP socket cannot send from 0.0.0.0 on a chosen link, nor receive a reply addressed to
// an address the link does not hold yet). The kernel adds and strips the Ethernet header; we
// build the IP and UDP headers. Receives never block the event loop (koffi's libuv poll handle).
import { NonBlockingFd } from './fd-readiness';
import { SOCK_CLOEXEC, SOCK_NONBLOCK, bind, close, sendto, socket } from './syscalls';

export const AF_PACKET = 17;
const SOCK_DGRAM = 2;
export const ETH_P_IP = 0x0800;
const SOCKADDR_LL_LEN = 20;
const RECEIVE_BUFFER_BYTES = 64 * 1024;
export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';

/** struct sockaddr_ll for `ifindex`, protocol in network order, and an optional peer MAC. */
function sockaddrLl(ifindex: number, protocol: number, mac?: string): Buffer {
  const sa = Buffer.alloc(SOCKADDR_LL_LEN);
  sa.writeUInt16LE(AF_PACKET, 0);
  sa.writeUInt16BE(protocol, 2);
  sa.writeInt32LE(ifindex, 4);
  if (mac !== undefined) {
    const bytes = mac.split(':').map((h) => parseInt(h, 16));
    sa.writeUInt8(bytes.length, 11);
    Buffer.from(bytes).copy(sa, 12);
  }
  return sa;
}

export interface Packet {
  /** The network-layer packet (the IPv4 header onwards). */
  data: Buffer;
  /** The sender's hardware address. */
  fromMac: string;
}

export class PacketSocket {
  private readonly buf = Buffer.alloc(RECEIVE_BUFFER_BYTES);
  private readonly io: NonBlockingFd;

  private constructor(
    readonly fd: number,
    readonly ifindex: number,
    private readonly protocol: number,
  ) {
    this.io = new NonBlockingFd(fd, 'packet socket');
  }

  /** Opens a socket receiving `protocol` (ETH_P_IP) frames of link `ifindex`. Needs CAP_NET_RAW. */
  static open(ifindex: number, protocol = ETH_P_IP): PacketSocket {
    let fd: number;
    try {
      // The protocol is in network byte order in the socket() call too.
      fd = socket(
        AF_PACKET,
        SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
        ((protocol & 0xff) << 8) | (protocol >> 8),
      );
    } catch (err) {
      throw new Error(`error opening packet socket on link ${ifindex}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    try {
      bind(fd, sockaddrLl(ifindex, protocol));
    } catch (err) {
      close(fd);
      throw new Error(`error binding packet socket to link ${ifindex}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    return new PacketSocket(fd, ifindex, protocol);
  }

  /** Sends a network-layer packet to `mac` (broadcast by default). */
  send(data: Buffer, mac = BROADCAST_MAC): void {
    this.io.assertOpen();
    sendto(this.fd, data, 0, sockaddrLl(this.ifindex, this.protocol, mac));
  }

  /** The next packet, waiting without blocking the event loop. */
  receive(signal?: AbortSignal): Promise<Packet> {
    return this.io.receive(() => this.tryReceive(), signal);
  }

  tryReceive(): Packet | undefined {
    const res = this.io.tryRecvfrom(this.buf, SOCKADDR_LL_LEN);
    if (!res) return undefined;
    const halen = res.from.length >= 12 ? res.from.readUInt8(11) : 0;
    const mac = [...res.from.subarray(12, 12 + Math.min(halen, 8))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(':');
    return { data: Buffer.from(this.buf.subarray(0, Math.min(res.length, this.buf.length))), fromMac: mac };
  }

  close(): void {
    this.io.close();
  }
}
