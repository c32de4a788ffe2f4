// What the tests against a real containerd share (root only): a temporary folder, the host's `/`
// bound read-only as the containers' root, containerd started on a socket in the folder, a client
// for a namespace of the test's own, and a cleanup that leaves no container, cgroup, runc state
// or mount behind, even when the test failed half-way.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContainerdClient, purgeNamespace } from './client';
import { removeCgroup, removeRuncState, startContainerd, type ContainerdProcess } from './containerd-process';
import { bindReadOnly, unbind } from './rootfs-bind';

export interface ContainerdFixture {
  dir: string;
  /** The host's `/`, bound read-only: a root file system with node in it. */
  rootfs: string;
  containerd: ContainerdProcess;
  client: ContainerdClient;
  stop(): Promise<void>;
}

export async function startContainerdFixture(prefix: string, namespace: string): Promise<ContainerdFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const rootfs = path.join(dir, 'rootfs');
  let mounted = false;
  let containerd: ContainerdProcess | undefined;
  let client: ContainerdClient | undefined;
  const stop = async (): Promise<void> => {
    if (client) await purgeNamespace(client).catch(() => undefined);
    client?.close();
    await containerd?.stop();
    if (mounted) unbind(rootfs);
    await removeCgroup(namespace);
    await removeRuncState(namespace);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await mkdir(rootfs);
    bindReadOnly('/', rootfs);
    mounted = true;
    containerd = await startContainerd(path.join(dir, 'containerd'));
    client = new ContainerdClient({ socket: containerd.socket, namespace });
    return { dir, rootfs, containerd, client, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
