// The node image as built by `nx run image:build` (scripts/test.sh builds it; this suite builds it
// itself when _out/image is missing): the signed manifest verifies and fails loudly on any change,
// rootfs.sqsh holds exactly the executables it is meant to, no shell, within the size target, and
// every executable runs from it (its loader and libraries are all there).
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  IMAGE_DYNAMIC_LOADER,
  IMAGE_INITRAMFS_FILE,
  IMAGE_KERNEL_FILE,
  IMAGE_MANIFEST_FILE,
  IMAGE_PUBLIC_KEY_FILE,
  IMAGE_ROOTFS_FILE,
  IMAGE_ROOTFS_MAX_BYTES,
  IMAGE_SIGNATURE_FILE,
} from '@talos/constants';
import { INIT_PREFETCH, ROOTFS_EXECUTABLES, LOADER_DIR } from '../../../image/src/rootfs-layout';
import { executables, listSquashfs, type SquashfsEntry } from '../../../image/src/squashfs';
import { REPO } from './harness';

const IMAGE = path.join(REPO, '_out', 'image');
const CLI = path.join(REPO, 'dist', 'image', 'cli', 'main.js');
const ARTIFACTS = [IMAGE_KERNEL_FILE, IMAGE_INITRAMFS_FILE, IMAGE_ROOTFS_FILE];

jest.setTimeout(15 * 60_000);

async function imageCli(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: REPO });
    return { code: 0, stderr };
  } catch (err) {
    const e = err as { code?: number; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stderr: e.stderr ?? String(err) };
  }
}

function flipByte(file: string, at: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ 0x80;
    fs.writeSync(fd, b, 0, 1, at);
  } finally {
    fs.closeSync(fd);
  }
}

let entries: SquashfsEntry[];

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/bundle.mjs', 'image', 'src/main.ts', 'dist/image/cli/main.js'], {
    cwd: REPO,
  });
  if (!fs.existsSync(path.join(IMAGE, IMAGE_MANIFEST_FILE))) {
    execFileSync(process.execPath, [CLI, 'build'], { cwd: REPO, stdio: 'inherit' });
  }
  entries = await listSquashfs(path.join(IMAGE, IMAGE_ROOTFS_FILE));
});

describe('image verify', () => {
  let copy: string;
  beforeAll(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'talos-image-'));
    for (const f of [...ARTIFACTS, IMAGE_MANIFEST_FILE, IMAGE_SIGNATURE_FILE, IMAGE_PUBLIC_KEY_FILE]) {
      fs.copyFileSync(path.join(IMAGE, f), path.join(copy, f));
    }
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('passes on the built image', async () => {
    const res = await imageCli(['verify', IMAGE]);
    expect(res).toEqual({ code: 0, stderr: expect.stringContaining('signature and 3 artifacts verified') });
  });

  it.each(ARTIFACTS)('fails naming %s when one of its bytes changes', async (name) => {
    const file = path.join(copy, name);
    const at = Math.floor(fs.statSync(file).size / 2);
    flipByte(file, at);
    try {
      const res = await imageCli(['verify', copy]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(
        new RegExp(`^verify: ${name.replace('.', '\\.')}: sha256 mismatch \\(manifest `, 'm'),
      );
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      flipByte(file, at);
    }
    expect((await imageCli(['verify', copy])).code).toBe(0);
  });

  it('fails when the manifest changes: its signature no longer verifies', async () => {
    const file = path.join(copy, IMAGE_MANIFEST_FILE);
    flipByte(file, 10);
    try {
      const res = await imageCli(['verify', copy]);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(
        `verify: ${IMAGE_SIGNATURE_FILE}: signature does not verify with ${IMAGE_PUBLIC_KEY_FILE}`,
      );
    } finally {
      flipByte(file, 10);
    }
  });

  it('fails against a public key that did not sign it', async () => {
    const other = path.join(copy, 'other.pub');
    const { publicKey } = (await import('node:crypto')).generateKeyPairSync('ed25519');
    fs.writeFileSync(other, publicKey.export({ type: 'spki', format: 'pem' }));
    const res = await imageCli(['verify', copy, '--pubkey', other]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`signature does not verify with ${other}`);
  });
});

describe('rootfs.sqsh', () => {
  it('holds exactly the expected executables', () => {
    const expected = [
      ...ROOTFS_EXECUTABLES.map((e) => e.path),
      path.posix.join(LOADER_DIR, path.basename(IMAGE_DYNAMIC_LOADER)),
    ].sort();
    const found = executables(entries);
    const unexpected = found.filter((p) => !expected.includes(p));
    const missing = expected.filter((p) => !found.includes(p));
    expect({ unexpected, missing }).toEqual({ unexpected: [], missing: [] });
  });

  it('holds every file the initramfs reads ahead, as a regular file (a stale path would do nothing)', () => {
    const regular = entries.filter((e) => e.mode.startsWith('-')).map((e) => e.path);
    expect(INIT_PREFETCH.filter((p) => !regular.includes(p))).toEqual([]);
  });

  it('has no shell and no coreutils', () => {
    const names = entries.map((e) => e.path);
    for (const shell of ['/bin/sh', '/usr/bin/sh', '/bin/bash', '/bin/busybox', '/bin/ls', '/usr/bin/env']) {
      expect(names).not.toContain(shell);
    }
    expect(names.filter((p) => /\/(sh|bash|dash|ash|busybox)$/.test(p))).toEqual([]);
  });

  it(`is at most ${IMAGE_ROOTFS_MAX_BYTES / 1024 / 1024} MB`, () => {
    expect(fs.statSync(path.join(IMAGE, IMAGE_ROOTFS_FILE)).size).toBeLessThanOrEqual(IMAGE_ROOTFS_MAX_BYTES);
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('runs every executable from its own loader and libraries (chroot)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'talos-rootfs-'));
    try {
      execFileSync('unsquashfs', ['-q', '-n', '-f', '-d', root, path.join(IMAGE, IMAGE_ROOTFS_FILE)], {
        stdio: 'pipe',
      });
      const version = (args: string[]) => execFileSync('chroot', [root, ...args], { encoding: 'utf8' });
      expect(
        version([
          '/usr/bin/node',
          '-e',
          "require('/usr/lib/talos/node_modules/koffi'); console.log(process.version)",
        ]),
      ).toMatch(/^v20\./);
      expect(version(['/usr/bin/containerd', '--version'])).toContain('containerd');
      expect(version(['/usr/sbin/runc', '--version'])).toContain('runc version');
      expect(version(['/usr/bin/etcd', '--version'])).toContain('etcd Version');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
