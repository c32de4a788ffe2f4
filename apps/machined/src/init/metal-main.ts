// The metal entry: machined as PID 1 of a node (or, with --metal, of a pid namespace in tests).
// Wires the console, the log buffer and the metal service list into MetalBoot.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import {
  IMAGE_BUNDLE_DIR,
  METAL_CONSOLE_PATH,
  METAL_LISTEN_ADDRESS,
  METAL_PATH,
  PROC_CMDLINE_PATH,
} from '@talos/constants';
import { startupTiming } from '@talos/daemon';
import { createLogger } from '@talos/log';
import { systemContainerd, systemServices } from '../containerd/system-services';
import { LogBuffer } from '../system/log-buffer';
import { consoleStream } from './console-log';
import { startDiscoveryNetwork } from './discovery-network';
import { MetalBoot } from './metal-boot';

export interface MetalFlags {
  root: string;
  /** The kernel command line's file (default /proc/cmdline). */
  cmdline?: string;
  /** Where progress lines go (default /dev/kmsg). */
  console?: string;
  fatalDelay?: string;
  bundleDir?: string;
}

export async function runMetal(flags: MetalFlags): Promise<MetalBoot> {
  const loaded = performance.now();
  // The kernel starts init with next to no environment; every child inherits this one.
  process.env.PATH ??= METAL_PATH;
  const machinedLog = new LogBuffer();
  // Every line goes to the log buffer (`talosctl logs machined`) and a short form to the console.
  const destination = new PassThrough();
  const buffer = machinedLog.writable();
  const console = consoleStream(flags.console ?? METAL_CONSOLE_PATH);
  destination.on('data', (chunk: Buffer) => {
    buffer.write(chunk);
    console.write(chunk);
  });
  const logger = createLogger({ name: 'machined', destination });

  // PID 1 must not die: the kernel panics. Log it, and keep the node running.
  process.on('uncaughtException', (err) => logger.error(`uncaught exception: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => logger.error(`unhandled rejection: ${String(err)}`));

  // PID 1 must not exit either, even with nothing else left to wait for (no config yet).
  setInterval(() => undefined, 1 << 30);

  const cmdlineFile = flags.cmdline ?? PROC_CMDLINE_PATH;
  const bundleDir = flags.bundleDir ?? IMAGE_BUNDLE_DIR;
  const boot = new MetalBoot({
    root: flags.root,
    address: METAL_LISTEN_ADDRESS,
    logger,
    machinedLog,
    bundleDir,
    cmdline: () => fs.readFileSync(cmdlineFile, 'utf8'),
    services: (node) =>
      systemServices({ ...node.serviceOptions(), containerdSocket: node.paths.socket('containerd') }),
    earlyServices: () => [systemContainerd({ root: flags.root })],
    discoveryNetwork: (network) =>
      startDiscoveryNetwork({
        root: flags.root,
        logger,
        cmdline: () => fs.readFileSync(cmdlineFile, 'utf8'),
        network,
      }),
    fatalDelayMs: flags.fatalDelay === undefined ? undefined : Number(flags.fatalDelay),
  });
  const t = startupTiming({ loaded, started: loaded });
  logger.info(
    { startup: t },
    `machined started as PID ${process.pid} (node ${t.nodeMs} ms, bundle ${t.bundleMs} ms; ${t.cpuMs} ms CPU)`,
  );
  try {
    await boot.boot();
  } catch (err) {
    logger.fatal(`boot failed: ${(err as Error).message}`);
  }
  return boot;
}
