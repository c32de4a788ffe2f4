// The `qemu` provisioner: boots the node image (vmlinuz + initramfs with rootfs.sqsh) under QEMU,
// one node with user-mode networking, apid's port forwarded to the host's loopback. Each node is
// a detached launcher process (see launcher.ts) that serves the node its config and runs QEMU.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import {
  IMAGE_INITRAMFS_FILE,
  IMAGE_KERNEL_FILE,
  KERNEL_ARG_PLATFORM,
  KUBERNETES_API_PORT,
  QEMU_DEFAULT_CPUS,
  QEMU_DEFAULT_DISK_MB,
  QEMU_DEFAULT_MEMORY_MB,
  QEMU_INSTALL_DISK,
  QEMU_READY_TIMEOUT_MS,
  SLIRP_GUEST_ADDRESS,
} from '@talos/constants';
import { generateConfigs, serializeConfig } from '@talos/config';
import { DEFAULT_KERNEL_ARGS, QEMU_KERNEL_ARGS, TCG_KERNEL_ARGS } from '@talos/kernel';
import { writeSecretFile } from '@talos/pki';
import { contextCredentials } from '@talos/client';
import { type ClusterState, type NodeState, STATE_FILE, saveClusterState } from '../cluster-state';
import { validateClusterName } from '../node-plan';
import { Provisioner, type ProvisionerDeps } from '../provisioner';
import { chooseAccelerator, probeKvm, type Accelerator } from './accel';
import type { LaunchSpec } from './launcher';
import { createNodeDisk, nodeDiskPath } from './node-disk';

export interface QemuCreateRequest {
  name: string;
  controlplanes: number;
  workers: number;
  /** Folder with vmlinuz and initramfs.img (`nx run image:build` writes _out/image). */
  imageDir: string;
  talosconfig: string;
  clustersDir?: string;
  accel?: 'auto' | Accelerator;
  memoryMb?: number;
  cpus?: number;
  /** Size of each node's sparse disk, in MB (MiB). */
  diskMb?: number;
  /** Boot without a config (maintenance mode) and give it with apply-config --insecure. */
  withApplyConfig?: boolean;
  /** Added to every node's kernel command line (Talos: `--extra-boot-kernel-args`). */
  extraKernelArgs?: string[];
  readyTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface QemuProvisionerDeps extends ProvisionerDeps {
  /** argv that runs the launcher with a spec file appended (talosctl's hidden `qemu-launch`). */
  launcher: string[];
  qemu?: string;
}

/** A free TCP port on the host's loopback, for apid's forward. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A QEMU node's kernel arguments besides talos.config (which the launcher adds). */
export function nodeKernelArgs(accel: Accelerator): string[] {
  return [
    ...DEFAULT_KERNEL_ARGS,
    ...QEMU_KERNEL_ARGS,
    ...(accel === 'tcg' ? TCG_KERNEL_ARGS : []),
    `${KERNEL_ARG_PLATFORM}=metal`,
  ];
}

export class QemuProvisioner extends Provisioner {
  constructor(private readonly qemuDeps: QemuProvisionerDeps) {
    super({ maintenanceTimeoutMs: QEMU_READY_TIMEOUT_MS, ...qemuDeps });
  }

  async create(req: QemuCreateRequest): Promise<ClusterState> {
    validateClusterName(req.name);
    if (req.controlplanes !== 1 || req.workers !== 0) {
      throw new Error(
        'the qemu provisioner boots one node for now: use --controlplanes 1 --workers 0 (bridged multi-node clusters are not built yet)',
      );
    }
    const kernel = path.resolve(req.imageDir, IMAGE_KERNEL_FILE);
    const initramfs = path.resolve(req.imageDir, IMAGE_INITRAMFS_FILE);
    for (const file of [kernel, initramfs]) {
      if (!fs.existsSync(file))
        throw new Error(`${file} not found: build the image first (npx nx run image:build)`);
    }
    const stateDir = this.dirOf(req);
    if (fs.existsSync(path.join(stateDir, STATE_FILE))) {
      throw new Error(`cluster "${req.name}" already exists (state in ${stateDir}): destroy it first`);
    }
    fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });

    const accel = await chooseAccelerator(req.accel ?? 'auto', () =>
      probeKvm({ kernel, qemu: this.qemuDeps.qemu }),
    );
    this.progress(`accelerator: ${accel.accel} (${accel.reason})`);

    const apiPort = await freeLoopbackPort();
    const endpoint = `https://${SLIRP_GUEST_ADDRESS}:${KUBERNETES_API_PORT}`;
    this.progress('generating PKI and tokens');
    const generated = generateConfigs({
      clusterName: req.name,
      endpoint,
      // The operator reaches apid through the forwarded port on the host's loopback.
      additionalSANs: ['127.0.0.1'],
      talosconfigEndpoints: [`127.0.0.1:${apiPort}`],
      // The node's disk is its first virtio disk: machined partitions it (STATE, EPHEMERAL).
      installDisk: QEMU_INSTALL_DISK,
    });

    const name = `${req.name}-master-1`;
    const root = path.join(stateDir, name);
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    const configFile = path.join(root, 'config.yaml');
    await writeSecretFile(configFile, serializeConfig(generated.init));
    const consoleLog = path.join(stateDir, `${name}.console.log`);
    // The console shows machined's log lines and the services' failures: the operator's eyes only.
    fs.writeFileSync(consoleLog, '', { mode: 0o600 });
    const disk = nodeDiskPath(stateDir, name);
    const diskMb = req.diskMb ?? QEMU_DEFAULT_DISK_MB;
    createNodeDisk(disk, diskMb);
    const spec: LaunchSpec = {
      node: {
        kernel,
        initramfs,
        memoryMb: req.memoryMb ?? QEMU_DEFAULT_MEMORY_MB,
        cpus: req.cpus ?? QEMU_DEFAULT_CPUS,
        accel: accel.accel,
        consoleLog,
        apiPort,
        disks: [disk],
      },
      kernelArgs: [...nodeKernelArgs(accel.accel), ...(req.extraKernelArgs ?? [])],
      ...(req.withApplyConfig ? {} : { configFile }),
      qemu: this.qemuDeps.qemu,
    };
    const specFile = path.join(root, 'launch.json');
    await writeSecretFile(specFile, JSON.stringify(spec, null, 2));

    const state: ClusterState = { name: req.name, provisioner: 'qemu', stateDir, endpoint, nodes: [] };
    this.progress(
      `creating node ${name} (init, ${accel.accel}, ${diskMb} MB disk ${disk}, apid on 127.0.0.1:${apiPort})`,
    );
    state.nodes.push(await this.startLauncher(name, root, specFile, stateDir, consoleLog, apiPort));
    saveClusterState(state);

    const context = this.mergeContext(state, req.talosconfig, generated.talosconfig);
    this.progress(`console log: ${consoleLog}`);
    if (req.withApplyConfig) {
      await this.applyInMaintenance(
        name,
        `127.0.0.1:${apiPort}`,
        fs.readFileSync(configFile, 'utf8'),
        req.signal,
      );
    }
    await this.waitReady(
      state,
      contextCredentials(context, req.name),
      req.readyTimeoutMs ?? QEMU_READY_TIMEOUT_MS,
      req.signal,
    );
    return state;
  }

  private async startLauncher(
    name: string,
    root: string,
    specFile: string,
    stateDir: string,
    consoleLog: string,
    apiPort: number,
  ): Promise<NodeState> {
    const logFile = path.join(stateDir, `${name}.log`);
    const pidFile = path.join(stateDir, `${name}.pid`);
    const log = fs.openSync(logFile, 'a', 0o600);
    try {
      const [command, ...args] = this.qemuDeps.launcher;
      if (!command) throw new Error('no launcher command');
      const child = spawn(command, [...args, specFile], {
        // Its own process group, out of reach of the terminal's Ctrl-C; destroy ends it.
        detached: true,
        stdio: ['ignore', log, log],
        env: this.deps.env ?? process.env,
      });
      const pid = await new Promise<number>((resolve, reject) => {
        child.once('spawn', () => resolve(child.pid as number));
        child.once('error', (err) =>
          reject(new Error(`error starting the launcher of ${name}: ${err.message}`)),
        );
      });
      child.unref();
      fs.writeFileSync(pidFile, `${pid}\n`);
      return {
        name,
        type: 'init',
        address: `127.0.0.1:${apiPort}`,
        pid,
        root,
        logFile,
        pidFile,
        consoleLog,
      };
    } finally {
      fs.closeSync(log);
    }
  }
}
