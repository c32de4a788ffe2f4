// Squashes the rootfs tree: zstd, every file owned by root, every time stamp fixed, so the same tree
// always gives the same bytes (mksquashfs sorts directory entries itself).
import * as fs from 'node:fs';
import { run } from './command';

/** mksquashfs's options after the tree and output: part of the rebuild fingerprint. */
export function squashfsOptions(mtime: number): string[] {
  return [
    '-comp',
    'zstd',
    // 1 MiB blocks: node first starts about 0.1 s sooner under emulation than with the default
    // 128 KiB (reading its 94 MiB binary), the image is slightly smaller and squashing is faster.
    '-b',
    '1M',
    '-noappend',
    '-all-root',
    '-no-xattrs',
    '-no-progress',
    '-quiet',
    '-mkfs-time',
    String(mtime),
    '-all-time',
    String(mtime),
  ];
}

export async function makeSquashfs(tree: string, out: string, mtime: number): Promise<void> {
  fs.rmSync(out, { force: true });
  await run('mksquashfs', [tree, out, ...squashfsOptions(mtime)]);
}

export interface SquashfsEntry {
  /** Path in the image, beginning with '/'. */
  path: string;
  /** `ls -l` mode string, e.g. -rwxr-xr-x, drwxr-xr-x, lrwxrwxrwx. */
  mode: string;
  size: number;
}

/** Parses `unsquashfs -lls` output (paths prefixed with squashfs-root). */
export function parseUnsquashfsListing(listing: string): SquashfsEntry[] {
  const entries: SquashfsEntry[] = [];
  for (const line of listing.split('\n')) {
    const m =
      /^([-dlcbps][-rwxsStT]{9})\s+\S+\s+(\d+)(?:,\s*\d+)?\s+\S+\s+\S+\s+squashfs-root(\/.*?)?(?: -> .*)?$/.exec(
        line,
      );
    if (!m) continue;
    entries.push({ path: m[3] ?? '/', mode: m[1]!, size: Number(m[2]) });
  }
  return entries;
}

export async function listSquashfs(image: string): Promise<SquashfsEntry[]> {
  const res = await run('unsquashfs', ['-lls', image]);
  return parseUnsquashfsListing(res.stdout);
}

/** Regular files with any execute bit set. */
export function executables(entries: readonly SquashfsEntry[]): string[] {
  return entries
    .filter((e) => e.mode.startsWith('-') && /[xsStT]/.test(e.mode.slice(1).replace(/[rw-]/g, '')))
    .map((e) => e.path)
    .sort();
}
