// The `process` provisioner: a cluster of nodes on one machine, each node a folder and a
// machined process (which starts the node's other daemons) on its own loopback address.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  KUBERNETES_API_PORT,
  NodePaths,
  PROVISION_POLL_INTERVAL_MS,
  PROVISION_READY_TIMEOUT_MS,
  PROVISION_STOP_GRACE_MS,
  BUNDLE_DIR_ENV,
  clustersDir as defaultClustersDir,
  daemonBundle,
  DAEMON_V8_FLAGS,
} from '@talos/constants';
import { generateConfigs, serializeConfig, type MachineConfig } from '@talos/config';
import { writeSecretFile } from '@talos/pki';
import {
  Client,
  ClientConfig,
  Credentials,
  contextCredentials,
  loadClientConfig,
  mergeClientConfig,
  removeContext,
  saveClientConfig,
} from '@talos/client';
import {
  ClusterState,
  NodeState,
  STATE_FILE,
  clusterDir,
  loadClusterState,
  saveClusterState,
} from './cluster-state';
import { PlannedNode, planNodes } from './node-plan';
import { NODE_PORTS, assertNodePortsFree } from './node-ports';
import { isRunning, stopProcessGroup } from './process-control';

export interface CreateRequest {
  name: string;
  controlplanes: number;
  workers: number;
  /** Loopback network for node addresses (`--cidr`); 127.0.0.0/24 by default. */
  cidr?: string;
  /** The talosconfig the cluster's context is merged into. */
  talosconfig: string;
  /** Folder holding the daemon bundles (`<dir>/machined/main.js`). */
  bundleDir: string;
  /** Parent of cluster state folders (`--state-dir`); ~/.talos/clusters by default. */
  clustersDir?: string;
  readyTimeoutMs?: number;
  /** Stops the wait (Ctrl-C); the nodes already started keep running for `destroy`. */
  signal?: AbortSignal;
}

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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function configFor(
  node: PlannedNode,
  configs: { init: MachineConfig; controlplane: MachineConfig; join: MachineConfig },
): MachineConfig {
  return configs[node.type];
}

export class ProcessProvisioner {
  private readonly progress: (line: string) => void;
  private readonly probe: ApidProbe;

  constructor(private readonly deps: ProvisionerDeps = {}) {
    this.progress = deps.progress ?? (() => undefined);
    this.probe = deps.probe ?? versionProbe;
  }

  private dirOf(ref: { name: string; clustersDir?: string }): string {
    return clusterDir(ref.clustersDir ?? defaultClustersDir(), ref.name);
  }

  async create(req: CreateRequest): Promise<ClusterState> {
    const nodes = planNodes(req);
    const stateDir = this.dirOf(req);
    if (fs.existsSync(path.join(stateDir, STATE_FILE))) {
      throw new Error(`cluster "${req.name}" already exists (state in ${stateDir}): destroy it first`);
    }
    const bundle = daemonBundle('machined', req.bundleDir);
    if (!fs.existsSync(bundle))
      throw new Error(`machined bundle not found at ${bundle}: build the daemons first`);
    await assertNodePortsFree(
      nodes.map((n) => n.address),
      this.deps.nodePorts ?? NODE_PORTS,
    );
    fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });

    this.progress('generating PKI and tokens');
    const controlPlanes = nodes.filter((n) => n.type !== 'join').map((n) => n.address);
    const first = nodes[0] as PlannedNode;
    const endpoint = `https://${first.address}:${KUBERNETES_API_PORT}`;
    const generated = generateConfigs({
      clusterName: req.name,
      endpoint,
      talosconfigEndpoints: controlPlanes,
      talosconfigNodes: [first.address],
    });

    const state: ClusterState = { name: req.name, provisioner: 'process', stateDir, endpoint, nodes: [] };
    for (const node of nodes) {
      this.progress(`creating node ${node.name} (${node.type}, ${node.address})`);
      state.nodes.push(
        await this.startNode(
          node,
          stateDir,
          bundle,
          req.bundleDir,
          serializeConfig(configFor(node, generated)),
        ),
      );
      // Saved after every node, so that a failure half-way can still be destroyed.
      saveClusterState(state);
    }

    const talosconfig: ClientConfig = {
      context: req.name,
      contexts: {
        [req.name]: structuredClone(generated.talosconfig.contexts[generated.talosconfig.context]!),
      },
    };
    const merged = loadClientConfig(req.talosconfig);
    const renames = mergeClientConfig(merged, talosconfig);
    saveClientConfig(req.talosconfig, merged);
    state.talosconfig = path.resolve(req.talosconfig);
    state.context = merged.context;
    saveClusterState(state);
    for (const r of renames) this.progress(`renamed talosconfig context "${r.from}" -> "${r.to}"`);
    this.progress(`merged context "${state.context}" into ${req.talosconfig}`);

    const credentials = contextCredentials(talosconfig.contexts[req.name]!, req.name);
    await this.waitReady(state, credentials, req.readyTimeoutMs ?? PROVISION_READY_TIMEOUT_MS, req.signal);
    return state;
  }

  private async startNode(
    node: PlannedNode,
    stateDir: string,
    bundle: string,
    bundleDir: string,
    config: string,
  ): Promise<NodeState> {
    const root = path.join(stateDir, node.name);
    const paths = new NodePaths(root);
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    await writeSecretFile(paths.configFile, config);

    const logFile = path.join(stateDir, `${node.name}.log`);
    const pidFile = path.join(stateDir, `${node.name}.pid`);
    const log = fs.openSync(logFile, 'a', 0o600);
    try {
      const child = spawn(
        process.execPath,
        [
          ...DAEMON_V8_FLAGS.machined,
          bundle,
          '--root',
          root,
          '--address',
          node.address,
          '--hostname',
          node.name,
          '--config',
          paths.configFile,
        ],
        {
          // Its own process group: destroy ends the node's daemons together, and Ctrl-C in the
          // terminal that ran `cluster create` does not reach them.
          detached: true,
          stdio: ['ignore', log, log],
          env: { ...(this.deps.env ?? process.env), [BUNDLE_DIR_ENV]: bundleDir },
        },
      );
      const pid = await new Promise<number>((resolve, reject) => {
        child.once('spawn', () => resolve(child.pid as number));
        child.once('error', (err) => reject(new Error(`error starting ${node.name}: ${err.message}`)));
      });
      child.unref();
      fs.writeFileSync(pidFile, `${pid}\n`);
      return { name: node.name, type: node.type, address: node.address, pid, root, logFile, pidFile };
    } finally {
      fs.closeSync(log);
    }
  }

  /** Waits until every node answers Version through its apid; fails early when a node dies. */
  private async waitReady(
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
          throw new Error(`node ${node.name} exited while booting: see ${node.logFile}`);
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
              `see ${node.logFile} (the cluster is left running: talosctl cluster destroy --name ${state.name})`,
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
