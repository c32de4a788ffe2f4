// Starts a private containerd (tests, tools): config, root, state and socket all under one
// directory; resolves once its Version RPC answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RUNC_SHIM_STATE_ROOT } from '@talos/constants';
import { ContainerdClient } from './client';
import { containerdConfig } from './config';

export interface ContainerdProcess {
  socket: string;
  root: string;
  state: string;
  /** containerd's own output so far (for failing tests). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export async function startContainerd(
  dir: string,
  opts: { binary?: string; readyTimeoutMs?: number; socket?: string } = {},
): Promise<ContainerdProcess> {
  const root = path.join(dir, 'root');
  const state = path.join(dir, 'state');
  const socket = opts.socket ?? path.join(dir, 'containerd.sock');
  await mkdir(path.dirname(socket), { recursive: true });
  const config = path.join(dir, 'config.toml');
  await mkdir(root, { recursive: true });
  await mkdir(state, { recursive: true });
  await writeFile(config, containerdConfig({ root, state, socket }));

  let output = '';
  const child: ChildProcess = spawn(opts.binary ?? 'containerd', ['--config', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (c: Buffer): void => {
    output = (output + c.toString()).slice(-64 * 1024);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (graceMs = 5000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const client = new ContainerdClient({ socket, namespace: 'default', timeoutMs: 1000 });
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 20_000);
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`containerd exited with status ${child.exitCode}: ${output}`);
      try {
        await client.getVersion();
        break;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`containerd did not answer on ${socket}: ${String(err)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (err) {
    await stop();
    throw err;
  } finally {
    client.close();
  }
  return { socket, root, state, output: () => output, stop };
}

/** Removes an (empty) cgroup directory under every v1 controller and the v2 root, leaf first. */
export async function removeCgroup(relPath: string, cgroupRoot = '/sys/fs/cgroup'): Promise<void> {
  const { readdir, rmdir } = await import('node:fs/promises');
  const bases = [
    cgroupRoot,
    ...(await readdir(cgroupRoot).catch(() => [])).map((c) => path.join(cgroupRoot, c)),
  ];
  for (const base of bases) {
    const dir = path.join(base, relPath);
    const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const child of children)
      if (child.isDirectory()) await rmdir(path.join(dir, child.name)).catch(() => undefined);
    await rmdir(dir).catch(() => undefined);
  }
}

/** Removes the (empty, after a purge) runc state directory of a namespace. */
export async function removeRuncState(namespace: string): Promise<void> {
  const { rmdir } = await import('node:fs/promises');
  await rmdir(path.join(RUNC_SHIM_STATE_ROOT, namespace)).catch(() => undefined);
}
