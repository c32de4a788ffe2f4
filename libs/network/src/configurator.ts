// Configures the node's network from a plan: links up (MTU first), static addresses and routes,
// DHCP leases (kept renewed), then the hostname, /system/etc/hosts and resolv.conf. Only ever
// run on a node networkd owns (main.ts decides); everything it touches is passed in.
import { setTimeout as delay } from 'node:timers/promises';
import * as path from 'node:path';
import {
  DEFAULT_NAMESERVERS,
  DHCP_DEFAULT_ROUTE_METRIC,
  DHCP_INITIAL_WAIT_MS,
  SYSTEM_ETC_HOSTNAME,
  SYSTEM_ETC_HOSTS,
  SYSTEM_ETC_RESOLV_CONF,
} from '@talos/constants';
import type { Logger } from '@talos/log';
import {
  AF_INET,
  RTPROT_DHCP,
  RTPROT_STATIC,
  RtNetlink,
  SyscallError,
  ipv4Broadcast,
  parseCIDR,
} from '@talos/sys';
import { DhcpClient, DhcpNakError, type DhcpTransport } from './dhcp/client';
import type { Lease } from './dhcp/lease';
import { defaultHostname, renderHosts, renderResolvConf, writeInPlace } from './etc-files';
import type { LinkPlan, NetworkPlan } from './plan';

const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the configurator changes in the kernel; RtNetlink in production. */
export type NetlinkWriter = Pick<
  RtNetlink,
  'setLinkUp' | 'setLinkMtu' | 'addAddress' | 'deleteAddress' | 'addRoute' | 'deleteRoute'
>;

export interface ConfiguratorOptions {
  plan: NetworkPlan;
  logger: Logger;
  /** `<root>/system/etc`: hosts and resolv.conf go there. */
  etcDir: string;
  setHostname: (name: string) => void;
  netlink?: NetlinkWriter;
  openDhcp?: (link: LinkPlan) => DhcpTransport;
  dhcpInitialTimeoutMs?: number;
  dhcpInitialWaitMs?: number;
}

export interface NetworkStatus {
  hostname?: string;
  nameservers: string[];
  /** Leases by link name. */
  leases: Record<string, Lease>;
  /** Problems met, one line each (a link that failed does not stop the others). */
  errors: string[];
}

export class NetworkConfigurator {
  private readonly netlink: NetlinkWriter;
  private readonly leases = new Map<string, Lease>();
  private readonly errors: string[] = [];
  private readonly renewals: Promise<void>[] = [];
  private hostname: string | undefined;
  private nameservers: string[] = [];
  private writes = Promise.resolve();

  constructor(private readonly opts: ConfiguratorOptions) {
    this.netlink = opts.netlink ?? new RtNetlink();
  }

  status(): NetworkStatus {
    return {
      ...(this.hostname !== undefined ? { hostname: this.hostname } : {}),
      nameservers: [...this.nameservers],
      leases: Object.fromEntries(this.leases),
      errors: [...this.errors],
    };
  }

  /**
   * Configures every planned link and writes the files once (after DHCP answered on every DHCP
   * link, or after DHCP_INITIAL_WAIT_MS). Leases are renewed until `signal` aborts; a lease that
   * arrives late rewrites the files.
   */
  async run(signal: AbortSignal): Promise<NetworkStatus> {
    const { plan, logger } = this.opts;
    if (plan.ignored.length) logger.info({ links: plan.ignored }, 'ignoring links');
    const dhcpDone: Promise<void>[] = [];
    for (const link of plan.links) {
      try {
        await this.configureStatic(link);
      } catch (err) {
        this.fail(err);
        continue;
      }
      if (link.dhcp) dhcpDone.push(this.startDhcp(link, signal));
    }
    const wait = this.opts.dhcpInitialWaitMs ?? DHCP_INITIAL_WAIT_MS;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(dhcpDone),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, wait))),
      new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
    ]);
    clearTimeout(timer);
    await this.writeFiles();
    return this.status();
  }

  /** Waits for the renewal loops to end (after `signal` aborted). */
  async settled(): Promise<void> {
    await Promise.all(this.renewals);
    await this.writes;
  }

  private fail(err: unknown): void {
    const msg = (err as Error).message;
    this.errors.push(msg);
    this.opts.logger.error({ err: msg }, 'network configuration failed');
  }

  private async configureStatic(link: LinkPlan): Promise<void> {
    const { logger } = this.opts;
    if (link.mtu !== undefined) await this.netlink.setLinkMtu(link.index, link.mtu);
    await this.netlink.setLinkUp(link.index);
    for (const cidr of link.addresses) {
      const { address, prefixLen, family } = parseCIDR(cidr);
      await this.netlink.addAddress({
        index: link.index,
        address,
        prefixLen,
        ...(family === AF_INET ? { broadcast: ipv4Broadcast(address, prefixLen) } : {}),
      });
    }
    for (const r of link.routes) await this.addRoute(link, r.network, r.gateway, r.metric, RTPROT_STATIC);
    logger.info(
      {
        link: link.name,
        source: link.source,
        addresses: link.addresses,
        routes: link.routes.length,
        dhcp: link.dhcp,
      },
      'link configured',
    );
  }

  private async addRoute(
    link: LinkPlan,
    network: string,
    gateway: string,
    metric: number | undefined,
    protocol: number,
    prefsrc?: string,
  ): Promise<void> {
    const dst = parseCIDR(network);
    await this.netlink.addRoute({
      family: dst.family,
      destination: dst.address,
      dstLen: dst.prefixLen,
      gateway,
      oif: link.index,
      protocol,
      ...(metric !== undefined ? { priority: metric } : {}),
      ...(prefsrc !== undefined ? { prefsrc } : {}),
    });
  }

  /** Obtains the first lease (resolves then, or never if `signal` aborts first) and keeps renewing it. */
  private startDhcp(link: LinkPlan, signal: AbortSignal): Promise<void> {
    const client = new DhcpClient({
      ifindex: link.index,
      mac: link.mac,
      logger: this.opts.logger.child({ link: link.name }),
      ...(this.opts.plan.hostname ? { hostname: this.opts.plan.hostname } : {}),
      ...(this.opts.openDhcp ? { open: () => this.opts.openDhcp!(link) } : {}),
      ...(this.opts.dhcpInitialTimeoutMs ? { initialTimeoutMs: this.opts.dhcpInitialTimeoutMs } : {}),
    });
    let first: () => void = () => undefined;
    const obtained = new Promise<void>((resolve) => (first = resolve));
    const loop = this.dhcpLoop(link, client, signal, () => first()).catch((err: unknown) => {
      if (!signal.aborted) this.fail(err);
    });
    this.renewals.push(loop.finally(() => first()));
    return obtained;
  }

  private async dhcpLoop(
    link: LinkPlan,
    client: DhcpClient,
    signal: AbortSignal,
    onFirst: () => void,
  ): Promise<void> {
    const { logger } = this.opts;
    while (!signal.aborted) {
      let lease: Lease;
      try {
        lease = await client.obtain(signal);
      } catch (err) {
        if (signal.aborted) return;
        throw err;
      }
      await this.applyLease(link, lease);
      onFirst();
      // Keep it: renew at T1, retry at half the remaining time until it expires (RFC 2131 4.4.5).
      for (;;) {
        const expires = lease.obtainedAt + lease.leaseSeconds * 1000;
        let at = lease.obtainedAt + lease.renewSeconds * 1000;
        let renewed: Lease | undefined;
        while (!signal.aborted && Date.now() < expires) {
          // setTimeout caps at 2^31-1 ms; an infinite lease just waits (never renews).
          await delay(Math.min(Math.max(at - Date.now(), 1000), MAX_TIMER_MS), undefined, { signal }).catch(
            () => undefined,
          ); // an abort ends the wait
          if (signal.aborted) return;
          if (Date.now() < at) continue;
          try {
            renewed = await client.renew(lease, signal);
            break;
          } catch (err) {
            if (signal.aborted) return;
            if (err instanceof DhcpNakError) break;
            logger.warn({ link: link.name, err: (err as Error).message }, 'dhcp renewal failed');
            at = Date.now() + Math.max((expires - Date.now()) / 2, 60_000);
          }
        }
        if (signal.aborted) return;
        if (!renewed) {
          logger.warn({ link: link.name, address: lease.address }, 'dhcp lease lost');
          await this.dropLease(link, lease);
          break; // back to DISCOVER
        }
        if (renewed.address !== lease.address) await this.dropLease(link, lease);
        lease = renewed;
        await this.applyLease(link, lease);
      }
    }
  }

  private async applyLease(link: LinkPlan, lease: Lease): Promise<void> {
    const { logger } = this.opts;
    const had = this.leases.get(link.name);
    if (lease.mtu !== undefined && link.mtu === undefined) {
      await this.netlink.setLinkMtu(link.index, lease.mtu).catch((err: unknown) => this.fail(err));
    }
    await this.netlink.addAddress({
      index: link.index,
      address: lease.address,
      prefixLen: lease.prefixLen,
      broadcast: ipv4Broadcast(lease.address, lease.prefixLen),
    });
    const gateway = lease.routers[0];
    if (gateway !== undefined) {
      const metric = link.dhcpRouteMetric ?? DHCP_DEFAULT_ROUTE_METRIC;
      try {
        await this.addRoute(link, '0.0.0.0/0', gateway, metric, RTPROT_DHCP, lease.address);
      } catch (err) {
        // A router outside the leased subnet needs a link route to it first (RFC 3442's advice).
        if (!SyscallError.is(err, 'ENETUNREACH')) throw err;
        await this.netlink.addRoute({
          destination: gateway,
          dstLen: 32,
          oif: link.index,
          protocol: RTPROT_DHCP,
        });
        await this.addRoute(link, '0.0.0.0/0', gateway, metric, RTPROT_DHCP, lease.address);
      }
    }
    this.leases.set(link.name, lease);
    if (!had || had.address !== lease.address) {
      logger.info(
        {
          link: link.name,
          address: `${lease.address}/${lease.prefixLen}`,
          gateway,
          dns: lease.dns,
          server: lease.serverId,
          leaseSeconds: lease.leaseSeconds,
        },
        'dhcp lease obtained',
      );
      // A lease after the first write (slow server) updates hosts and resolv.conf.
      if (this.written) await this.writeFiles();
    }
  }

  private async dropLease(link: LinkPlan, lease: Lease): Promise<void> {
    this.leases.delete(link.name);
    await this.netlink
      .deleteAddress({ index: link.index, address: lease.address, prefixLen: lease.prefixLen })
      .catch((err: unknown) =>
        this.opts.logger.warn({ err: (err as Error).message }, 'error dropping lease'),
      );
  }

  private written = false;

  /** Hostname, hosts and resolv.conf from the config, then the leases, then ip=, then defaults. */
  private writeFiles(): Promise<void> {
    this.writes = this.writes.then(() => this.doWriteFiles()).catch((err: unknown) => this.fail(err));
    return this.writes;
  }

  private async doWriteFiles(): Promise<void> {
    const { plan, logger, etcDir } = this.opts;
    const leases = plan.links.map((l) => this.leases.get(l.name)).filter((l): l is Lease => l !== undefined);
    const firstStatic = plan.links.flatMap((l) => l.addresses)[0];
    const address = leases[0]?.address ?? (firstStatic ? parseCIDR(firstStatic).address : undefined);
    const hostname =
      plan.hostname ??
      leases.find((l) => l.hostname)?.hostname ??
      plan.ipArg?.hostname ??
      defaultHostname(address) ??
      'talos';
    // A dotted config hostname carries its own domain; the short name is what the kernel gets.
    const [short = hostname, ...rest] = hostname.split('.');
    const domain = rest.length ? rest.join('.') : leases.find((l) => l.domain)?.domain;
    const fromLeases = [...new Set([...(plan.ipArg?.dns ?? []), ...leases.flatMap((l) => l.dns)])];
    this.nameservers = plan.nameservers ?? (fromLeases.length ? fromLeases : [...DEFAULT_NAMESERVERS]);
    await writeInPlace(
      path.join(etcDir, SYSTEM_ETC_HOSTS),
      renderHosts({
        hostname: short,
        ...(domain ? { domain } : {}),
        ...(address ? { address } : {}),
        extraHosts: plan.extraHosts,
      }),
    );
    await writeInPlace(
      path.join(etcDir, SYSTEM_ETC_RESOLV_CONF),
      renderResolvConf(this.nameservers, domain ? [domain] : []),
    );
    await writeInPlace(path.join(etcDir, SYSTEM_ETC_HOSTNAME), `${short}\n`);
    if (this.hostname !== short) {
      try {
        this.opts.setHostname(short);
      } catch (err) {
        throw new Error(`error setting hostname ${short}: ${(err as Error).message}`, { cause: err });
      }
      this.hostname = short;
    }
    this.written = true;
    logger.info(
      { hostname: short, domain, nameservers: this.nameservers, etc: etcDir },
      'wrote hostname, hosts and resolv.conf',
    );
  }
}

/** The NTP servers learned from DHCP and ip= (timed may use them when the config names none). */
export function learnedNtpServers(plan: NetworkPlan, status: NetworkStatus): string[] {
  return [...new Set([...(plan.ipArg?.ntp ?? []), ...Object.values(status.leases).flatMap((l) => l.ntp)])];
}
