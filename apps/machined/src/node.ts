// A node as machined runs it (dev mode: daemons as child processes; metal: machined is PID 1):
// event bus, supervisor, resources, machine API and the boot sequence, wired together. main.ts
// only parses flags and handles signals; tests build a MachineNode directly.
import { mkdir } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { configJson, osCA, type MachineConfig } from '@talos/config';
import { EARLY_START_WAIT_MS, NodePaths } from '@talos/constants';
import type { Logger } from '@talos/log';
import { stringify } from 'yaml';
import { startMachineServer, type MachineServer } from './api/machine-server';
import { PLATFORMS, versionInfo, type NodeMode } from './api/version-info';
import { Sequencer } from './boot/sequencer';
import { writeFileAtomic } from './config/atomic-file';
import { ConfigApplier } from './config/config-applier';
import { devServices, type DevServicesOptions } from './dev/dev-services';
import { MachineEventBus } from './events/machine-event-bus';
import { NodeFiles } from './host/files';
import type { HealthSettings } from './system/health';
import type { LogBuffer } from './system/log-buffer';
import type { BackoffOptions } from './system/restarting-runner';
import type { ServiceDefinition } from './system/service';
import { ServiceSupervisor } from './system/service-supervisor';
import { hostnameController } from './resources/hostname-controller';
import { networkdInterfaces, nodeAddressController } from './resources/node-address-controller';
import { NodeResources } from './resources/node-resources';
import { timeStatusController, timedSyncProbe } from './resources/time-status-controller';
import { ServiceResourceAdapter } from './resources/service-resources';

export interface MachineNodeOptions {
  root: string;
  address: string;
  configPath: string;
  config: MachineConfig;
  /** The config file's text as loaded (the MachineConfig resource); default: `config` as YAML (tests). */
  configText?: string;
  /** --hostname; else the config's machine.network.hostname; else the host's name. */
  hostname?: string;
  bundleDir: string;
  machinedLog: LogBuffer;
  logger: Logger;
  /** Replaces the dev-mode service list (tests). */
  services?: (node: MachineNode) => ServiceDefinition[];
  /**
   * A supervisor with services already running, which the node takes over (metal: containerd,
   * started before the config was found); the service list's definitions of those are not used.
   */
  supervisor?: ServiceSupervisor;
  health?: Partial<HealthSettings>;
  backoff?: BackoffOptions;
  /** The kernel log device (tests point it elsewhere). */
  kmsgPath?: string;
  /** Called once a Shutdown request has stopped the services (main exits; metal: powers off). */
  onShutdown?: () => void;
  /**
   * `dev` (default): daemons are child processes, Reboot restarts them and machined stays.
   * `metal`: machined is PID 1; Reboot stops every service, then calls `onReboot` (reboot(2)).
   */
  mode?: NodeMode;
  /** Metal mode: called once a Reboot request has stopped the services. */
  onReboot?: () => void;
}

export type { NodeMode } from './api/version-info';

/** Version's platform, as Talos reports it: a process node is a container, a metal node is metal. */

export class MachineNode {
  readonly paths: NodePaths;
  readonly bus = new MachineEventBus();
  readonly supervisor: ServiceSupervisor;
  readonly sequencer: Sequencer;
  /** The resource state and controller runtime (resource.ResourceService reads it). */
  readonly resources: NodeResources;
  private readonly serviceResources: ServiceResourceAdapter;
  /** ApplyConfiguration: validates, stores at `configPath`, publishes the MachineConfig resource. */
  readonly configApplier: ConfigApplier;
  private server: MachineServer | undefined;
  private stopping: Promise<void> | undefined;
  private resourcesStarted: Promise<void> | undefined;
  /** The service list startEarly loaded, which the first boot then uses (not a second list). */
  private earlyServices: ServiceDefinition[] | undefined;

  constructor(readonly opts: MachineNodeOptions) {
    this.paths = new NodePaths(opts.root);
    this.resources = new NodeResources(opts.logger, [
      timeStatusController(timedSyncProbe(this.paths.socket('timed'))),
      nodeAddressController(networkdInterfaces(this.paths.socket('networkd'))),
      hostnameController({ override: opts.hostname, fallback: () => os.hostname() }),
    ]);
    this.serviceResources = new ServiceResourceAdapter(
      this.resources.state,
      (id) => (this.supervisor.has(id) ? this.supervisor.get(id).info().health : undefined),
      opts.logger,
    );
    this.supervisor = opts.supervisor ?? new ServiceSupervisor({ logger: opts.logger });
    this.supervisor.subscribe((c) => {
      this.serviceResources.onChange(c);
      this.bus.publish({
        type: 'service',
        service: c.service,
        state: c.state,
        msg: c.msg,
        health: c.health,
      });
    });
    this.configApplier = new ConfigApplier({
      configPath: opts.configPath,
      stored: opts.config,
      publish: (source) => this.resources.setConfig(source),
    });
    this.sequencer = new Sequencer({
      supervisor: this.supervisor,
      bus: this.bus,
      services: () => {
        const early = this.earlyServices;
        this.earlyServices = undefined;
        return early ?? this.serviceList();
      },
      logger: opts.logger,
    });
  }

  hostname(): string {
    return this.opts.hostname || this.opts.config.machine.network?.hostname || os.hostname();
  }

  /**
   * Starts some services ahead of the others (metal: containerd, while the install disk is
   * partitioned and /var mounted, as Talos's boot sequence starts containerd before EPHEMERAL),
   * and resolves once they run (EARLY_START_WAIT_MS at most).
   * start() boots the rest and leaves these running.
   */
  async startEarly(...ids: string[]): Promise<void> {
    await this.startResources();
    this.earlyServices ??= this.serviceList();
    this.supervisor.load(...this.earlyServices);
    // A service list without one of them (tests' lists) starts it with the rest, if at all.
    await this.supervisor.startAndWait(
      ids.filter((id) => this.supervisor.has(id)),
      EARLY_START_WAIT_MS,
    );
  }

  /** Serves the machine API, then boots the services (boot completes in the background). */
  async start(): Promise<void> {
    await this.startResources();
    await this.writeDaemonConfig();
    // The services start before the API is served: containerd's own start then overlaps the
    // server's setup (a second or two under emulation). What needs the API (machined's health
    // check, the daemons that wait for machined) waits for it as before.
    const booted = this.sequencer.boot();
    booted.catch((err: Error) => this.opts.logger.error({ err: err.message }, 'boot failed'));
    this.server = await startMachineServer(this.paths.socket('machined'), {
      state: this.resources.state,
      runtime: this.resources.runtime,
      supervisor: this.supervisor,
      bus: this.bus,
      files: new NodeFiles(path.resolve(this.opts.root)),
      hostname: () => this.hostname(),
      version: versionInfo(),
      platform: PLATFORMS[this.opts.mode ?? 'dev'],
      kmsgPath: this.opts.kmsgPath,
      containerdSocket: this.paths.socket('containerd'),
      reboot: () =>
        void (this.opts.mode === 'metal' ? this.stop().then(() => this.opts.onReboot?.()) : this.reboot()),
      shutdown: () => void this.stop().then(() => this.opts.onShutdown?.()),
      applyConfiguration: async (req) => {
        const { outcome, config } = await this.configApplier.apply(req);
        // Applied now: the services restarted by the reboot path read the new config.
        if (outcome === 'reboot') {
          this.opts.config = config;
          await this.writeDaemonConfig();
        }
        return { outcome };
      },
    });
  }

  async reboot(): Promise<void> {
    try {
      await this.sequencer.reboot();
    } catch (err) {
      this.opts.logger.error({ err: (err as Error).message }, 'reboot failed');
    }
  }

  /** Stops every service (reverse dependency order), then the API. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.sequencer.shutdown().catch(() => undefined);
      await this.server?.close(2000);
      await this.serviceResources.settled();
      await this.resources.stop();
    })();
    return this.stopping;
  }

  /**
   * The config the daemons read (NodePaths.daemonConfigFile): its data as JSON, written before they
   * start and when an applied config takes effect; a config stored for the next boot waits for it.
   */
  private async writeDaemonConfig(): Promise<void> {
    const file = this.paths.daemonConfigFile;
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, configJson(this.opts.config));
  }

  private startResources(): Promise<void> {
    // The controllers reuse machined's parse of the config.
    this.resourcesStarted ??= this.resources.start({
      text: this.opts.configText ?? stringify(this.opts.config),
      config: this.opts.config,
    });
    return this.resourcesStarted;
  }

  private serviceList(): ServiceDefinition[] {
    return this.opts.services ? this.opts.services(this) : devServices(this.serviceOptions());
  }

  /** What the service lists (dev-mode and metal) are built from. */
  serviceOptions(): DevServicesOptions {
    return {
      root: this.opts.root,
      address: this.opts.address,
      configPath: this.paths.daemonConfigFile,
      machineType: this.opts.config.machine.type,
      osCA: () => osCA(this.opts.config).crt,
      bundleDir: this.opts.bundleDir,
      machinedLog: this.opts.machinedLog,
      health: this.opts.health,
      backoff: this.opts.backoff,
    };
  }
}
