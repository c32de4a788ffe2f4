// The initramfs: the static C init (built with musl-gcc against a generated init-config.h), the
// kernel modules it loads, and rootfs.sqsh, as a newc cpio with sorted entries and fixed times.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './command';
import { InitConfig, renderInitConfig } from './init-config';

/** Compiles init.c with the generated header into a static binary. */
export async function buildInit(initSource: string, cfg: InitConfig, workDir: string): Promise<string> {
  fs.mkdirSync(workDir, { recursive: true });
  fs.writeFileSync(path.join(workDir, 'init-config.h'), renderInitConfig(cfg));
  const out = path.join(workDir, 'init');
  await run('musl-gcc', [
    '-static',
    '-Os',
    '-s',
    '-Wall',
    '-Wextra',
    '-Werror',
    '-I',
    workDir,
    '-o',
    out,
    initSource,
  ]);
  return out;
}

export interface InitramfsFile {
  /** Path in the initramfs, beginning with '/'. */
  path: string;
  from: string;
  mode: number;
}

/**
 * Lays the files out in a tree and archives it with `cpio -o -H newc`: entries sorted, parents before
 * children, every time stamp `mtime`, owner root. /dev/console is added as a device node when this
 * process may create one (root); the init opens it on devtmpfs either way.
 */
export async function makeInitramfs(
  files: readonly InitramfsFile[],
  dirs: readonly string[],
  treeDir: string,
  out: string,
  mtime: number,
): Promise<void> {
  fs.rmSync(treeDir, { recursive: true, force: true });
  fs.mkdirSync(treeDir, { recursive: true, mode: 0o755 });
  for (const f of files) {
    const to = path.join(treeDir, f.path);
    fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
    fs.copyFileSync(f.from, to);
    fs.chmodSync(to, f.mode);
  }
  for (const d of dirs) fs.mkdirSync(path.join(treeDir, d), { recursive: true, mode: 0o755 });
  fs.mkdirSync(path.join(treeDir, 'dev'), { recursive: true, mode: 0o755 });
  await run('mknod', ['-m', '600', path.join(treeDir, 'dev', 'console'), 'c', '5', '1'], { check: false });

  const entries = walk(treeDir, '.').sort();
  const when = new Date(mtime * 1000);
  for (const e of entries) fs.lutimesSync(path.join(treeDir, e), when, when);
  fs.utimesSync(treeDir, when, when);
  const fd = fs.openSync(out, 'w');
  try {
    await run('cpio', ['-o', '-H', 'newc', '--reproducible', '--owner=0:0', '--quiet'], {
      cwd: treeDir,
      input: entries.join('\n') + '\n',
      stdoutFd: fd,
    });
  } finally {
    fs.closeSync(fd);
  }
}

function walk(root: string, rel: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const p = path.posix.join(rel, entry.name);
    out.push(p);
    if (entry.isDirectory()) out.push(...walk(root, p));
  }
  return out;
}
