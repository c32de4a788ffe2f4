// The services of a node in dev mode: machined itself plus one child process per daemon, started
// from the daemon bundles that sit beside machined's own. Which daemon waits for which, and which
// flags each gets, is data here.
import { mkdir } from 'node:fs/promises';
import { NodePaths, daemonBundle } from '@talos/constants';
import { grpcHealthCheck } from '../system/grpc-health';
import type { HealthSettings } from '../system/health';
import { InProcessRunner } from '../system/in-process-runner';
import { LogBuffer } from '../system/log-buffer';
import { ProcessRunner } from '../system/process-runner';
import { RestartingRunner, type BackoffOptions } from '../system/restarting-runner';
import type { ServiceDefinition } from '../system/service';

export type MachineType = 'init' | 'controlplane' | 'join';

type DaemonFlag = 'address' | 'config';

interface DaemonSpec {
  dependsOn(controlPlane: boolean): string[];
  /** Flags besides --root. */
  flags: DaemonFlag[];
  /** Checked over the standard gRPC health service on its unix socket. */
  health: boolean;
  controlPlaneOnly?: boolean;
}

const DAEMON_SPECS: Readonly<Record<string, DaemonSpec>> = {
  udevd: { dependsOn: () => [], flags: [], health: false },
  routerd: { dependsOn: () => ['machined'], flags: [], health: true },
  networkd: { dependsOn: () => ['machined'], flags: ['config'], health: true },
  timed: { dependsOn: () => ['networkd'], flags: ['config'], health: true },
  trustd: { dependsOn: () => ['machined'], flags: ['address', 'config'], health: true, controlPlaneOnly: true },
  // Workers have no trustd of their own: their apid asks a control plane's.
  apid: {
    dependsOn: (cp) => (cp ? ['routerd', 'trustd'] : ['routerd']),
    flags: ['address', 'config'],
    health: true,
  },
};

export interface DevServicesOptions {
  root: string;
  address: string;
  configPath: string;
  machineType: MachineType;
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

export function isControlPlane(type: MachineType): boolean {
  return type === 'init' || type === 'controlplane';
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

  const daemons = Object.entries(DAEMON_SPECS)
    .filter(([, spec]) => controlPlane || !spec.controlPlaneOnly)
    .map(([daemon, spec]): ServiceDefinition => {
      const log = new LogBuffer();
      const args = [opts.nodeExecutable ?? process.execPath, daemonBundle(daemon, opts.bundleDir), '--root', opts.root];
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
        health: spec.health ? { check: grpcHealthCheck(paths.socket(daemon)), settings: opts.health } : undefined,
        log,
      };
    });

  return [machined, ...daemons];
}
