// talosctl cluster create|destroy|show: local clusters through a provisioner (here: `process`,
// every node a folder of daemon processes on its own loopback address).
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_CLUSTER_NAME, DEFAULT_PROCESS_CIDR } from '@talos/constants';
import { NodeStatus, ProcessProvisioner, findBundleDir, type ClusterState } from '@talos/provision';
import { CliRun, globalsOf } from '../cli';
import { Table, formatTable } from '../output/table';

const PROVISIONERS = ['process'];

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
  const provisioner = (): ProcessProvisioner =>
    new ProcessProvisioner({ progress: (line) => run.out(`${line}\n`) });
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
    .action(
      async (
        opts: CommonOpts & { controlplanes: number; workers: number; cidr: string; waitTimeout?: number },
        cmd: Command,
      ) => {
        checkProvisioner(opts.provisioner);
        const globals = globalsOf(cmd);
        const state = await provisioner().create({
          name: opts.name,
          controlplanes: opts.controlplanes,
          workers: opts.workers,
          cidr: opts.cidr,
          clustersDir: opts.stateDir,
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
      await provisioner().destroy({
        name: opts.name,
        clustersDir: opts.stateDir,
        talosconfig: run.talosconfigPath(globalsOf(cmd)),
      });
    });

  common(cluster.command('show'))
    .description('Shows info about a local cluster created with "cluster create"')
    .action((opts: CommonOpts) => {
      checkProvisioner(opts.provisioner);
      const { state, nodes } = provisioner().show({ name: opts.name, clustersDir: opts.stateDir });
      run.out(renderClusterShow(state, nodes));
    });
}
