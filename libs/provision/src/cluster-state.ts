// What `cluster create` leaves behind so that `show` and `destroy` can find the cluster again:
// <state>/state.yaml beside one folder, log and pid file per node.
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import type { NodeType } from './node-plan';

export const STATE_FILE = 'state.yaml';

export interface NodeState {
  name: string;
  type: NodeType;
  address: string;
  pid: number;
  /** The node's root folder (NodePaths root). */
  root: string;
  logFile: string;
  pidFile: string;
  /** QEMU nodes: the serial console's log. */
  consoleLog?: string;
}

export interface ClusterState {
  name: string;
  provisioner: 'process' | 'qemu';
  /** The cluster's own folder: <clustersDir>/<name>. */
  stateDir: string;
  /** Kubernetes API endpoint the configs were generated for. */
  endpoint: string;
  /** The talosconfig and the context name `create` merged (it may carry an index suffix). */
  talosconfig?: string;
  context?: string;
  nodes: NodeState[];
}

export function clusterDir(clustersDir: string, name: string): string {
  return path.join(clustersDir, name);
}

export function saveClusterState(state: ClusterState): void {
  fs.mkdirSync(state.stateDir, { recursive: true, mode: 0o700 });
  const file = path.join(state.stateDir, STATE_FILE);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, YAML.stringify(state), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function loadClusterState(stateDir: string): ClusterState {
  const file = path.join(stateDir, STATE_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`cluster state not found at ${file}: is the cluster name right?`);
    }
    throw new Error(`error reading cluster state ${file}: ${(err as Error).message}`);
  }
  const state = YAML.parse(text) as ClusterState;
  if (!state || typeof state !== 'object' || !Array.isArray(state.nodes)) {
    throw new Error(`error reading cluster state ${file}: not a cluster state`);
  }
  return state;
}
