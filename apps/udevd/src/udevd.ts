// udevd: listens to kernel uevents and serves the standard health service on its unix socket. On
// a node it owns (`devices`) it also coldplugs at start and keeps /dev/disk/by-* links. Without the uevent socket (dev mode, unprivileged) it still reports SERVING: outside a node
// there are no devices for it to manage, and that is not a fault.
import * as path from 'node:path';
import type { Server } from '@grpc/grpc-js';
import { packageDefinition } from '@talos/api';
import type { Logger } from '@talos/log';
import { addStandardServices, createServer, listenUnix, shutdownServer } from '@talos/rpc';
import type { Uevent } from '@talos/sys';
import { coldplug } from './coldplug';
import { type BlockDevice, DiskLinker } from './disk-links';
import { UeventMonitor, type UeventMonitorOptions, type UeventStats } from './uevent-monitor';

/** Device management, only on a node udevd owns. */
export interface DeviceOptions {
  /** Where device nodes are and links go: /dev. */
  devDir: string;
  /** The sysfs mount: /sys. */
  sysDir: string;
  /** Re-announce every device at start (boot). */
  coldplug: boolean;
}

export interface UdevdOptions {
  socketPath: string;
  logger: Logger;
  open?: UeventMonitorOptions['open'];
  devices?: DeviceOptions;
}

/** The block device a uevent is about, or undefined for other subsystems. */
export function blockDevice(ev: Uevent): BlockDevice | undefined {
  const devname = ev.env.DEVNAME;
  if (ev.subsystem !== 'block' || !devname) return undefined;
  const partn = ev.env.PARTN !== undefined ? Number(ev.env.PARTN) : undefined;
  return {
    action: ev.action,
    devname,
    devpath: ev.devpath,
    ...(ev.env.DEVTYPE ? { devtype: ev.env.DEVTYPE } : {}),
    ...(partn !== undefined && Number.isInteger(partn) ? { partn } : {}),
  };
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
    const devices = opts.devices;
    const linker = devices
      ? new DiskLinker({ devDir: devices.devDir, sysDir: devices.sysDir, logger: opts.logger })
      : undefined;
    const startColdplug = (): void => {
      if (!devices?.coldplug) return;
      const started = Date.now();
      coldplug(path.join(devices.sysDir, 'devices'))
        .then((res) => {
          opts.logger.info(
            { triggered: res.triggered, refused: res.failed.length, ms: Date.now() - started },
            'coldplug done',
          );
        })
        .catch((err: unknown) => opts.logger.error({ err: (err as Error).message }, 'coldplug failed'));
    };
    const monitor = new UeventMonitor({
      logger: opts.logger,
      ...(opts.open ? { open: opts.open } : {}),
      onListening: startColdplug,
      ...(linker
        ? {
            onEvent: async (ev: Uevent) => {
              const dev = blockDevice(ev);
              if (dev) await linker.handle(dev);
            },
          }
        : {}),
    });
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
