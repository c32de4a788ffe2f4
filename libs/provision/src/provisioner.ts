// What every provisioner shares: where a cluster's state lives, merging its talosconfig context,
// waiting for its nodes' apid, `show` and `destroy`. Each node is a detached process group (the
// process provisioner's machined, the QEMU provisioner's launcher) whose command line names the
// node's folder, so that a recycled pid is never mistaken for it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  PROVISION_POLL_INTERVAL_MS,
  PROVISION_READY_TIMEOUT_MS,
  PROVISION_STOP_GRACE_MS,
  clustersDir as defaultClustersDir,
} from '@talos/constants';
import {
  Client,
  type ClientConfig,
  type ClientContext,
  type Credentials,
  loadClientConfig,
  mergeClientConfig,
  removeContext,
  saveClientConfig,
} from '@talos/client';
import {
  type ClusterState,
  type NodeState,
  clusterDir,
  loadClusterState,
  saveClusterState,
} from './cluster-state';
import { isRunning, stopProcessGroup } from './process-control';

export interface ClusterRef {
  name: string;
  clustersDir?: string;
  /** Used when the state does not record the talosconfig `create` merged into. */
  talosconfig?: string;
}

export interface NodeStatus extends NodeState {
  running: boolean;
}

/** Asks one node's apid for its version; resolves once it answers. */
export type ApidProbe = (address: string, credentials: Credentials, timeoutMs: number) => Promise<void>;

export interface ProvisionerDeps {
  /** Progress lines for the operator ("creating node ...", "waiting for ..."). */
  progress?: (line: string) => void;
  probe?: ApidProbe;
  /** Environment of the node processes. */
  env?: NodeJS.ProcessEnv;
  pollIntervalMs?: number;
  stopGraceMs?: number;
  /** How long `--with-apply-config` waits for a node's maintenance mode. */
  maintenanceTimeoutMs?: number;
  /** Ports that must be free on every node address before nodes start (apid's and trustd's). */
  nodePorts?: readonly number[];
}

/** The real probe: Version through the node's apid over mTLS, no `nodes` metadata. */
export const versionProbe: ApidProbe = async (address, credentials, timeoutMs) => {
  const client = Client.connect({ ...credentials, endpoints: [address] });
  try {
    const parts = await client.version({ timeoutMs });
    const failed = parts.find((p) => p.error !== undefined);
    if (failed) throw new Error(failed.error);
  } finally {
    client.close();
  }
};

/** Where to look when a node fails: its console (QEMU) and its process log. */
function nodeLogs(node: NodeState): string {
  return node.consoleLog ? `${node.consoleLog} and ${node.logFile}` : node.logFile;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export abstract class Provisioner {
  protected readonly progress: (line: string) => void;
  protected readonly probe: ApidProbe;

  constructor(protected readonly deps: ProvisionerDeps = {}) {
    this.progress = deps.progress ?? (() => undefined);
    this.probe = deps.probe ?? versionProbe;
  }

  protected dirOf(ref: { name: string; clustersDir?: string }): string {
    return clusterDir(ref.clustersDir ?? defaultClustersDir(), ref.name);
  }

  /** Merges the cluster's context into the operator's talosconfig; returns the context as merged. */
  protected mergeContext(
    state: ClusterState,
    talosconfigPath: string,
    generated: ClientConfig,
  ): ClientContext {
    const context = structuredClone(generated.contexts[generated.context]!);
    const merged = loadClientConfig(talosconfigPath);
    const renames = mergeClientConfig(merged, { context: state.name, contexts: { [state.name]: context } });
    saveClientConfig(talosconfigPath, merged);
    state.talosconfig = path.resolve(talosconfigPath);
    state.context = merged.context;
    saveClusterState(state);
    for (const r of renames) this.progress(`renamed talosconfig context "${r.from}" -> "${r.to}"`);
    this.progress(`merged context "${state.context}" into ${talosconfigPath}`);
    return context;
  }

  /** Waits until every node answers Version through its apid; fails early when a node dies. */
  protected async waitReady(
    state: ClusterState,
    credentials: Credentials,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<void> {
    const started = Date.now();
    const deadline = started + timeoutMs;
    const poll = this.deps.pollIntervalMs ?? PROVISION_POLL_INTERVAL_MS;
    for (const node of state.nodes) {
      this.progress(`waiting for apid on ${node.name} (${node.address})`);
      let lastError = '';
      let lastReport = Date.now();
      for (;;) {
        if (signal?.aborted) {
          throw new Error(
            `interrupted while waiting for ${node.name}: the cluster is left running (talosctl cluster destroy --name ${state.name})`,
          );
        }
        if (!isRunning(node.pid, node.root)) {
          throw new Error(`node ${node.name} exited while booting: see ${nodeLogs(node)}`);
        }
        try {
          await this.probe(node.address, credentials, Math.max(1000, Math.min(5000, deadline - Date.now())));
          break;
        } catch (err) {
          lastError = (err as Error).message;
        }
        if (Date.now() >= deadline) {
          throw new Error(
            `timed out after ${Math.round(timeoutMs / 1000)}s waiting for apid on ${node.name} (${node.address}): ${lastError}; ` +
              `see ${nodeLogs(node)} (the cluster is left running: talosctl cluster destroy --name ${state.name})`,
          );
        }
        if (Date.now() - lastReport >= 10_000) {
          this.progress(`still waiting for ${node.name}: ${lastError}`);
          lastReport = Date.now();
        }
        await sleep(poll);
      }
      this.progress(`${node.name}: apid ready (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    }
  }

  /** `--with-apply-config`: waits for the node's maintenance mode, then sends it its config. */
  protected async applyInMaintenance(
    name: string,
    address: string,
    config: string,
    signal?: AbortSignal,
  ): Promise<void> {
    this.progress(`applying the config to ${name} in maintenance mode (apply-config --insecure)`);
    const deadline = Date.now() + (this.deps.maintenanceTimeoutMs ?? PROVISION_READY_TIMEOUT_MS);
    const client = Client.connect({ endpoints: [address], insecure: true });
    try {
      for (;;) {
        if (signal?.aborted) throw new Error(`interrupted while configuring ${name}`);
        try {
          await client.version({ timeoutMs: 2000 });
          break;
        } catch (err) {
          if (Date.now() > deadline) {
            throw new Error(`${name} did not reach maintenance mode: ${(err as Error).message}`);
          }
          await new Promise((r) => setTimeout(r, this.deps.pollIntervalMs ?? PROVISION_POLL_INTERVAL_MS));
        }
      }
      await client.applyConfiguration(config, {}, { timeoutMs: 30_000 });
    } finally {
      client.close();
    }
  }

  show(ref: ClusterRef): { state: ClusterState; nodes: NodeStatus[] } {
    const state = loadClusterState(this.dirOf(ref));
    return { state, nodes: state.nodes.map((n) => ({ ...n, running: isRunning(n.pid, n.root) })) };
  }

  async destroy(ref: ClusterRef): Promise<void> {
    const stateDir = this.dirOf(ref);
    const state = loadClusterState(stateDir);
    const grace = this.deps.stopGraceMs ?? PROVISION_STOP_GRACE_MS;
    await Promise.all(
      state.nodes.map(async (node) => {
        this.progress(`destroying node ${node.name}`);
        const outcome = await stopProcessGroup(node.pid, { graceMs: grace, marker: node.root });
        if (outcome === 'killed') this.progress(`${node.name} did not stop within ${grace / 1000}s: killed`);
      }),
    );

    const talosconfig = state.talosconfig ?? ref.talosconfig;
    if (talosconfig && state.context) {
      const cfg = loadClientConfig(talosconfig);
      const wasCurrent = cfg.context === state.context;
      if (removeContext(cfg, state.context)) {
        saveClientConfig(talosconfig, cfg);
        this.progress(`removed context "${state.context}" from ${talosconfig}`);
        // Say which cluster talosctl now talks to, so that it is no surprise.
        if (wasCurrent && cfg.context) this.progress(`current context is now "${cfg.context}"`);
      }
    }
    this.progress(`removing state directory ${stateDir}`);
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}
