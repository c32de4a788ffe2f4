// network.NodeAddressController: NodeAddress (network/default, {addresses}) from networkd. networkd
// knows nothing of resources; this controller, the type's only writer, asks its
// network.NetworkService/Interfaces every period and keeps the node's addresses, ascending, without
// loopback and link-local ones (docs/decisions/0005).
import * as net from 'node:net';
import { clients, type google, type network } from '@talos/api';
import type { Controller } from '@talos/resources';
import { dialUnix, unary } from '@talos/rpc';
import { assertSocket } from '../system/grpc-health';
import { NODE_ADDRESS_ID, NodeAddressKind } from './kinds';
import { pollEvery } from './poll';

export const NODE_ADDRESS_CONTROLLER = 'network.NodeAddressController';

/** How often networkd is asked. */
export const NODE_ADDRESS_POLL_MS = 5_000;

/** How long one Interfaces call may take. */
const INTERFACES_TIMEOUT_MS = 3_000;

/**
 * The addresses (CIDR) of every interface, as networkd lists them; undefined while networkd is not
 * serving yet (it starts well after machined: not an error).
 */
export type InterfaceAddressSource = (signal: AbortSignal) => Promise<network.IInterface[] | undefined>;

/** The source asking networkd's network.NetworkService on `socketPath`. */
export function networkdInterfaces(socketPath: string): InterfaceAddressSource {
  return async () => {
    // No socket yet: networkd has not started. A stat, not a channel per period.
    const serving = await assertSocket(socketPath).then(
      () => true,
      () => false,
    );
    if (!serving) return undefined;
    const client = dialUnix(clients.network.NetworkService, socketPath, {
      'grpc.use_local_subchannel_pool': 1,
    });
    try {
      const res = await unary<google.protobuf.IEmpty, network.InterfacesResponse>(
        client,
        client.Interfaces,
        {},
        { timeoutMs: INTERFACES_TIMEOUT_MS },
      );
      return res.messages.flatMap((m) => m.interfaces ?? []);
    } finally {
      client.close();
    }
  };
}

/** The node's addresses: no loopback or link-local ones, no duplicates, ascending (IPv4 first). */
export function nodeAddresses(interfaces: readonly network.IInterface[]): string[] {
  const seen = new Set<string>();
  for (const iface of interfaces)
    for (const cidr of iface.ipaddress ?? []) {
      const ip = cidr.split('/')[0] ?? '';
      if (net.isIP(ip) === 0 || isLoopback(ip) || isLinkLocal(ip)) continue;
      seen.add(cidr);
    }
  return [...seen].sort(compareCidr);
}

function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') || ip === '::1';
}

function isLinkLocal(ip: string): boolean {
  if (ip.startsWith('169.254.')) return true;
  return net.isIPv6(ip) && /^fe[89ab]/i.test(ip);
}

function compareCidr(a: string, b: string): number {
  const ka = addressKey(a);
  const kb = addressKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A string that sorts as the address does: family, then the address bytes, then the prefix. */
function addressKey(cidr: string): string {
  const [ip = '', prefix = ''] = cidr.split('/');
  const bytes = net.isIPv4(ip) ? ip.split('.').map(Number) : ipv6Bytes(ip);
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${net.isIPv4(ip) ? 4 : 6}:${hex}/${prefix.padStart(3, '0')}`;
}

function ipv6Bytes(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return all.flatMap((g) => {
    const n = parseInt(g, 16) || 0;
    return [n >> 8, n & 0xff];
  });
}

export function nodeAddressController(
  source: InterfaceAddressSource,
  periodMs = NODE_ADDRESS_POLL_MS,
): Controller {
  return {
    name: NODE_ADDRESS_CONTROLLER,
    inputs: [],
    outputs: [{ type: NodeAddressKind.definition.type, kind: 'exclusive' }],
    // No inputs to wake it: one reconcile that polls until the runtime stops. Until networkd serves
    // (it starts after machined) nothing is published and nothing logged. While it does not answer
    // the last addresses stay published and the next period retries; that failure is logged once
    // per outage, not every period.
    async reconcile({ state, logger, signal }) {
      let failing = false;
      await pollEvery(periodMs, signal, async () => {
        let interfaces: network.IInterface[] | undefined;
        try {
          interfaces = await source(signal);
        } catch (err) {
          if (!failing && !signal.aborted)
            logger.warn({ err: (err as Error).message }, 'error listing interfaces from networkd');
          failing = true;
          return;
        }
        failing = false;
        if (signal.aborted || interfaces === undefined) return;
        const addresses = nodeAddresses(interfaces);
        await state.modify(NodeAddressKind.pointer(NODE_ADDRESS_ID), () => ({ addresses }));
      });
    },
  };
}
