// The network a node needs before it has a config: to fetch `talos.config=<URL>` the links must be
// up with an address, and networkd (DHCP by default) normally starts as a container only once the
// config is there. So, as Talos's discovery network does, machined runs networkd's bundle as a
// plain child process until the config is fetched; the networkd container takes over afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { daemonBundle } from '@talos/constants';
import type { Logger } from '@talos/log';

export interface DiscoveryNetworkOptions {
  bundleDir: string;
  root: string;
  logger: Logger;
  /** The node executable (default: the one running machined). */
  node?: string;
  /** How long networkd gets between SIGTERM and SIGKILL. */
  graceMs?: number;
}

export interface DiscoveryNetwork {
  stop(): Promise<void>;
}

export function startDiscoveryNetwork(opts: DiscoveryNetworkOptions): DiscoveryNetwork {
  const { logger } = opts;
  const child: ChildProcess = spawn(
    opts.node ?? process.execPath,
    [daemonBundle('networkd', opts.bundleDir), '--root', opts.root],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  logger.info(`starting the discovery network (networkd, PID ${child.pid ?? '?'})`);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      logger.info(`discovery networkd exited (${signal ?? `code ${code}`})`);
      resolve();
    });
    child.once('error', (err) => {
      logger.error(`error starting the discovery network: ${err.message}`);
      resolve();
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      let msg = line;
      try {
        msg = String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
      } catch {
        // not JSON: keep the line
      }
      logger.info(`discovery networkd: ${msg}`);
    });
  }
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.graceMs ?? 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
