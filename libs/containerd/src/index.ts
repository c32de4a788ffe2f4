export * from './client';
export * from './config';
export * from './containerd-process';
export * from './oci-spec';
export { CONTAINERD_DESCRIPTOR } from './generated/descriptor';
export * from './rootfs-bind';
export * from './test-fixture';
