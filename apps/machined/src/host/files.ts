// Files of the node for Read and List. In dev mode the node's "/" is its root folder: every requested
// path is resolved under it, symbolic links included, and whatever really lies outside it is refused.
// Errors name the path as the client gave it, never the host path behind it.
import { lstat, readdir, readlink, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { getSystemErrorMap } from 'node:util';
import type { machine } from '@talos/api';

/** Go os.FileMode bits that talosctl ls decodes. */
const MODE_DIR = 0x80000000;
const MODE_SYMLINK = 0x08000000;
const MODE_DEVICE = 0x04000000;
const MODE_NAMED_PIPE = 0x02000000;
const MODE_SOCKET = 0x01000000;
const MODE_CHAR_DEVICE = 0x00200000;

export type FileAction = 'reading' | 'listing';

/**
 * A file operation that failed, told in node terms: `error reading "/etc/hostname": no such file or
 * directory`. `code` is the errno name (ENOENT, EACCES, ...) that decides the gRPC status.
 */
export class NodeFileError extends Error {
  constructor(
    readonly code: string,
    readonly nodePath: string,
    action: FileAction,
    reason: string,
  ) {
    super(`error ${action} ${JSON.stringify(nodePath)}: ${reason}`);
    this.name = 'NodeFileError';
  }

  /** Normalises a filesystem error (whose message holds the host path) to the node's view. */
  static from(err: unknown, nodePath: string, action: FileAction): NodeFileError {
    if (err instanceof NodeFileError) return err;
    const e = err as NodeJS.ErrnoException;
    const code = typeof e?.code === 'string' ? e.code : 'EIO';
    return new NodeFileError(code, nodePath, action, describeErrno(e));
  }
}

/** "no such file or directory" for ENOENT: libuv's text without the syscall and host path. */
function describeErrno(err: NodeJS.ErrnoException | undefined): string {
  if (typeof err?.errno === 'number') {
    const known = getSystemErrorMap().get(err.errno);
    if (known) return known[1];
  }
  return err?.code ? err.code.toLowerCase() : 'input/output error';
}

export class NodeFiles {
  private realRoot: Promise<string> | undefined;

  constructor(private readonly root: string) {}

  /**
   * The real host path of a node path, every symbolic link followed. A path that really lies outside
   * the node root (a link pointing out of it) is refused with EACCES: it exists, but not for the
   * node's clients. Only dev mode can hit this: in the image the node root is "/".
   */
  async realPath(nodePath: string, action: FileAction): Promise<string> {
    let real: string;
    try {
      real = await realpath(this.resolve(nodePath));
    } catch (err) {
      throw NodeFileError.from(err, nodePath, action);
    }
    await this.assertInside(real, nodePath, action);
    return real;
  }

  /**
   * Walks `root` as `talosctl ls` asks: the root itself, then its entries; `recurse` with
   * `recursionDepth` (0: no limit) for deeper levels; `types` filters (empty: all). A missing root
   * fails the call (Talos stats it first); entries that cannot be read carry their error.
   */
  async *list(req: machine.ListRequest.$Properties): AsyncIterable<machine.FileInfo.$Properties> {
    const nodeRoot = req.root || '/';
    // Like Talos's walk, the root itself is not followed when it is a link (it is listed as one),
    // but it must exist and lead nowhere outside the node, and the folders above it are resolved.
    await this.realPath(nodeRoot, 'listing');
    const hostRoot = await this.hostPathOf(nodeRoot);
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

    const rootInfo = await this.stat(hostRoot, nodeRoot, '.');
    if (wanted(rootInfo)) yield rootInfo;
    if (!rootInfo.isDir) return;

    // Below the root, entries come from lstat: a link is listed, never walked into.
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
          error: NodeFileError.from(err, nodeDir, 'listing').message,
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

  /** Host path of a node path: "/var/log/x" -> "<root>/var/log/x" (".." cannot climb above the root). */
  private resolve(nodePath: string): string {
    const normalized = path.posix.normalize('/' + (nodePath || '/'));
    return path.join(this.root, normalized);
  }

  /** The host path of a node path with the folders above it resolved, the last name kept as is. */
  private async hostPathOf(nodePath: string): Promise<string> {
    const normalized = path.posix.normalize('/' + nodePath);
    if (normalized === '/') return this.rootReal();
    const parent = await this.realPath(path.posix.dirname(normalized), 'listing');
    return path.join(parent, path.posix.basename(normalized));
  }

  private rootReal(): Promise<string> {
    this.realRoot ??= realpath(this.root).catch(() => path.resolve(this.root));
    return this.realRoot;
  }

  private async assertInside(real: string, nodePath: string, action: FileAction): Promise<void> {
    const root = await this.rootReal();
    const rel = path.relative(root, real);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return;
    throw new NodeFileError('EACCES', nodePath, action, 'permission denied: the path leads outside the node');
  }

  /** An entry of a listing: its error, when it has one, travels in the entry. */
  private async info(
    hostPath: string,
    name: string,
    relativeName: string,
  ): Promise<machine.FileInfo.$Properties> {
    try {
      return await this.stat(hostPath, name, relativeName);
    } catch (err) {
      return { name, relativeName, error: (err as Error).message };
    }
  }

  private async stat(
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
      throw NodeFileError.from(err, name, 'listing');
    }
  }
}
