// The services of a node booted from the image: machined, the system containerd, and each daemon
// as a container in containerd's `system` namespace (the same table and dependencies as dev mode,
// plus containerd).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ContainerdClient,
  bindReadOnly,
  containerdConfig,
  prepareContainerdClients,
} from '@talos/containerd';
import {
  CONTAINERD_CONFIG_FILE,
  CONTAINERD_DIAL_TIMEOUT_MS,
  CONTAINERD_FIFO_SUBDIR,
  CONTAINERD_ROOT,
  IMAGE_CONTAINERD,
  NodePaths,
  SYSTEM_CONTAINER_ROOTFS,
  SYSTEM_CONTAINERD_NAMESPACE,
  SYSTEM_FIRST_WAVE_ASSEMBLE_MS,
  SYSTEM_START_FIRST_WAVE,
  SYSTEM_START_PRIORITY,
  SYSTEM_START_SLOT_HOLD_MS,
  SYSTEM_START_SLOTS,
} from '@talos/constants';
import { isControlPlane } from '@talos/config';
import { daemonHealth, machinedService, type DevServicesOptions } from '../dev/dev-services';
import { assertSocket } from '../system/grpc-health';
import { nodeDaemons } from '../dev/daemon-table';
import { LogBuffer } from '../system/log-buffer';
import { ProcessRunner } from '../system/process-runner';
import { RestartingRunner } from '../system/restarting-runner';
import type { ServiceDefinition } from '../system/service';
import { ContainerdRunner } from './containerd-runner';
import { daemonContainerDirs, daemonContainerSpec } from './daemon-container';
import { OrderedGate, ShimGroupGate, chainGates } from './task-gates';
import { StartSlots } from './start-slots';

/** The system containerd's service id (it runs under machined's process runner, not in a container). */
export const CONTAINERD_SERVICE = 'containerd';

export type SystemServicesOptions = DevServicesOptions & {
  /** containerd's gRPC socket; default NodePaths(root).socket('containerd'). */
  containerdSocket?: string;
  /** containerd's persistent root; default CONTAINERD_ROOT under root. */
  containerdRoot?: string;
  /** The containerd binary; default IMAGE_CONTAINERD. */
  containerdBinary?: string;
  /** The containers' root on the host; default SYSTEM_CONTAINER_ROOTFS under root. */
  containerRootfs?: string;
  /** What containerRootfs binds read-only (the image's root); default `/`. */
  imageRoot?: string;
  /** node and the daemon bundles as the containers see them; defaults: the image's. */
  containerNode?: string;
  containerBundleDir?: string;
  containerEnv?: Record<string, string>;
  /** containerd namespace of the daemons; default SYSTEM_CONTAINERD_NAMESPACE. */
  containerdNamespace?: string;
  /** cgroup parent of the containers; default SYSTEM_CONTAINER_CGROUP_PARENT. */
  cgroupParent?: string;
  /** How many daemons start at once; default SYSTEM_START_SLOTS. */
  startSlots?: number;
};

/** What the system containerd's service is made of: nothing from the machine config. */
export type SystemContainerdOptions = Pick<
  SystemServicesOptions,
  | 'root'
  | 'env'
  | 'health'
  | 'backoff'
  | 'stopGraceMs'
  | 'containerdSocket'
  | 'containerdRoot'
  | 'containerdBinary'
  | 'containerRootfs'
  | 'imageRoot'
>;

/** containerd's socket, its state folder (the socket's), and the containers' read-only root. */
function containerdLayout(opts: SystemContainerdOptions): { socket: string; runDir: string; rootfs: string } {
  const paths = new NodePaths(opts.root);
  const socket = opts.containerdSocket ?? paths.socket('containerd');
  return {
    socket,
    runDir: path.dirname(socket),
    rootfs: opts.containerRootfs ?? paths.resolve(SYSTEM_CONTAINER_ROOTFS),
  };
}

/**
 * The system containerd, under machined's process runner. It needs nothing from the machine config,
 * so metal boot starts it before the config is looked for (MetalBootOptions.earlyServices).
 */
export function systemContainerd(opts: SystemContainerdOptions): ServiceDefinition {
  const paths = new NodePaths(opts.root);
  const { socket, runDir, rootfs } = containerdLayout(opts);
  const containerdLog = new LogBuffer();
  const configFile = path.join(runDir, CONTAINERD_CONFIG_FILE);
  return {
    id: CONTAINERD_SERVICE,
    pre: async () => {
      const root = opts.containerdRoot ?? paths.resolve(CONTAINERD_ROOT);
      await mkdir(root, { recursive: true, mode: 0o711 });
      await mkdir(runDir, { recursive: true, mode: 0o711 });
      await writeFile(configFile, containerdConfig({ root, state: runDir, socket }));
      await ensureReadOnlyBind(opts.imageRoot ?? '/', rootfs);
    },
    runner: () =>
      new RestartingRunner(
        new ProcessRunner({
          args: [opts.containerdBinary ?? IMAGE_CONTAINERD, '--config', configFile],
          env: opts.env,
          log: containerdLog,
          graceMs: opts.stopGraceMs,
        }),
        { policy: 'forever', backoff: opts.backoff },
      ),
    health: {
      check: async () => {
        prepareContainerdClients();
        await assertSocket(socket);
        // A short-lived client: a probe must not wait on a reconnecting shared channel.
        const probe = new ContainerdClient({
          socket,
          namespace: 'default',
          timeoutMs: CONTAINERD_DIAL_TIMEOUT_MS,
        });
        try {
          await probe.getVersion();
        } finally {
          probe.close();
        }
      },
      settings: opts.health,
    },
    log: containerdLog,
  };
}

export function systemServices(opts: SystemServicesOptions): ServiceDefinition[] {
  const controlPlane = isControlPlane(opts.machineType);
  const { socket, runDir, rootfs } = containerdLayout(opts);
  let client: ContainerdClient | undefined;
  const containerd = (): ContainerdClient =>
    (client ??= new ContainerdClient({
      socket,
      namespace: opts.containerdNamespace ?? SYSTEM_CONTAINERD_NAMESPACE,
    }));

  const containerdService = systemContainerd(opts);

  const slots = new StartSlots({
    slots: opts.startSlots ?? SYSTEM_START_SLOTS,
    priority: SYSTEM_START_PRIORITY,
    firstWave: SYSTEM_START_FIRST_WAVE,
    holdMs: SYSTEM_START_SLOT_HOLD_MS,
  });
  // The daemons share one shim (daemon-container.ts), whose first task is created alone; the first
  // wave's tasks are created one at a time, in its order (task-gates.ts).
  const table = nodeDaemons(opts.machineType);
  const shimGate = new ShimGroupGate();
  const firstWaveGate = chainGates(
    new OrderedGate(
      SYSTEM_START_FIRST_WAVE.filter((d) => table.some(([daemon]) => daemon === d)),
      SYSTEM_FIRST_WAVE_ASSEMBLE_MS,
    ),
    shimGate,
  );
  const daemons = table.map(([daemon, spec]): ServiceDefinition => {
    const log = new LogBuffer();
    // Given back when the daemon is first healthy (or by the slot's own bound).
    let releaseSlot = (): void => undefined;
    const health = spec.health ? daemonHealth(opts, spec.health, daemon) : undefined;
    return {
      id: daemon,
      dependsOn: [CONTAINERD_SERVICE, ...spec.dependsOn(controlPlane)],
      pre: async (signal) => {
        releaseSlot = await slots.acquire(daemon, signal);
        for (const { dir, mode } of daemonContainerDirs(daemon, opts.root))
          await mkdir(dir, { recursive: true, mode });
      },
      runner: () =>
        new RestartingRunner(
          new ContainerdRunner({
            client: containerd(),
            id: daemon,
            log,
            fifoDir: path.join(runDir, CONTAINERD_FIFO_SUBDIR),
            graceMs: opts.stopGraceMs,
            taskGate: SYSTEM_START_FIRST_WAVE.includes(daemon) ? firstWaveGate : shimGate,
            spec: () =>
              daemonContainerSpec(daemon, {
                root: opts.root,
                rootfs,
                address: opts.address,
                configPath: opts.configPath,
                node: opts.containerNode,
                bundleDir: opts.containerBundleDir,
                env: opts.containerEnv,
                cgroupParent: opts.cgroupParent,
              }),
          }),
          { policy: 'forever', backoff: opts.backoff },
        ),
      health: health && {
        ...health,
        check: async (signal) => {
          await health.check(signal);
          releaseSlot();
        },
      },
      log,
    };
  });

  return [machinedService(opts), containerdService, ...daemons];
}

/** Binds `source` read-only at `target` unless something is mounted there already. */
async function ensureReadOnlyBind(source: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const mountinfo = await readFile('/proc/self/mountinfo', 'utf8');
  // Field 5 is the mount point (spaces escaped as \040).
  const mounted = mountinfo.split('\n').some((line) => line.split(' ')[4]?.replace(/\\040/g, ' ') === target);
  if (!mounted) bindReadOnly(source, target);
}
