// The services of a node in dev mode: machined itself plus one child process per daemon, started
// from the daemon bundles that sit beside machined's own. Which daemon waits for which, and which
// flags each gets, is data in daemon-table.ts (shared with the image's containers).
import { mkdir } from 'node:fs/promises';
import { isControlPlane, type MachineType } from '@talos/config';
import { NodePaths, TRUSTD_PORT } from '@talos/constants';
import { grpcHealthCheck } from '../system/grpc-health';
import type { HealthCheck, HealthSettings } from '../system/health';
import { InProcessRunner } from '../system/in-process-runner';
import { LogBuffer } from '../system/log-buffer';
import { ProcessRunner } from '../system/process-runner';
import { RestartingRunner, type BackoffOptions } from '../system/restarting-runner';
import type { ServiceDefinition } from '../system/service';
import { tlsHealthCheck } from '../system/tls-health';
import { daemonArgs, nodeDaemons } from './daemon-table';

export interface DevServicesOptions {
  root: string;
  address: string;
  /** The config file the daemons read (MachineNode: NodePaths.daemonConfigFile, JSON). */
  configPath: string;
  machineType: MachineType;
  /** The OS CA certificate (PEM) trustd's serving certificate must chain to (control planes). */
  osCA: () => string;
  /** Directory holding `<daemon>/main.js` bundles. */
  bundleDir: string;
  /** machined's own captured output (the `machined` service's log). */
  machinedLog: LogBuffer;
  nodeExecutable?: string;
  env?: NodeJS.ProcessEnv;
  health?: Partial<HealthSettings>;
  backoff?: BackoffOptions;
  stopGraceMs?: number;
}

export function devServices(opts: DevServicesOptions): ServiceDefinition[] {
  const paths = new NodePaths(opts.root);
  const controlPlane = isControlPlane(opts.machineType);

  const daemons = nodeDaemons(opts.machineType).map(([daemon, spec]): ServiceDefinition => {
    const log = new LogBuffer();
    const args = daemonArgs(daemon, {
      node: opts.nodeExecutable ?? process.execPath,
      bundleDir: opts.bundleDir,
      root: opts.root,
      address: opts.address,
      configPath: opts.configPath,
    });
    return {
      id: daemon,
      dependsOn: spec.dependsOn(controlPlane),
      pre: async () => {
        await mkdir(paths.runDir(daemon), { recursive: true });
      },
      runner: () =>
        new RestartingRunner(
          new ProcessRunner({ args, env: opts.env, cwd: opts.root, log, graceMs: opts.stopGraceMs }),
          { policy: 'forever', backoff: opts.backoff },
        ),
      health: spec.health ? daemonHealth(opts, spec.health, daemon) : undefined,
      log,
    };
  });

  return [machinedService(opts), ...daemons];
}

/** machined itself: runs in-process, the API cannot start, stop or restart it. */
export function machinedService(opts: DevServicesOptions): ServiceDefinition {
  return {
    id: 'machined',
    runner: () => new InProcessRunner('machined'),
    health: { check: grpcHealthCheck(new NodePaths(opts.root).socket('machined')), settings: opts.health },
    api: { start: false, stop: false, restart: false },
    log: opts.machinedLog,
  };
}

/** A daemon's health check: grpc on its unix socket, or trustd's TLS port showing our OS CA. */
/** Where to reach a daemon listening on `address`: a wildcard listener is reached on loopback. */
function dialableAddress(address: string): string {
  if (address === '0.0.0.0' || address === '') return '127.0.0.1';
  return address === '::' ? '::1' : address;
}

export function daemonHealth(
  opts: DevServicesOptions,
  kind: 'grpc' | 'tls',
  daemon: string,
): NonNullable<ServiceDefinition['health']> {
  const check: HealthCheck =
    kind === 'tls'
      ? tlsHealthCheck(dialableAddress(opts.address), TRUSTD_PORT, opts.osCA)
      : grpcHealthCheck(new NodePaths(opts.root).socket(daemon));
  return { check, settings: opts.health };
}
