// What every daemon's main.ts shares: its command-line basics and its life cycle (start, log a
// fatal start-up error and exit 1, stop cleanly once on SIGTERM/SIGINT and exit 0; a signal during
// the start exits at once).
import { performance } from 'node:perf_hooks';
import { Command, InvalidArgumentError } from 'commander';
import { createLogger, type Logger } from '@talos/log';
import { describeStartup, startupTiming } from './startup-timing';

export { describeStartup, startupTiming, type StartupTiming } from './startup-timing';

/** A started daemon: whatever `stop` needs to close (servers, timers, children). */
export interface RunningDaemon {
  stop(): Promise<void>;
}

export interface DaemonProcess {
  exit(code: number): void;
  once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

/**
 * Starts a daemon and wires its shutdown. A start that throws is logged as fatal with the reason
 * and ends the process with 1, so the supervisor sees a failed run and restarts it with back-off.
 */
export async function runDaemon(
  name: string,
  start: (logger: Logger) => Promise<RunningDaemon>,
  opts: { logger?: Logger; proc?: DaemonProcess } = {},
): Promise<void> {
  // The bundle's top level (every import) ran before its entry called this.
  const loaded = performance.now();
  const logger = opts.logger ?? createLogger({ name });
  const proc: DaemonProcess = opts.proc ?? process;
  let daemon: RunningDaemon | undefined;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Still starting: nothing serves yet that needs a clean close.
    if (!daemon) return proc.exit(0);
    daemon.stop().then(
      () => proc.exit(0),
      (err: unknown) => {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, 'error stopping');
        proc.exit(1);
      },
    );
  };
  // Set before the start, which can take long (a worker's apid waits for trustd): a daemon is PID 1
  // of its container, where a signal without a handler is ignored, and the runner would wait its
  // whole grace period, then kill it.
  proc.once('SIGTERM', () => stop('SIGTERM'));
  proc.once('SIGINT', () => stop('SIGINT'));
  try {
    const started = await start(logger);
    if (stopping) return;
    daemon = started;
    const startup = startupTiming({ loaded, started: performance.now() });
    logger.info({ startup }, describeStartup(startup));
  } catch (err) {
    logger.fatal({ err: err instanceof Error ? err.message : String(err) }, `${name} failed to start`);
    proc.exit(1);
  }
}

/** The flags every daemon takes: `--root DIR` (every path of the node lives under it). */
export function daemonCommand(name: string): Command {
  return new Command(name).option('--root <dir>', 'node root: every path lives under it', '/');
}

/** A commander parser for TCP ports. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`"${value}" is not a TCP port`);
  }
  return port;
}
