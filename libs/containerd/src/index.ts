export * from './client';
export * from './config';
export * from './containerd-process';
export * from './oci-spec';
export { CONTAINERD_SERVICES, type ContainerdMethod } from './generated/services';
export * from './rootfs-bind';
export * from './test-fixture';
