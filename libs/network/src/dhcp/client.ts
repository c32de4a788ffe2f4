// A DHCPv4 client for one link (RFC 2131): DISCOVER → OFFER → REQUEST → ACK to obtain a lease,
// then REQUEST with ciaddr to extend it. Replies are asked to be broadcast, and every message
// goes out as a link-layer broadcast, so one packet socket serves every state (renewal included:
// servers answer a broadcast REQUEST carrying ciaddr as they answer a unicast one).
import { setTimeout as delay } from 'node:timers/promises';
import { randomInt } from 'node:crypto';
import type { Logger } from '@talos/log';
import { PacketSocket } from '@talos/sys';
import { type Lease, leaseFromAck } from './lease';
import {
  BOOTREPLY,
  BOOTREQUEST,
  DHCPACK,
  DHCPDISCOVER,
  DHCPNAK,
  DHCPOFFER,
  DHCPREQUEST,
  DHCP_CLIENT_PORT,
  DHCP_SERVER_PORT,
  type DhcpMessage,
  OPT_CLIENT_ID,
  OPT_HOSTNAME,
  OPT_MESSAGE_TYPE,
  OPT_PARAMETER_LIST,
  OPT_REQUESTED_IP,
  OPT_SERVER_ID,
  REQUESTED_PARAMETERS,
  decodeDhcp,
  decodeUdp4,
  encodeDhcp,
  encodeUdp4,
  macBytes,
  optIPs,
  optU8,
  readIPs,
  readU8,
} from './message';

/** Sends and receives IPv4 packets on one link; a PacketSocket in production. */
export interface DhcpTransport {
  send(packet: Buffer): void;
  receive(signal?: AbortSignal): Promise<{ data: Buffer }>;
  close(): void;
}

export interface DhcpClientOptions {
  ifindex: number;
  /** The link's hardware address. */
  mac: string;
  logger: Logger;
  /** Sent as option 12 when known (config hostname). */
  hostname?: string;
  /** Opens the link's transport; a PacketSocket by default. */
  open?: () => DhcpTransport;
  /** First retransmission timeout; doubles per attempt (RFC 2131 4.1: 4 s, 8 s, …, 64 s). */
  initialTimeoutMs?: number;
  maxTimeoutMs?: number;
  now?: () => number;
}

export class DhcpNakError extends Error {}
export class DhcpTimeoutError extends Error {}

export class DhcpClient {
  constructor(private readonly opts: DhcpClientOptions) {}

  /** Obtains a lease, retrying (with backoff) until it succeeds or `signal` aborts. */
  async obtain(signal: AbortSignal): Promise<Lease> {
    let timeout = this.opts.initialTimeoutMs ?? 4000;
    const max = this.opts.maxTimeoutMs ?? 64_000;
    for (;;) {
      const started = Date.now();
      try {
        return await this.exchange(signal, timeout);
      } catch (err) {
        if (signal.aborted) throw err;
        // Silence from servers is normal while a link comes up; anything else (no carrier yet,
        // no CAP_NET_RAW) is worth a warning.
        const msg = (err as Error).message;
        if (err instanceof DhcpTimeoutError) this.opts.logger.debug({ err: msg }, 'dhcp attempt failed');
        else this.opts.logger.warn({ err: msg }, 'dhcp attempt failed');
      }
      // An attempt that failed at once (send refused) still waits its turn: no busy loop.
      await delay(timeout - (Date.now() - started), undefined, { signal }).catch(() => undefined); // an abort ends the wait
      if (signal.aborted) throw new Error('dhcp aborted');
      timeout = Math.min(timeout * 2, max);
    }
  }

  /**
   * Extends `lease` (REQUEST with ciaddr, no server id: RFC 2131's RENEWING/REBINDING). A NAK
   * throws DhcpNakError: the address must be given up.
   */
  async renew(lease: Lease, signal: AbortSignal, timeoutMs = 4000): Promise<Lease> {
    const xid = randomInt(0, 0x7fffffff);
    const transport = this.openTransport();
    try {
      const request = this.message(xid, DHCPREQUEST, { ciaddr: lease.address });
      transport.send(
        encodeUdp4(lease.address, '255.255.255.255', DHCP_CLIENT_PORT, DHCP_SERVER_PORT, request),
      );
      const reply = await this.awaitReply(transport, xid, [DHCPACK, DHCPNAK], timeoutMs, signal);
      if (readU8(reply.msg.options.get(OPT_MESSAGE_TYPE)) === DHCPNAK) {
        throw new DhcpNakError(`dhcp server ${reply.src} refused to renew ${lease.address}`);
      }
      return leaseFromAck(reply.msg, reply.src, this.now());
    } finally {
      transport.close();
    }
  }

  /** One DISCOVER/OFFER/REQUEST/ACK exchange, each step waiting at most `timeoutMs`. */
  private async exchange(signal: AbortSignal, timeoutMs: number): Promise<Lease> {
    const xid = randomInt(0, 0x7fffffff);
    const transport = this.openTransport();
    try {
      transport.send(frame(this.message(xid, DHCPDISCOVER)));
      const offer = await this.awaitReply(transport, xid, [DHCPOFFER], timeoutMs, signal);
      const serverId = readIPs(offer.msg.options.get(OPT_SERVER_ID))[0] ?? offer.src;
      const offered = offer.msg.yiaddr ?? '0.0.0.0';
      this.opts.logger.debug({ offered, server: serverId }, 'dhcp offer');
      const request = this.message(xid, DHCPREQUEST, {
        options: [
          [OPT_REQUESTED_IP, optIPs([offered])],
          [OPT_SERVER_ID, optIPs([serverId])],
        ],
      });
      transport.send(frame(request));
      const ack = await this.awaitReply(transport, xid, [DHCPACK, DHCPNAK], timeoutMs, signal);
      if (readU8(ack.msg.options.get(OPT_MESSAGE_TYPE)) === DHCPNAK) {
        throw new DhcpNakError(`dhcp server ${serverId} refused the offered ${offered}`);
      }
      return leaseFromAck(ack.msg, serverId, this.now());
    } finally {
      transport.close();
    }
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private openTransport(): DhcpTransport {
    return this.opts.open ? this.opts.open() : PacketSocket.open(this.opts.ifindex);
  }

  private message(
    xid: number,
    type: number,
    extra: { ciaddr?: string; options?: [number, Buffer][] } = {},
  ): Buffer {
    const options = new Map<number, Buffer>([[OPT_MESSAGE_TYPE, optU8(type)]]);
    // Client identifier: hardware type 1 + MAC, as most clients send.
    options.set(OPT_CLIENT_ID, Buffer.concat([Buffer.from([1]), macBytes(this.opts.mac)]));
    for (const [code, value] of extra.options ?? []) options.set(code, value);
    if (this.opts.hostname) options.set(OPT_HOSTNAME, Buffer.from(this.opts.hostname));
    options.set(OPT_PARAMETER_LIST, Buffer.from(REQUESTED_PARAMETERS));
    const msg: DhcpMessage = {
      op: BOOTREQUEST,
      xid,
      broadcast: true,
      chaddr: this.opts.mac,
      options,
      ...(extra.ciaddr ? { ciaddr: extra.ciaddr } : {}),
    };
    return encodeDhcp(msg);
  }

  /** The first reply for `xid` and our MAC of one of `types`, or a timeout error. */
  private async awaitReply(
    transport: DhcpTransport,
    xid: number,
    types: number[],
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<{ msg: DhcpMessage; src: string }> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const both = AbortSignal.any([signal, timeout]);
    for (;;) {
      let data: Buffer;
      try {
        ({ data } = await transport.receive(both));
      } catch (err) {
        if (timeout.aborted && !signal.aborted)
          throw new DhcpTimeoutError(`no dhcp reply within ${timeoutMs} ms`);
        throw err;
      }
      const udp = decodeUdp4(data);
      if (!udp || udp.dport !== DHCP_CLIENT_PORT || udp.sport !== DHCP_SERVER_PORT) continue;
      let msg: DhcpMessage;
      try {
        msg = decodeDhcp(udp.payload);
      } catch {
        continue; // not ours to understand; keep waiting
      }
      if (msg.op !== BOOTREPLY || msg.xid !== xid || msg.chaddr !== this.opts.mac.toLowerCase()) continue;
      const type = readU8(msg.options.get(OPT_MESSAGE_TYPE));
      if (type !== undefined && types.includes(type)) return { msg, src: udp.src };
    }
  }
}

function frame(payload: Buffer): Buffer {
  return encodeUdp4('0.0.0.0', '255.255.255.255', DHCP_CLIENT_PORT, DHCP_SERVER_PORT, payload);
}
