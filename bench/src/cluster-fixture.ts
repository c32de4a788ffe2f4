// Process clusters for the benchmark, made the way an operator makes them: the bundled talosctl,
// `cluster create` / `cluster destroy`, in a temporary HOME of our own. The fixture remembers
// every cluster it started so that a failure or Ctrl-C still tears all of them down.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { APID_PORT, TRUSTD_PORT } from '@talos/constants';
import { contextCredentials, loadClientConfig, selectContext } from '@talos/client';
import { loadClusterState, planNodes, type ClusterState, type NodeState } from '@talos/provision';
import { profilerEnv } from './cpu-profiler';
import { pidsMentioning } from './node-processes';

export interface Credentials {
  ca: string;
  crt: string;
  key: string;
}

export interface BenchCluster {
  state: ClusterState;
  /** Wall time of `talosctl cluster create`, which returns once every node answers through apid. */
  createSeconds: number;
  credentials: Credentials;
  /** The first control plane: every daemon (trustd too) runs there. */
  controlPlane: NodeState;
}

export interface FixtureOptions {
  /** How long to wait for another cluster (someone else's) to free the node addresses. */
  addressWaitMs?: number;
  /** Profile every daemon of every cluster into this folder (see cpu-profiler.ts). */
  cpuProfileDir?: string;
  /** Extra NODE_OPTIONS for the node processes (to try V8 flags such as --max-semi-space-size). */
  nodeOptions?: string;
  /** Loopback network of the clusters (`--cidr`), so the benchmark keeps off other clusters' addresses. */
  cidr?: string;
}

export class ClusterFixture {
  readonly home: string;
  private readonly live = new Set<string>();
  private readonly running = new Set<ChildProcess>();
  private readonly profiling: NodeJS.ProcessEnv;

  constructor(
    private readonly talosctl: string,
    private readonly progress: (line: string) => void,
    private readonly opts: FixtureOptions = {},
  ) {
    this.home = fs.mkdtempSync(path.join(os.tmpdir(), 'talos-bench-'));
    this.profiling = opts.cpuProfileDir ? profilerEnv(this.home, opts.cpuProfileDir) : {};
  }

  private get env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: this.home, TALOSCONFIG: this.talosconfig };
    delete env.XDG_CONFIG_HOME;
    const nodeOptions = [env.NODE_OPTIONS, this.profiling.NODE_OPTIONS, this.opts.nodeOptions].filter(
      Boolean,
    );
    return { ...env, ...this.profiling, NODE_OPTIONS: nodeOptions.join(' ') };
  }

  get talosconfig(): string {
    return path.join(this.home, '.talos', 'config');
  }

  private clusterDir(name: string): string {
    return path.join(this.home, '.talos', 'clusters', name);
  }

  /** Runs talosctl to the end; its output is kept for the error message. */
  private talosctlRun(args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [this.talosctl, ...args], {
        env: this.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.running.add(child);
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.once('error', reject);
      child.once('close', (code, signal) => {
        this.running.delete(child);
        if (code === 0) resolve();
        else
          reject(
            new Error(
              `talosctl ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.trimEnd()}`,
            ),
          );
      });
    });
  }

  async create(name: string, controlplanes: number, workers: number): Promise<BenchCluster> {
    await this.waitForAddresses(
      planNodes({ name, controlplanes, workers, cidr: this.opts.cidr }).map((n) => n.address),
    );
    this.progress(`creating cluster ${name}: ${controlplanes} control plane(s) + ${workers} worker(s)`);
    this.live.add(name);
    const t0 = performance.now();
    await this.talosctlRun([
      'cluster',
      'create',
      '--provisioner',
      'process',
      '--name',
      name,
      '--controlplanes',
      String(controlplanes),
      '--workers',
      String(workers),
      ...(this.opts.cidr ? ['--cidr', this.opts.cidr] : []),
    ]);
    const createSeconds = (performance.now() - t0) / 1000;
    const state = loadClusterState(this.clusterDir(name));
    const { name: contextName, context } = selectContext(
      loadClientConfig(this.talosconfig),
      state.context ?? name,
    );
    const pem = contextCredentials(context, contextName);
    this.progress(`cluster ${name} is up after ${createSeconds.toFixed(1)} s`);
    return {
      state,
      createSeconds,
      credentials: { ca: pem.ca.toString(), crt: pem.crt.toString(), key: pem.key.toString() },
      controlPlane: state.nodes[0] as NodeState,
    };
  }

  /**
   * Process clusters all live on 127.0.0.0/24: while another one runs (a test elsewhere on this
   * machine), ours cannot bind its ports. Wait for it rather than fail.
   */
  private async waitForAddresses(addresses: readonly string[]): Promise<void> {
    const waitMs = this.opts.addressWaitMs ?? 10 * 60_000;
    const deadline = Date.now() + waitMs;
    let reported = false;
    for (;;) {
      const busy = await firstBusyAddress(addresses);
      if (!busy) return;
      if (Date.now() >= deadline) {
        throw new Error(
          `${busy} is still in use after ${waitMs / 1000} s: another process cluster is running`,
        );
      }
      if (!reported)
        this.progress(`${busy} is in use (another process cluster runs on this machine): waiting for it`);
      reported = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  async destroy(name: string): Promise<void> {
    if (!this.live.has(name)) return;
    this.progress(`destroying cluster ${name}`);
    if (fs.existsSync(this.clusterDir(name))) await this.talosctlRun(['cluster', 'destroy', '--name', name]);
    this.live.delete(name);
  }

  /**
   * Tears down everything: a talosctl still running, every cluster still up, then (belt and
   * braces) any process whose command line names our HOME, then the HOME itself.
   */
  async cleanup(): Promise<void> {
    for (const child of this.running) child.kill('SIGKILL');
    for (const name of [...this.live]) {
      try {
        await this.destroy(name);
      } catch (err) {
        this.progress(`error destroying cluster ${name}: ${(err as Error).message}`);
      }
    }
    for (const pid of pidsMentioning(this.home)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

/** The first `address:port` a node would need that something else holds, if any. */
async function firstBusyAddress(addresses: readonly string[]): Promise<string | undefined> {
  for (const address of addresses) {
    for (const port of [APID_PORT, TRUSTD_PORT]) {
      const free = await new Promise<boolean>((resolve) => {
        const server = net.createServer();
        server.once('error', () => resolve(false));
        server.listen(port, address, () => server.close(() => resolve(true)));
      });
      if (!free) return `${address}:${port}`;
    }
  }
  return undefined;
}
