// Which nodes a cluster has: control planes first (the first one `init`, the others
// `controlplane`), then workers (`join`), each on its own loopback address, named like Talos's.
import { processNodeAddress } from '@talos/constants';

export type NodeType = 'init' | 'controlplane' | 'join';

export interface PlannedNode {
  name: string;
  type: NodeType;
  address: string;
}

export interface ClusterShape {
  name: string;
  controlplanes: number;
  workers: number;
  /** Loopback network the nodes get addresses from (default DEFAULT_PROCESS_CIDR). */
  cidr?: string;
}

/** Cluster names become host names and folder names: keep them to DNS label characters. */
export function validateClusterName(name: string): void {
  if (!/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/.test(name)) {
    throw new Error(`invalid cluster name "${name}": use lower-case letters, digits and dashes (at most 40)`);
  }
}

export function planNodes(shape: ClusterShape): PlannedNode[] {
  validateClusterName(shape.name);
  if (!Number.isInteger(shape.controlplanes) || shape.controlplanes < 1) {
    throw new Error(`a cluster needs at least one control plane node (got ${shape.controlplanes})`);
  }
  if (!Number.isInteger(shape.workers) || shape.workers < 0) {
    throw new Error(`invalid number of workers: ${shape.workers}`);
  }
  if (shape.cidr !== undefined && !shape.cidr.startsWith('127.')) {
    throw new Error(`invalid CIDR "${shape.cidr}": process clusters live on loopback (127.0.0.0/8)`);
  }
  const nodes: PlannedNode[] = [];
  for (let i = 0; i < shape.controlplanes; i++) {
    nodes.push({
      name: `${shape.name}-master-${i + 1}`,
      type: i === 0 ? 'init' : 'controlplane',
      address: processNodeAddress(nodes.length, shape.cidr),
    });
  }
  for (let i = 0; i < shape.workers; i++) {
    nodes.push({
      name: `${shape.name}-worker-${i + 1}`,
      type: 'join',
      address: processNodeAddress(nodes.length, shape.cidr),
    });
  }
  return nodes;
}
