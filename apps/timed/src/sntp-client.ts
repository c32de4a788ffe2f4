// An SNTP client (RFC 4330): one request, one validated reply, the clock offset from it. Used by
// the syncer and by the TimeService; the wall clock and DNS are passed in so tests can skew them.
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import { isIP } from 'node:net';
import { NTP_PORT, NTP_QUERY_TIMEOUT_MS } from '@talos/constants';
import { decodeReply, encodeRequest, offsetAndDelay, replyProblem } from './ntp-packet';

export interface NtpServerAddress {
  host: string;
  port: number;
}

/** `host`, `host:port`, `[v6]:port` or a bare IPv6 address; the port defaults to 123. */
export function parseServer(server: string, defaultPort = NTP_PORT): NtpServerAddress {
  const s = server.trim();
  if (!s) throw new Error('empty NTP server address');
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? toPort(bracketed[2], s) : defaultPort };
  if (isIP(s) === 6) return { host: s, port: defaultPort };
  const colon = s.lastIndexOf(':');
  if (colon < 0) return { host: s, port: defaultPort };
  return { host: s.slice(0, colon), port: toPort(s.slice(colon + 1), s) };
}

function toPort(p: string, server: string): number {
  const port = Number(p);
  if (!/^\d+$/.test(p) || port < 1 || port > 65535)
    throw new Error(`invalid port in NTP server address "${server}"`);
  return port;
}

export interface NtpResult {
  /** The server as asked for (`pool.ntp.org`, `127.0.0.1:12345`). */
  server: string;
  /** The address queried, after resolution. */
  address: string;
  stratum: number;
  leap: number;
  refId: string;
  /** How far the server's clock is ahead of ours. */
  offsetMs: number;
  /** Round-trip delay, excluding the server's processing time. */
  delayMs: number;
  rootDelayMs: number;
  rootDispersionMs: number;
  /** Our clock when the reply arrived. */
  localTimeMs: number;
  /** The server's clock at that moment: local time + offset. */
  remoteTimeMs: number;
}

export type Lookup = (host: string) => Promise<{ address: string; family: number }>;

export interface SntpClientOptions {
  timeoutMs?: number;
  /** The wall clock in Unix milliseconds; Date.now by default. */
  wallClock?: () => number;
  lookup?: Lookup;
}

const defaultLookup: Lookup = (host) => dns.promises.lookup(host);

export class SntpClient {
  private readonly timeoutMs: number;
  private readonly wallClock: () => number;
  private readonly lookup: Lookup;

  constructor(opts: SntpClientOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? NTP_QUERY_TIMEOUT_MS;
    this.wallClock = opts.wallClock ?? Date.now;
    this.lookup = opts.lookup ?? defaultLookup;
  }

  /** Queries `server` once; errors read "error querying NTP server <server>: <reason>". */
  async query(server: string, signal?: AbortSignal): Promise<NtpResult> {
    try {
      const { host, port } = parseServer(server);
      let address = host;
      let family = isIP(host);
      if (!family) {
        try {
          ({ address, family } = await this.lookup(host));
        } catch (err) {
          throw new Error(
            `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
          );
        }
      }
      return await this.exchange(server, address, family === 6 ? 'udp6' : 'udp4', port, signal);
    } catch (err) {
      throw new Error(`error querying NTP server ${server}: ${(err as Error).message}`, { cause: err });
    }
  }

  private exchange(
    server: string,
    address: string,
    type: 'udp4' | 'udp6',
    port: number,
    signal?: AbortSignal,
  ): Promise<NtpResult> {
    return new Promise((resolve, reject) => {
      const sock = dgram.createSocket(type);
      let t1 = 0;
      let sentAt = 0n;
      let request: Buffer | undefined;
      let mismatched = 0;
      let done = false;
      const finish = (err: Error | undefined, result?: NtpResult): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        sock.close();
        if (err) reject(err);
        else resolve(result!);
      };
      const onAbort = (): void => finish(new Error('aborted'));
      const timer = setTimeout(() => {
        const note = mismatched ? ` (ignored ${mismatched} reply(ies) not matching the request)` : '';
        finish(new Error(`timeout after ${this.timeoutMs} ms${note}`));
      }, this.timeoutMs);
      if (signal?.aborted) return finish(new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });

      sock.on('error', (err: NodeJS.ErrnoException) => {
        finish(
          new Error(
            err.code === 'ECONNREFUSED' ? 'connection refused (no NTP server on that port)' : err.message,
          ),
        );
      });
      sock.on('message', (msg) => {
        // T4 from the monotonic clock, so that the round trip is measured exactly.
        const t4 = t1 + Number(process.hrtime.bigint() - sentAt) / 1e6;
        let reply;
        try {
          reply = decodeReply(msg);
        } catch (err) {
          return finish(err as Error);
        }
        // RFC 4330 §5: a reply whose origin timestamp is not our transmit timestamp is not ours.
        if (!request || !reply.origin.equals(request.subarray(40, 48))) {
          mismatched++;
          return;
        }
        const problem = replyProblem(reply);
        if (problem) return finish(new Error(problem));
        const { offsetMs, delayMs } = offsetAndDelay(t1, reply.receiveMs, reply.transmitMs, t4);
        finish(undefined, {
          server,
          address: type === 'udp6' ? `[${address}]:${port}` : `${address}:${port}`,
          stratum: reply.stratum,
          leap: reply.leap,
          refId: reply.refId,
          offsetMs,
          delayMs,
          rootDelayMs: reply.rootDelayMs,
          rootDispersionMs: reply.rootDispersionMs,
          localTimeMs: t4,
          remoteTimeMs: t4 + offsetMs,
        });
      });
      // A connected socket hears ICMP port-unreachable as ECONNREFUSED, and drops datagrams
      // from any other source.
      sock.connect(port, address, () => {
        t1 = this.wallClock();
        sentAt = process.hrtime.bigint();
        request = encodeRequest(t1);
        sock.send(request, (err) => {
          if (err) finish(err);
        });
      });
    });
  }
}
