// The client's state machine against a scripted server behind an in-memory transport (the real
// exchange with dnsmasq over a veth is in node-network.spec.ts).
import { silentLogger } from '@talos/log';
import { DhcpClient, DhcpNakError, type DhcpTransport } from './client';
import {
  BOOTREPLY,
  DHCPACK,
  DHCPDISCOVER,
  DHCPNAK,
  DHCPOFFER,
  DHCPREQUEST,
  type DhcpMessage,
  OPT_LEASE_TIME,
  OPT_MESSAGE_TYPE,
  OPT_REQUESTED_IP,
  OPT_ROUTER,
  OPT_SERVER_ID,
  OPT_SUBNET_MASK,
  decodeDhcp,
  decodeUdp4,
  encodeDhcp,
  encodeUdp4,
  optIPs,
  optU32,
  optU8,
  readIPs,
  readU8,
} from './message';

const MAC = '52:54:00:12:34:56';

/** A transport whose "server" answers each request with what `answer` returns (or nothing). */
function scripted(answer: (req: DhcpMessage, src: string) => DhcpMessage[] | undefined) {
  const log: { type: number | undefined; src: string; req: DhcpMessage }[] = [];
  const transport = (): DhcpTransport => {
    const queue: Buffer[] = [];
    let wake: (() => void) | undefined;
    return {
      send(pkt) {
        const udp = decodeUdp4(pkt)!;
        const req = decodeDhcp(udp.payload);
        log.push({ type: readU8(req.options.get(OPT_MESSAGE_TYPE)), src: udp.src, req });
        for (const reply of answer(req, udp.src) ?? []) {
          queue.push(encodeUdp4('10.0.2.2', '255.255.255.255', 67, 68, encodeDhcp(reply)));
        }
        wake?.();
      },
      async receive(signal) {
        while (queue.length === 0) {
          await new Promise<void>((resolve, reject) => {
            wake = resolve;
            signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
          });
        }
        return { data: queue.shift()! };
      },
      close() {},
    };
  };
  return { transport, log };
}

function reply(req: DhcpMessage, type: number, extra: Partial<DhcpMessage> = {}): DhcpMessage {
  return {
    op: BOOTREPLY,
    xid: req.xid,
    chaddr: req.chaddr,
    yiaddr: '10.0.2.15',
    options: new Map([
      [OPT_MESSAGE_TYPE, optU8(type)],
      [OPT_SERVER_ID, optIPs(['10.0.2.2'])],
      [OPT_SUBNET_MASK, optIPs(['255.255.255.0'])],
      [OPT_ROUTER, optIPs(['10.0.2.2'])],
      [OPT_LEASE_TIME, optU32(600)],
    ]),
    ...extra,
  };
}

describe('DhcpClient', () => {
  it('retries after silence, ignores replies for others, and completes DISCOVER/OFFER/REQUEST/ACK', async () => {
    let discovers = 0;
    const server = scripted((req) => {
      const type = readU8(req.options.get(OPT_MESSAGE_TYPE));
      if (type === DHCPDISCOVER && ++discovers === 1) return undefined; // first one lost
      if (type === DHCPDISCOVER) {
        return [
          reply(req, DHCPOFFER, { xid: req.xid + 1 }),
          reply(req, DHCPOFFER, { chaddr: '02:00:00:00:00:09' }),
          reply(req, DHCPOFFER),
        ];
      }
      if (type === DHCPREQUEST) return [reply(req, DHCPACK)];
      return undefined;
    });
    const client = new DhcpClient({
      ifindex: 2,
      mac: MAC,
      logger: silentLogger(),
      open: server.transport,
      initialTimeoutMs: 50,
    });
    const lease = await client.obtain(new AbortController().signal);
    expect(lease).toMatchObject({
      address: '10.0.2.15',
      prefixLen: 24,
      routers: ['10.0.2.2'],
      leaseSeconds: 600,
      renewSeconds: 300,
    });
    expect(server.log.map((l) => l.type)).toEqual([DHCPDISCOVER, DHCPDISCOVER, DHCPREQUEST]);
    const request = server.log[2]!.req;
    expect(readIPs(request.options.get(OPT_REQUESTED_IP))).toEqual(['10.0.2.15']);
    expect(readIPs(request.options.get(OPT_SERVER_ID))).toEqual(['10.0.2.2']);
    expect(request.broadcast).toBe(true);
    expect(server.log[0]!.src).toBe('0.0.0.0');
  });

  it('renews from its address with ciaddr, and throws DhcpNakError on a NAK', async () => {
    let nak = false;
    const server = scripted((req) => {
      const type = readU8(req.options.get(OPT_MESSAGE_TYPE));
      return [reply(req, type === DHCPDISCOVER ? DHCPOFFER : nak ? DHCPNAK : DHCPACK)];
    });
    const client = new DhcpClient({
      ifindex: 2,
      mac: MAC,
      logger: silentLogger(),
      open: server.transport,
      now: () => 42,
    });
    const lease = await client.obtain(new AbortController().signal);
    const renewed = await client.renew(lease, new AbortController().signal);
    expect(renewed.obtainedAt).toBe(42);
    const req = server.log.at(-1)!;
    expect(req.src).toBe('10.0.2.15');
    expect(req.req.ciaddr).toBe('10.0.2.15');
    expect(req.req.options.has(OPT_SERVER_ID)).toBe(false);
    nak = true;
    await expect(client.renew(lease, new AbortController().signal)).rejects.toBeInstanceOf(DhcpNakError);
  });

  it('stops retrying when aborted', async () => {
    const server = scripted(() => undefined);
    const client = new DhcpClient({
      ifindex: 2,
      mac: MAC,
      logger: silentLogger(),
      open: server.transport,
      initialTimeoutMs: 20,
    });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    await expect(client.obtain(ac.signal)).rejects.toThrow();
    const sent = server.log.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(server.log.length).toBe(sent);
    expect(sent).toBeGreaterThanOrEqual(2);
  });
});
