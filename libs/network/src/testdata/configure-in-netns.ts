// Test entry, run with `ip netns exec`: configures the namespace's network as networkd does on a
// node, with a temp folder for /system/etc and a file standing in for the kernel hostname (the
// UTS namespace is the host's). Prints the status as JSON and exits once configured.
import * as fs from 'node:fs';
import type { MachineNetworkConfig } from '@talos/config';
import { createLogger } from '@talos/log';
import { RtNetlink } from '@talos/sys';
import { DhcpClient } from '../dhcp/client';
import { configureNodeNetwork } from '../node-network';

interface Args {
  cmdline: string;
  network?: MachineNetworkConfig;
  etcDir: string;
  hostnameFile: string;
  waitMs: number;
  /** Renew this link's lease once after configuring, and print the answer. */
  renew?: string;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as Args;
  const stop = new AbortController();
  const logger = createLogger({ name: 'networkd-test', destination: process.stderr });
  const { configurator, status } = await configureNodeNetwork({
    cmdline: args.cmdline,
    ...(args.network ? { network: args.network } : {}),
    etcDir: args.etcDir,
    setHostname: (name) => fs.writeFileSync(args.hostnameFile, name),
    logger,
    signal: stop.signal,
    dhcpInitialWaitMs: args.waitMs,
  });
  stop.abort();
  await configurator.settled();
  process.stdout.write(`STATUS ${JSON.stringify(status)}\n`);
  const lease = args.renew !== undefined ? status.leases[args.renew] : undefined;
  if (lease) {
    const link = (await new RtNetlink().links()).find((l) => l.name === args.renew)!;
    const client = new DhcpClient({ ifindex: link.index, mac: link.hardwareAddr, logger });
    // Right after the lease, dnsmasq's own address-in-use probe (ARP for the address before we
    // held it) can still be failing in its neighbour table, and its unicast ACK is then dropped:
    // retry, as networkd's renewal loop does.
    let renewed;
    for (let attempt = 1; ; attempt++) {
      try {
        renewed = await client.renew(lease, new AbortController().signal, 3000);
        break;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
    process.stdout.write(`RENEWED ${JSON.stringify(renewed)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
