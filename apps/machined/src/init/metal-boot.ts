// machined as PID 1: what it does between the initramfs's exec and a running node, in order —
// kernel argument check, mounts, /system files, sysctls, ctrl-alt-del, kernel modules, the early
// services (containerd), the STATE partition, the machine config (STATE's, else talos.config=,
// else maintenance mode), the install disk partitioned at the first boot, /var, then the
// MachineNode with the metal service list. It also owns the way down: signals and the API's
// Reboot/Shutdown end in powerDown.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  EARLY_START_WAIT_MS,
  EPHEMERAL_LABEL,
  FATAL_BOOT_DELAY_MS,
  KERNEL_ARG_CONFIG,
  KERNEL_MODULES_DIR,
  LATE_KERNEL_MODULES,
  LATE_KERNEL_MODULES_WAIT_MS,
  MACHINED_KERNEL_MODULES,
  NodePaths,
  PROC_PATH,
  STATE_LABEL,
} from '@talos/constants';
import { installConfig, type MachineNetworkConfig } from '@talos/config';
import { BOOT_SYSCTLS, KernelCmdline, requiredArgumentsProblem, sysctlWrites } from '@talos/kernel';
import type { Logger } from '@talos/log';
import { loadModule, syscalls } from '@talos/sys';
import { MachineNode, type MachineNodeOptions } from '../node';
import type { LogBuffer } from '../system/log-buffer';
import type { ServiceDefinition } from '../system/service';
import { ServiceSupervisor } from '../system/service-supervisor';
import { bootConfig, type BootConfig, type BootConfigOptions } from './boot-config';
import type { DiscoveryNetwork } from './discovery-network';
import { diskDevices, labelledDevice } from './ephemeral';
import { partitionInstallDisk } from './install-disk';
import { BASE_MOUNTS, ETC_BIND_MOUNTS, MountedTable, stateMount, varMount } from './mount-table';
import { CONTAINERD_SERVICE } from '../containerd/system-services';
import { awaitConfigInMaintenance } from '../maintenance/maintenance-mode';
import { reportServiceFailures } from './failure-report';
import { powerDown, type PowerAction } from './power';
import { Reaper } from './reaper';
import { persistConfig, stateConfig } from './state-partition';
import { writeSystemFiles } from './system-files';

export interface MetalBootOptions {
  /** `/` on a node; a temporary folder in tests (every mount and file goes under it). */
  root: string;
  address: string;
  logger: Logger;
  machinedLog: LogBuffer;
  bundleDir: string;
  /** The kernel command line (/proc/cmdline on a node; a stand-in in tests). */
  cmdline: () => string;
  /** The metal service list (containerd and the system containers). */
  services: (node: MachineNode) => ServiceDefinition[];
  /**
   * Services started right after the mounts, before the config is looked for, and handed to the
   * MachineNode with their supervisor (the system containerd: its start, seconds under emulation,
   * then overlaps finding the config). Their ids in `services` are not started a second time.
   */
  earlyServices?: () => ServiceDefinition[];
  /** How long a node that cannot boot waits before it goes down; default FATAL_BOOT_DELAY_MS. */
  fatalDelayMs?: number;
  /** reboot(2); replaced only to observe it. */
  reboot?: (cmd: number) => void;
  fetch?: BootConfigOptions['fetch'];
  /** Brings the network up while the config is fetched over HTTP, or maintenance mode waits. */
  discoveryNetwork?: (network?: MachineNetworkConfig) => DiscoveryNetwork;
  /**
   * Replaces the disks searched for STATE and EPHEMERAL (default: every disk in /sys/block, and
   * their partitions) and the disk partitioned when blank (default: the config's install disk).
   * Tests pass their loop devices, or none, so that a test never looks at the host's disks.
   */
  disks?: { candidates: string[]; installDisk?: string };
  /** Extra MachineNode options (tests: health, backoff). */
  node?: Partial<MachineNodeOptions>;
}

export class MetalBoot {
  readonly paths: NodePaths;
  readonly mounts: MountedTable;
  readonly reaper: Reaper;
  node: MachineNode | undefined;
  /** Runs the early services, and later (handed to the node) every service. */
  readonly supervisor: ServiceSupervisor;
  private down: Promise<void> | undefined;
  /** Aborted when the node goes down: ends the console failure reports and the late modules' wait. */
  private readonly stopReports = new AbortController();
  private readonly logger: Logger;
  /** The kernel modules machined loads (loadModules), settled once they are. */
  private modules: Promise<void> = Promise.resolve();

  constructor(private readonly opts: MetalBootOptions) {
    this.paths = new NodePaths(opts.root);
    this.logger = opts.logger;
    this.mounts = new MountedTable(opts.root, opts.logger);
    this.reaper = new Reaper({ logger: opts.logger });
    this.supervisor = new ServiceSupervisor({ logger: opts.logger });
  }

  /**
   * Boots the node. Resolves once the API is served and the services are starting, or when the
   * node cannot boot: refused (it powers off), failed (it reboots, unless panic=0 asks it to stay
   * as it is), or no config (it waits for one, or a signal).
   */
  async boot(): Promise<void> {
    this.reaper.start();
    this.handleSignals();

    const cmdline = KernelCmdline.parse(this.opts.cmdline());
    const problem = requiredArgumentsProblem(cmdline);
    if (problem) {
      await this.fatal(`refusing to boot: ${problem}`, 'poweroff');
      return;
    }
    try {
      await this.bootSequence(cmdline);
    } catch (err) {
      if (this.down) return;
      if (cmdline.get('panic') === '0') {
        this.logger.fatal(`boot failed: ${(err as Error).message}; panic=0: staying as it is`);
        return;
      }
      await this.fatal(`boot failed: ${(err as Error).message}`, 'reboot');
    }
  }

  /** Says why the node goes down, waits fatalDelayMs (its last words stay readable), goes down. */
  private async fatal(why: string, action: PowerAction): Promise<void> {
    const delay = this.opts.fatalDelayMs ?? FATAL_BOOT_DELAY_MS;
    const going = action === 'reboot' ? 'rebooting' : 'powering off';
    this.logger.fatal(`${why}; ${going} in ${Math.round(delay / 100) / 10} s`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    await this.powerDown(action);
  }

  private async bootSequence(cmdline: KernelCmdline): Promise<void> {
    this.mounts.apply(BASE_MOUNTS);
    writeSystemFiles(this.paths, '');
    this.mounts.apply(ETC_BIND_MOUNTS);
    this.applySysctls();
    this.disableCtrlAltDel();
    // On worker threads, while the config is found; mounting XFS waits for them.
    this.modules = this.loadModules(MACHINED_KERNEL_MODULES);
    // Talos starts containerd after the config; it needs nothing from it, and starting it here
    // overlaps its start with finding the config. Its process is started before the config is
    // looked for: otherwise its pre step waits on machined's thread between the config's steps.
    const early = this.opts.earlyServices?.() ?? [];
    await this.supervisor.startAndWait(this.supervisor.load(...early), EARLY_START_WAIT_MS);

    const disks = this.opts.disks?.candidates ?? diskDevices();
    const stateDevice = await this.mountState(disks);
    let found = stateDevice ? await stateConfig(this.paths, stateDevice, this.logger) : undefined;
    if (!found) found = await this.configFromBoot(cmdline);
    // A signal while the config was fetched: the node is going down, do not start it.
    if (this.down) return;
    let ephemeral = labelledDevice(EPHEMERAL_LABEL, disks);
    if (!found) {
      await this.mountVar(ephemeral);
      this.logger.error('no machine config: pass talos.config=<url> or apply one in maintenance mode');
      return;
    }

    if (found.source === 'state' || found.source === 'stored') {
      // A later boot: the config was on disk, so no discovery network ran, and networkd starts
      // only after apid's path. Until then the node would have no address and its loopback link
      // would be down (the kernel leaves it so): apid could not reach trustd, nor the operator
      // apid. So the links are configured once from the config, as networkd will configure them,
      // which then takes over.
      const network = this.opts.discoveryNetwork?.(found.config.machine.network);
      void network?.ready.then(() => network.stop());
    }

    const hostname = found.config.machine.network?.hostname;
    if (hostname) this.setHostname(hostname);

    this.node = new MachineNode({
      ...this.opts.node,
      root: this.opts.root,
      address: this.opts.address,
      configPath: this.paths.configFile,
      config: found.config,
      configText: found.text,
      bundleDir: this.opts.bundleDir,
      machinedLog: this.opts.machinedLog,
      logger: this.logger,
      services: this.opts.services,
      supervisor: this.supervisor,
      mode: 'metal',
      onReboot: () => void this.powerDown('reboot'),
      onShutdown: () => void this.powerDown('poweroff'),
    });
    const node = this.node;
    reportServiceFailures({
      bus: node.bus,
      logOf: (id) => (node.supervisor.has(id) ? node.supervisor.get(id).definition.log : undefined),
      logger: this.logger,
      signal: this.stopReports.signal,
    });
    // containerd (when earlyServices did not start it already) before EPHEMERAL and /var, as in
    // Talos's boot sequence: it needs neither, and its start overlaps the partitioning of a blank
    // install disk.
    await node.startEarly(CONTAINERD_SERVICE);
    if (ephemeral) this.logger.info(`found the ${EPHEMERAL_LABEL} filesystem on ${ephemeral}`);
    // A disk without STATE and EPHEMERAL: the first boot with a config partitions it.
    else if (!stateDevice) ephemeral = await this.installDisk(found);
    await this.mountVar(ephemeral);
    if (this.down) return;
    this.logger.info('starting services');
    await this.node.start();
    void this.loadLateModules();
  }

  /** LATE_KERNEL_MODULES, once every service is up (or after LATE_KERNEL_MODULES_WAIT_MS). */
  private async loadLateModules(): Promise<void> {
    const allUp = (): boolean => this.supervisor.list().every((s) => s.isUp());
    await this.supervisor
      .waitUntil(
        allUp,
        AbortSignal.any([AbortSignal.timeout(LATE_KERNEL_MODULES_WAIT_MS), this.stopReports.signal]),
      )
      .catch(() => undefined);
    if (this.down) return;
    await this.loadModules(LATE_KERNEL_MODULES);
  }

  /** Stops the services (reverse dependency order), then kills, unmounts, syncs and reboots. Once. */
  powerDown(action: PowerAction): Promise<void> {
    this.down ??= (async () => {
      this.stopReports.abort();
      this.logger.info(`${action === 'reboot' ? 'reboot' : 'shutdown'}: stopping services`);
      // Before a node exists, only the early services run.
      await (this.node ? this.node.stop() : this.supervisor.shutdown()).catch((err: Error) =>
        this.logger.error(`error stopping services: ${err.message}`),
      );
      await powerDown(action, { logger: this.logger, mounts: this.mounts, reboot: this.opts.reboot });
    })();
    return this.down;
  }

  // SIGTERM, and SIGINT (what ctrl-alt-del becomes once CAD is off), shut the node down.
  private handleSignals(): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        this.logger.info(`${signal}: shutting down`);
        void this.powerDown('poweroff');
      });
    }
  }

  /**
   * The config from talos.config= (with the discovery network up while it is fetched), else from
   * maintenance mode; undefined when there is none (or the node went down meanwhile).
   */
  private async configFromBoot(cmdline: KernelCmdline): Promise<BootConfig | undefined> {
    const url = cmdline.get(KERNEL_ARG_CONFIG) ?? '';
    let discovery = /^https?:\/\//.test(url) ? this.opts.discoveryNetwork?.() : undefined;
    try {
      const found = await bootConfig({
        cmdline,
        paths: this.paths,
        logger: this.logger,
        fetch: { ...this.opts.fetch, ...(discovery ? { networkReady: discovery.ready } : {}) },
      });
      if (found || this.down) return found;
      // Maintenance mode needs the node on the network; the discovery network stays until then.
      discovery ??= this.opts.discoveryNetwork?.();
      const given = await awaitConfigInMaintenance({
        address: this.opts.address,
        configPath: this.paths.configFile,
        mode: 'metal',
        logger: this.logger,
        signal: this.stopReports.signal,
      });
      return given ? { ...given, source: 'maintenance' } : undefined;
    } finally {
      await discovery?.stop();
    }
  }

  /** Mounts the STATE filesystem found on the disks on /system/state; its device, or undefined. */
  private async mountState(disks: readonly string[]): Promise<string | undefined> {
    const device = labelledDevice(STATE_LABEL, disks);
    if (!device) return undefined;
    await this.modules;
    try {
      this.mounts.apply([stateMount(device)]);
      return device;
    } catch (err) {
      this.logger.error(`${(err as Error).message}: booting without ${STATE_LABEL}`);
      return undefined;
    }
  }

  /**
   * First boot with a config: partitions the config's blank install disk, mounts STATE and stores
   * the config there. Returns the EPHEMERAL partition for /var, or undefined.
   */
  private async installDisk(found: BootConfig): Promise<string | undefined> {
    const disk = this.opts.disks ? this.opts.disks.installDisk : installConfig(found.config).disk;
    if (!disk) return undefined;
    const installed = await partitionInstallDisk({ disk, logger: this.logger });
    if (!installed) return undefined;
    if ((await this.mountState([installed.state])) === installed.state) {
      await persistConfig(this.paths, found.text, installed.state, this.logger);
    }
    return installed.ephemeral;
  }

  /** /var on the EPHEMERAL filesystem, else tmpfs. */
  private async mountVar(device: string | undefined): Promise<void> {
    if (device) {
      await this.modules;
      try {
        this.mounts.apply([varMount(device)]);
        return;
      } catch (err) {
        this.logger.error(`${(err as Error).message}: /var stays on tmpfs`);
      }
    }
    this.mounts.apply([varMount()]);
  }

  private applySysctls(): void {
    // Under the node root, so that a test's temporary root never touches the host's kernel.
    const procRoot = path.join(this.opts.root, PROC_PATH);
    let applied = 0;
    for (const { path: file, value } of sysctlWrites(BOOT_SYSCTLS, procRoot)) {
      try {
        fs.writeFileSync(file, value);
        applied++;
      } catch (err) {
        this.logger.warn(`error setting sysctl ${path.relative(procRoot, file)}: ${(err as Error).message}`);
      }
    }
    this.logger.info(`applied ${applied} of ${BOOT_SYSCTLS.length} sysctls`);
  }

  private disableCtrlAltDel(): void {
    try {
      syscalls.reboot(syscalls.LINUX_REBOOT_CMD_CAD_OFF);
    } catch (err) {
      // Inside a pid namespace (tests) the kernel refuses CAD_OFF with EINVAL.
      this.logger.warn(`error turning ctrl-alt-del into SIGINT: ${(err as Error).message}`);
    }
  }

  /** Loads kernel modules in order; a module that fails is logged and skipped. */
  private async loadModules(names: readonly string[]): Promise<void> {
    const modulesRoot = path.join(this.opts.root, KERNEL_MODULES_DIR);
    for (const name of names) {
      try {
        const loaded = await loadModule(name, undefined, { modulesRoot });
        if (loaded.length > 0) this.logger.info(`loaded kernel modules ${loaded.join(', ')}`);
      } catch (err) {
        this.logger.warn((err as Error).message);
      }
    }
  }

  private setHostname(hostname: string): void {
    try {
      syscalls.sethostname(hostname);
      writeSystemFiles(this.paths, hostname);
      this.logger.info(`hostname set to ${hostname}`);
    } catch (err) {
      this.logger.error(`error setting hostname: ${(err as Error).message}`);
    }
  }
}
