// @talos/provision: clusters on this machine. The `process` provisioner runs each node as a
// folder of daemon processes on its own loopback address.
export type { NodeType, PlannedNode, ClusterShape } from './node-plan';
export { planNodes, validateClusterName } from './node-plan';
export { NODE_PORTS, assertNodePortsFree } from './node-ports';
export type { ClusterState, NodeState } from './cluster-state';
export { STATE_FILE, clusterDir, loadClusterState, saveClusterState } from './cluster-state';
export { isRunning, stopProcessGroup } from './process-control';
export type { BundleSearch } from './bundles';
export { bundleDirCandidates, findBundleDir } from './bundles';
export type {
  ApidProbe,
  ClusterRef,
  CreateRequest,
  NodeStatus,
  ProvisionerDeps,
} from './process-provisioner';
export { ProcessProvisioner, versionProbe } from './process-provisioner';
