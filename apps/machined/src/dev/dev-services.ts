// The services of a node in dev mode: machined itself plus one child process per daemon, started
// from the daemon bundles that sit beside machined's own. Which daemon waits for which, and which
// flags each gets, is data here.
import { mkdir } from 'node:fs/promises';
import { isControlPlane, type MachineType } from '@talos/config';
import { DAEMON_V8_FLAGS, type Daemon, NodePaths, TRUSTD_PORT, daemonBundle } from '@talos/constants';
import { grpcHealthCheck } from '../system/grpc-health';
import type { HealthCheck, HealthSettings } from '../system/health';
import { InProcessRunner } from '../system/in-process-runner';
import { LogBuffer } from '../system/log-buffer';
import { ProcessRunner } from '../system/process-runner';
import { RestartingRunner, type BackoffOptions } from '../system/restarting-runner';
import type { ServiceDefinition } from '../system/service';
import { tlsHealthCheck } from '../system/tls-health';

type DaemonFlag = 'address' | 'config';

interface DaemonSpec {
  dependsOn(controlPlane: boolean): string[];
  /** Flags besides --root. */
  flags: DaemonFlag[];
  /** grpc: the standard health service on its unix socket; tls: its TLS port shows our OS CA. */
  health?: 'grpc' | 'tls';
  controlPlaneOnly?: boolean;
}

const DAEMON_SPECS: Readonly<Record<string, DaemonSpec>> = {
  udevd: { dependsOn: () => [], flags: [], health: 'grpc' },
  routerd: { dependsOn: () => ['machined'], flags: [], health: 'grpc' },
  networkd: { dependsOn: () => ['machined'], flags: ['config'], health: 'grpc' },
  timed: { dependsOn: () => ['networkd'], flags: ['config'], health: 'grpc' },
  // trustd serves only TCP with TLS, no unix socket.
  trustd: {
    dependsOn: () => ['machined'],
    flags: ['address', 'config'],
    health: 'tls',
    controlPlaneOnly: true,
  },
  // Workers have no trustd of their own: their apid asks a control plane's.
  apid: {
    dependsOn: (cp) => (cp ? ['routerd', 'trustd'] : ['routerd']),
    flags: ['address', 'config'],
    health: 'grpc',
  },
};

export interface DevServicesOptions {
  root: string;
  address: string;
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

  const machined: ServiceDefinition = {
    id: 'machined',
    runner: () => new InProcessRunner('machined'),
    health: { check: grpcHealthCheck(paths.socket('machined')), settings: opts.health },
    api: { start: false, stop: false, restart: false },
    log: opts.machinedLog,
  };

  const healthCheck = (kind: 'grpc' | 'tls', daemon: string): HealthCheck =>
    kind === 'tls'
      ? tlsHealthCheck(opts.address, TRUSTD_PORT, opts.osCA)
      : grpcHealthCheck(paths.socket(daemon));

  const daemons = Object.entries(DAEMON_SPECS)
    .filter(([, spec]) => controlPlane || !spec.controlPlaneOnly)
    .map(([daemon, spec]): ServiceDefinition => {
      const log = new LogBuffer();
      const args = [
        opts.nodeExecutable ?? process.execPath,
        ...DAEMON_V8_FLAGS[daemon as Daemon],
        daemonBundle(daemon, opts.bundleDir),
        '--root',
        opts.root,
      ];
      if (spec.flags.includes('address')) args.push('--address', opts.address);
      if (spec.flags.includes('config')) args.push('--config', opts.configPath);
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
        health: spec.health ? { check: healthCheck(spec.health, daemon), settings: opts.health } : undefined,
        log,
      };
    });

  return [machined, ...daemons];
}
