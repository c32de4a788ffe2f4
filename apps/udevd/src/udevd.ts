// udevd: listens to kernel uevents and serves the standard health service on its unix socket.
// Without the uevent socket (dev mode, unprivileged) it still reports SERVING: outside a node
// there are no devices for it to manage, and that is not a fault.
import type { Server } from '@grpc/grpc-js';
import { packageDefinition } from '@talos/api';
import type { Logger } from '@talos/log';
import { addStandardServices, createServer, listenUnix, shutdownServer } from '@talos/rpc';
import { UeventMonitor, type UeventMonitorOptions, type UeventStats } from './uevent-monitor';

export interface UdevdOptions {
  socketPath: string;
  logger: Logger;
  open?: UeventMonitorOptions['open'];
}

export class Udevd {
  private constructor(
    private readonly server: Server,
    private readonly monitor: UeventMonitor,
    private readonly stopMonitor: AbortController,
    private readonly monitoring: Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  static async start(opts: UdevdOptions): Promise<Udevd> {
    const server = createServer();
    addStandardServices(server, { serviceNames: [], packageDefinition, reflectServices: [] });
    try {
      await listenUnix(server, opts.socketPath);
    } catch (err) {
      server.forceShutdown();
      throw err;
    }
    opts.logger.info({ socket: opts.socketPath }, 'udevd listening');
    const monitor = new UeventMonitor({ logger: opts.logger, ...(opts.open ? { open: opts.open } : {}) });
    const stopMonitor = new AbortController();
    const monitoring = monitor.run(stopMonitor.signal).catch((err: unknown) => {
      opts.logger.error({ err: (err as Error).message }, 'uevent listener failed');
    });
    return new Udevd(server, monitor, stopMonitor, monitoring, opts.logger);
  }

  stats(): UeventStats {
    return this.monitor.snapshot();
  }

  async stop(): Promise<void> {
    this.stopMonitor.abort();
    await Promise.all([this.monitoring, shutdownServer(this.server)]);
    const { total } = this.monitor.snapshot();
    this.logger.info({ uevents: total }, 'udevd stopped');
  }
}
