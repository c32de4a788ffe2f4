// The `process` provisioner: a cluster of nodes on one machine, each node a folder and a
// machined process (which starts the node's other daemons) on its own loopback address.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  KUBERNETES_API_PORT,
  NodePaths,
  PROVISION_READY_TIMEOUT_MS,
  BUNDLE_DIR_ENV,
  daemonBundle,
  NODE_FLAGS,
  GENERATED_CONFIG_FILES,
} from '@talos/constants';
import { generateConfigs, parseConfig, serializeConfig } from '@talos/config';
import { writeSecretFile } from '@talos/pki';
import { contextCredentials, loadClientConfig, type ClientConfig } from '@talos/client';
import { type ClusterState, type NodeState, STATE_FILE, saveClusterState } from './cluster-state';
import { type NodeType, type PlannedNode, planNodes } from './node-plan';
import { NODE_PORTS, assertNodePortsFree } from './node-ports';
import { Provisioner } from './provisioner';

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
  /** Boot from the files of `talosctl gen config` in this folder instead of generating new ones. */
  inputDir?: string;
  /** Start the nodes without a config and give it to them in maintenance mode (apply-config --insecure). */
  withApplyConfig?: boolean;
  readyTimeoutMs?: number;
  /** Stops the wait (Ctrl-C); the nodes already started keep running for `destroy`. */
  signal?: AbortSignal;
}

/** What a cluster boots from: each node type's config text, the talosconfig, the endpoint. */
interface ClusterInputs {
  endpoint: string;
  configs: Record<NodeType, string>;
  talosconfig: ClientConfig;
}

/** Fresh secrets and configs for the planned nodes (the first control plane is the endpoint). */
function generateInputs(name: string, nodes: readonly PlannedNode[]): ClusterInputs {
  const controlPlanes = nodes.filter((n) => n.type !== 'join').map((n) => n.address);
  const first = nodes[0] as PlannedNode;
  const endpoint = `https://${first.address}:${KUBERNETES_API_PORT}`;
  const generated = generateConfigs({
    clusterName: name,
    endpoint,
    talosconfigEndpoints: controlPlanes,
    talosconfigNodes: [first.address],
  });
  return {
    endpoint,
    configs: {
      init: serializeConfig(generated.init),
      controlplane: serializeConfig(generated.controlplane),
      join: serializeConfig(generated.join),
    },
    talosconfig: generated.talosconfig,
  };
}

/**
 * `--input-dir`: the files `talosctl gen config` wrote, each validated, used as written. Their
 * endpoint must be the first node's address, where trustd listens.
 */
export function loadInputs(dir: string): ClusterInputs {
  const read = (file: string): string => {
    try {
      return fs.readFileSync(path.join(dir, file), 'utf8');
    } catch (err) {
      throw new Error(`error reading ${path.join(dir, file)}: ${(err as Error).message}`);
    }
  };
  const configs = {} as Record<NodeType, string>;
  let endpoint = '';
  for (const type of ['init', 'controlplane', 'join'] as const) {
    const file = GENERATED_CONFIG_FILES[type];
    const text = read(file);
    try {
      const config = parseConfig(text);
      if (type === 'init') endpoint = config.cluster.controlPlane.endpoint;
    } catch (err) {
      throw new Error(`${path.join(dir, file)}: ${(err as Error).message}`);
    }
    configs[type] = text;
  }
  return {
    endpoint,
    configs,
    talosconfig: loadClientConfig(path.join(dir, GENERATED_CONFIG_FILES.talosconfig)),
  };
}

export class ProcessProvisioner extends Provisioner {
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

    let inputs: ClusterInputs;
    if (req.inputDir) {
      this.progress(`using the configs in ${req.inputDir}`);
      inputs = loadInputs(req.inputDir);
    } else {
      this.progress('generating PKI and tokens');
      inputs = generateInputs(req.name, nodes);
    }
    const { endpoint } = inputs;

    const state: ClusterState = { name: req.name, provisioner: 'process', stateDir, endpoint, nodes: [] };
    for (const node of nodes) {
      this.progress(`creating node ${node.name} (${node.type}, ${node.address})`);
      state.nodes.push(
        await this.startNode(
          node,
          stateDir,
          bundle,
          req.bundleDir,
          req.withApplyConfig ? undefined : inputs.configs[node.type],
        ),
      );
      // Saved after every node, so that a failure half-way can still be destroyed.
      saveClusterState(state);
    }

    if (req.withApplyConfig) {
      for (const node of nodes) {
        await this.applyInMaintenance(node.name, node.address, inputs.configs[node.type], req.signal);
      }
    }
    const talosconfig = this.mergeContext(state, req.talosconfig, inputs.talosconfig);
    const credentials = contextCredentials(talosconfig, req.name);
    await this.waitReady(state, credentials, req.readyTimeoutMs ?? PROVISION_READY_TIMEOUT_MS, req.signal);
    return state;
  }

  private async startNode(
    node: PlannedNode,
    stateDir: string,
    bundle: string,
    bundleDir: string,
    /** Without one, the node boots into maintenance mode. */
    config: string | undefined,
  ): Promise<NodeState> {
    const root = path.join(stateDir, node.name);
    const paths = new NodePaths(root);
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    if (config !== undefined) await writeSecretFile(paths.configFile, config);

    const logFile = path.join(stateDir, `${node.name}.log`);
    const pidFile = path.join(stateDir, `${node.name}.pid`);
    const log = fs.openSync(logFile, 'a', 0o600);
    try {
      const child = spawn(
        process.execPath,
        [
          ...NODE_FLAGS,
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
}
