// talosctl cluster create|destroy|show: local clusters through a provisioner: `process` (every
// node a folder of daemon processes on its own loopback address) or `qemu` (the node image booted
// in a virtual machine). `qemu-launch` is the QEMU provisioner's per-node launcher (hidden).
import { Command, InvalidArgumentError } from 'commander';
import {
  DEFAULT_CLUSTER_NAME,
  DEFAULT_PROCESS_CIDR,
  QEMU_DEFAULT_CPUS,
  QEMU_DEFAULT_DISK_MB,
  QEMU_DEFAULT_MEMORY_MB,
} from '@talos/constants';
import {
  NodeStatus,
  ProcessProvisioner,
  Provisioner,
  QemuProvisioner,
  findBundleDir,
  findImageDir,
  runLauncher,
  type ClusterState,
} from '@talos/provision';
import { CliRun, globalsOf } from '../cli';
import { Table, formatTable } from '../output/table';

const PROVISIONERS = ['process', 'qemu'];
const ACCELERATORS = ['auto', 'kvm', 'tcg'];

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds');
  return n;
}

export function renderClusterShow(state: ClusterState, nodes: readonly NodeStatus[]): string {
  const summary = formatTable([
    ['PROVISIONER', state.provisioner],
    ['NAME', state.name],
    ['STATE DIRECTORY', state.stateDir],
    ['KUBERNETES ENDPOINT', state.endpoint],
    ['TALOSCONFIG CONTEXT', state.context ?? ''],
  ]);
  const table = new Table(['NAME', 'TYPE', 'ADDRESS', 'PID', 'STATE']);
  for (const n of nodes) table.add([n.name, n.type, n.address, n.pid, n.running ? 'running' : 'stopped']);
  return `${summary}\nNODES:\n\n${table.toString()}`;
}

interface CommonOpts {
  name: string;
  provisioner: string;
  stateDir?: string;
}

export function registerCluster(program: Command, run: CliRun): void {
  const cluster = program
    .command('cluster')
    .description('A collection of commands for managing local clusters');
  const progress = (line: string): void => void run.out(`${line}\n`);
  const qemuProvisioner = (): QemuProvisioner =>
    // The launcher is this talosctl itself, detached: `node <talosctl> cluster qemu-launch <spec>`.
    new QemuProvisioner({
      progress,
      launcher: [process.execPath, process.argv[1] ?? '', 'cluster', 'qemu-launch'],
    });
  const provisioner = (name: string): Provisioner =>
    name === 'qemu' ? qemuProvisioner() : new ProcessProvisioner({ progress });
  const checkProvisioner = (name: string): void => {
    if (!PROVISIONERS.includes(name))
      throw new Error(`unsupported provisioner "${name}" (available: ${PROVISIONERS.join(', ')})`);
  };
  const common = (cmd: Command): Command =>
    cmd
      .option('--name <name>', 'the name of the cluster', DEFAULT_CLUSTER_NAME)
      .option('--provisioner <name>', 'Talos cluster provisioner to use', 'process')
      .option('--state-dir <dir>', 'directory path to store cluster state (default: ~/.talos/clusters)');

  common(cluster.command('create'))
    .description('Creates a local cluster')
    .option('--controlplanes <n>', 'the number of control plane nodes', parseCount, 1)
    .option('--workers <n>', 'the number of worker nodes', parseCount, 1)
    .option(
      '--cidr <cidr>',
      'loopback network the nodes get addresses from (node N: host N+2)',
      DEFAULT_PROCESS_CIDR,
    )
    .option(
      '--wait-timeout <seconds>',
      'how long to wait for every node to answer through apid',
      parseSeconds,
    )
    .option('--input-dir <dir>', 'process: boot from the files of "talosctl gen config" in this folder')
    .option(
      '--with-apply-config',
      'process: boot the nodes without a config and apply it in maintenance mode',
    )
    .option('--image-dir <dir>', "qemu: the node image (default: the checkout's _out/image)")
    .option('--accel <name>', `qemu: accelerator (${ACCELERATORS.join(', ')}); auto probes KVM`, 'auto')
    .option('--memory <MiB>', 'qemu: memory of each node', parseCount, QEMU_DEFAULT_MEMORY_MB)
    .option('--cpus <n>', 'qemu: virtual CPUs of each node', parseCount, QEMU_DEFAULT_CPUS)
    .option('--disk <MB>', "qemu: size of each node's disk (sparse file)", parseCount, QEMU_DEFAULT_DISK_MB)
    .action(
      async (
        opts: CommonOpts & {
          controlplanes: number;
          workers: number;
          cidr: string;
          waitTimeout?: number;
          imageDir?: string;
          inputDir?: string;
          withApplyConfig?: boolean;
          accel: string;
          memory: number;
          cpus: number;
          disk: number;
        },
        cmd: Command,
      ) => {
        checkProvisioner(opts.provisioner);
        const globals = globalsOf(cmd);
        if (opts.provisioner === 'qemu') {
          if (!ACCELERATORS.includes(opts.accel))
            throw new Error(`unknown accelerator "${opts.accel}" (available: ${ACCELERATORS.join(', ')})`);
          const state = await qemuProvisioner().create({
            name: opts.name,
            controlplanes: opts.controlplanes,
            workers: opts.workers,
            imageDir: opts.imageDir ?? findImageDir({ env: run.deps.env }),
            clustersDir: opts.stateDir,
            talosconfig: run.talosconfigPath(globals),
            accel: opts.accel as 'auto' | 'kvm' | 'tcg',
            memoryMb: opts.memory,
            cpus: opts.cpus,
            diskMb: opts.disk,
            withApplyConfig: opts.withApplyConfig,
            readyTimeoutMs: opts.waitTimeout ? opts.waitTimeout * 1000 : undefined,
            signal: run.signal,
          });
          run.out(`cluster "${state.name}" is up: talosctl context "${state.context ?? state.name}"\n`);
          return;
        }
        const state = await new ProcessProvisioner({ progress }).create({
          name: opts.name,
          controlplanes: opts.controlplanes,
          workers: opts.workers,
          cidr: opts.cidr,
          clustersDir: opts.stateDir,
          inputDir: opts.inputDir,
          withApplyConfig: opts.withApplyConfig,
          talosconfig: run.talosconfigPath(globals),
          bundleDir: findBundleDir({ env: run.deps.env }),
          readyTimeoutMs: opts.waitTimeout ? opts.waitTimeout * 1000 : undefined,
          signal: run.signal,
        });
        run.out(
          `cluster "${state.name}" is up: ${state.nodes.length} node(s), talosctl context "${state.context ?? state.name}"\n`,
        );
      },
    );

  common(cluster.command('destroy'))
    .description('Destroys a local cluster created with "cluster create"')
    .action(async (opts: CommonOpts, cmd: Command) => {
      checkProvisioner(opts.provisioner);
      await provisioner(opts.provisioner).destroy({
        name: opts.name,
        clustersDir: opts.stateDir,
        talosconfig: run.talosconfigPath(globalsOf(cmd)),
      });
    });

  common(cluster.command('show'))
    .description('Shows info about a local cluster created with "cluster create"')
    .action((opts: CommonOpts) => {
      checkProvisioner(opts.provisioner);
      const { state, nodes } = provisioner(opts.provisioner).show({
        name: opts.name,
        clustersDir: opts.stateDir,
      });
      run.out(renderClusterShow(state, nodes));
    });

  cluster
    .command('qemu-launch <spec>', { hidden: true })
    .description("Runs one QEMU node of a cluster (started by 'cluster create --provisioner qemu')")
    .action(async (spec: string) => {
      const code = await runLauncher(spec, (line) => run.err(`${new Date().toISOString()} ${line}\n`));
      if (code !== 0) throw new Error(`QEMU exited with code ${code}`);
    });
}
