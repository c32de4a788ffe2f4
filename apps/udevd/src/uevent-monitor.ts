// Reads kernel uevents, logs and counts them, and hands each to udevd's handlers (device links on
// a node udevd owns). A listener that cannot open (dev mode without the privilege) is reported
// once and leaves the daemon serving: outside a node there are no devices to manage.
import type { Logger } from '@talos/log';
import { type Uevent, UeventListener } from '@talos/sys';

export interface UeventMonitorOptions {
  logger: Logger;
  /** Opens the kernel uevent listener; replaced in tests. */
  open?: (onOverrun: () => void) => UeventListener;
  /** Called once the socket is open (coldplug starts then, so no announcement is missed). */
  onListening?: () => void;
  /** Handles one event; awaited, so events are handled in the kernel's order. Failures are logged. */
  onEvent?: (ev: Uevent) => Promise<void>;
}

export interface UeventStats {
  /** Whether the kernel uevent socket is open. */
  listening: boolean;
  total: number;
  bySubsystem: Record<string, number>;
  /** Times the kernel dropped events because we read too slowly. */
  overruns: number;
  lastSeqnum?: number;
}

export class UeventMonitor {
  private readonly stats: UeventStats = { listening: false, total: 0, bySubsystem: {}, overruns: 0 };

  constructor(private readonly opts: UeventMonitorOptions) {}

  snapshot(): UeventStats {
    return { ...this.stats, bySubsystem: { ...this.stats.bySubsystem } };
  }

  /** Listens until `signal` aborts. Resolves false when the uevent socket cannot be opened. */
  async run(signal: AbortSignal): Promise<boolean> {
    const { logger } = this.opts;
    const onOverrun = (): void => {
      this.stats.overruns++;
      logger.warn('kernel uevents were dropped (receive buffer overrun)');
    };
    let listener: UeventListener;
    try {
      listener = (this.opts.open ?? ((cb) => UeventListener.open({ onOverrun: cb })))(onOverrun);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'not listening to kernel uevents (normal in dev mode)');
      return false;
    }
    this.stats.listening = true;
    logger.info('listening to kernel uevents');
    this.opts.onListening?.();
    try {
      for await (const ev of listener.events(signal)) {
        this.stats.total++;
        this.stats.bySubsystem[ev.subsystem] = (this.stats.bySubsystem[ev.subsystem] ?? 0) + 1;
        if (ev.seqnum !== undefined) this.stats.lastSeqnum = ev.seqnum;
        logger.debug(
          { action: ev.action, devpath: ev.devpath, subsystem: ev.subsystem, seqnum: ev.seqnum },
          'uevent',
        );
        try {
          await this.opts.onEvent?.(ev);
        } catch (err) {
          logger.warn(
            { devpath: ev.devpath, action: ev.action, err: (err as Error).message },
            'error handling uevent',
          );
        }
      }
    } finally {
      this.stats.listening = false;
    }
    return true;
  }
}
