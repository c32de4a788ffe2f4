// @talos/provision: clusters on this machine. The `process` provisioner runs each node as a
// folder of daemon processes on its own loopback address; the `qemu` provisioner boots the image.
export type { NodeType, PlannedNode, ClusterShape } from './node-plan';
export { planNodes, validateClusterName } from './node-plan';
export { NODE_PORTS, assertNodePortsFree } from './node-ports';
export type { ClusterState, NodeState } from './cluster-state';
export { STATE_FILE, clusterDir, loadClusterState, saveClusterState } from './cluster-state';
export { isRunning, stopProcessGroup } from './process-control';
export type { BundleSearch } from './bundles';
export { bundleDirCandidates, findBundleDir, imageDirCandidates, findImageDir } from './bundles';
export type { ApidProbe, ClusterRef, NodeStatus, ProvisionerDeps } from './provisioner';
export { Provisioner, versionProbe } from './provisioner';
export type { CreateRequest } from './process-provisioner';
export { ProcessProvisioner } from './process-provisioner';
export type { Accelerator, AccelChoice } from './qemu/accel';
export { probeKvm, chooseAccelerator } from './qemu/accel';
export type { QemuNodeSpec } from './qemu/qemu-args';
export { qemuArgs } from './qemu/qemu-args';
export type { LaunchSpec } from './qemu/launcher';
export { runLauncher, writeConfigResponse, CONFIG_URL } from './qemu/launcher';
export type { QemuCreateRequest, QemuProvisionerDeps } from './qemu/qemu-provisioner';
export { QemuProvisioner, freeLoopbackPort } from './qemu/qemu-provisioner';
