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
  // 127.0.0.2 .. 127.0.0.254: the last octet must stay a valid host.
  if (shape.controlplanes + shape.workers > 253) throw new Error('at most 253 nodes fit on 127.0.0.0/24');
  const nodes: PlannedNode[] = [];
  for (let i = 0; i < shape.controlplanes; i++) {
    nodes.push({
      name: `${shape.name}-master-${i + 1}`,
      type: i === 0 ? 'init' : 'controlplane',
      address: processNodeAddress(nodes.length),
    });
  }
  for (let i = 0; i < shape.workers; i++) {
    nodes.push({
      name: `${shape.name}-worker-${i + 1}`,
      type: 'join',
      address: processNodeAddress(nodes.length),
    });
  }
  return nodes;
}
