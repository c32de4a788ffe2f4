// Files of the node for Read and List. In dev mode the node's "/" is its root folder, so every
// requested path is resolved under it and can never climb out of it.
import { lstat, readdir, readlink } from 'node:fs/promises';
import * as path from 'node:path';
import type { machine } from '@talos/api';

/** Go os.FileMode bits that talosctl ls decodes. */
const MODE_DIR = 0x80000000;
const MODE_SYMLINK = 0x08000000;
const MODE_DEVICE = 0x04000000;
const MODE_NAMED_PIPE = 0x02000000;
const MODE_SOCKET = 0x01000000;
const MODE_CHAR_DEVICE = 0x00200000;

export class NodeFiles {
  constructor(private readonly root: string) {}

  /** Host path of a node path: "/var/log/x" -> "<root>/var/log/x" (".." cannot escape the root). */
  resolve(nodePath: string): string {
    const normalized = path.posix.normalize('/' + (nodePath || '/'));
    return path.join(this.root, normalized);
  }

  /** Node path of a host path under the root. */
  nodePath(hostPath: string): string {
    const rel = path.relative(this.root, hostPath);
    return '/' + rel.split(path.sep).join('/');
  }

  /**
   * Walks `root` as `talosctl ls` asks: the root itself, then its entries; `recurse` with
   * `recursionDepth` (0: no limit) for deeper levels; `types` filters (empty: all).
   */
  async *list(req: machine.ListRequest.$Properties): AsyncIterable<machine.FileInfo.$Properties> {
    const nodeRoot = req.root || '/';
    const hostRoot = this.resolve(nodeRoot);
    const maxDepth = req.recurse
      ? req.recursionDepth && req.recursionDepth > 0
        ? req.recursionDepth
        : Infinity
      : 1;
    const types = new Set(req.types ?? []);
    const wanted = (info: machine.FileInfo.$Properties): boolean => {
      if (types.size === 0 || info.error) return true;
      const kind = info.isDir ? 1 : ((info.mode ?? 0) & MODE_SYMLINK) !== 0 ? 2 : 0;
      return types.has(kind);
    };

    const rootInfo = await this.info(hostRoot, nodeRoot, '.');
    if (wanted(rootInfo)) yield rootInfo;
    if (!rootInfo.isDir) return;

    const walk = async function* (
      this: NodeFiles,
      hostDir: string,
      nodeDir: string,
      depth: number,
    ): AsyncGenerator<machine.FileInfo.$Properties> {
      let entries: string[];
      try {
        entries = (await readdir(hostDir)).sort();
      } catch (err) {
        yield {
          name: nodeDir,
          relativeName: path.posix.relative(nodeRoot, nodeDir) || '.',
          error: (err as Error).message,
        };
        return;
      }
      for (const entry of entries) {
        const nodePath = path.posix.join(nodeDir, entry);
        const info = await this.info(
          path.join(hostDir, entry),
          nodePath,
          path.posix.relative(nodeRoot, nodePath),
        );
        if (wanted(info)) yield info;
        if (info.isDir && depth < maxDepth)
          yield* walk.call(this, path.join(hostDir, entry), nodePath, depth + 1);
      }
    };
    yield* walk.call(this, hostRoot, path.posix.normalize('/' + nodeRoot), 1);
  }

  private async info(
    hostPath: string,
    name: string,
    relativeName: string,
  ): Promise<machine.FileInfo.$Properties> {
    try {
      const st = await lstat(hostPath);
      let mode = st.mode & 0o777;
      if (st.isDirectory()) mode |= MODE_DIR;
      if (st.isSymbolicLink()) mode |= MODE_SYMLINK;
      if (st.isBlockDevice()) mode |= MODE_DEVICE;
      if (st.isCharacterDevice()) mode |= MODE_DEVICE | MODE_CHAR_DEVICE;
      if (st.isFIFO()) mode |= MODE_NAMED_PIPE;
      if (st.isSocket()) mode |= MODE_SOCKET;
      const info: machine.FileInfo.$Properties = {
        name,
        relativeName,
        size: st.size,
        mode: mode >>> 0,
        modified: Math.floor(st.mtimeMs / 1000),
        isDir: st.isDirectory(),
      };
      if (st.isSymbolicLink()) info.link = await readlink(hostPath).catch(() => '');
      return info;
    } catch (err) {
      return { name, relativeName, error: (err as Error).message };
    }
  }
}
