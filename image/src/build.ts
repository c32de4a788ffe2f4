// `image build`: pinned packages + our bundles → rootfs.sqsh, the initramfs around it, vmlinuz, and a
// signed manifest. Downloads and unpacked packages are cached; an unchanged rootfs is not re-squashed.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DAEMONS,
  IMAGE_CACHE_DIR,
  IMAGE_INITRAMFS_FILE,
  IMAGE_KERNEL_FILE,
  IMAGE_ROOTFS_FILE,
  INITRAMFS_MODULES,
  INITRAMFS_NEW_ROOT,
  INITRAMFS_ROOTFS_IMAGE,
  MACHINED_INIT_ARGV,
  VERSION,
} from '@talos/constants';
import { run } from './command';
import { InitConfig } from './init-config';
import { buildInit, InitramfsFile, makeInitramfs } from './initramfs';
import { ModuleIndex } from './kernel-modules';
import { digestFile, ImageManifest, writeSignedManifest } from './manifest';
import { PackageCache, PinnedPackage, readPackagePins, UnpackedPackage } from './packages';
import { writeCodeCaches } from './code-cache';
import { assembleRootfs } from './rootfs';
import { INIT_PREFETCH } from './rootfs-layout';
import { SigningKey } from './signing-key';
import { makeSquashfs, squashfsOptions } from './squashfs';

export interface BuildOptions {
  workspace: string;
  outDir: string;
  signingKey: SigningKey;
  /** Bundle the daemons first (node scripts/bundle.mjs apps/<daemon>); off to reuse dist/apps as is. */
  bundle: boolean;
  log: (msg: string) => void;
}

/** The loader's bundle in the workspace (copied to IMAGE_LOADER in the rootfs). */
const LOADER_BUNDLE = path.join('dist', 'image', 'loader', 'main.js');

interface KernelPin {
  imagePackage: string;
  version: string;
  release: string;
}

/** Every file the image's artifacts are stamped with, and the manifest's creation time: the commit's. */
async function commitTime(workspace: string): Promise<{ iso: string; epoch: number }> {
  const res = await run('git', ['log', '-1', '--format=%ct'], { cwd: workspace, check: false });
  const epoch = res.code === 0 && /^\d+$/.test(res.stdout.trim()) ? Number(res.stdout.trim()) : 0;
  return { iso: new Date(epoch * 1000).toISOString(), epoch };
}

async function bundleDaemons(workspace: string, log: (msg: string) => void): Promise<void> {
  const queue = [...DAEMONS];
  log(`bundling ${queue.join(', ')}`);
  // Two at a time: the machine's cores are shared.
  const worker = async (): Promise<void> => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      await run(process.execPath, ['scripts/bundle.mjs', `apps/${d}`], { cwd: workspace });
    }
  };
  await Promise.all([worker(), worker()]);
}

async function unpackKernel(cache: PackageCache, pin: KernelPin): Promise<UnpackedPackage> {
  const kernel = await cache.unpack({ name: pin.imagePackage, version: pin.version, source: 'apt' });
  const moduleDir = path.join(kernel.root, 'lib', 'modules', pin.release);
  // The package leaves modules.dep to its postinst (depmod); run it on the unpacked tree.
  if (!fs.existsSync(path.join(moduleDir, 'modules.dep'))) {
    await run('depmod', ['-b', kernel.root, pin.release]);
  }
  return kernel;
}

/** sha256 over a tree's paths, modes, link targets and contents. */
function treeFingerprint(root: string): string {
  const hash = crypto.createHash('sha256');
  const visit = (rel: string): void => {
    const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(rel, e.name);
      const full = path.join(root, p);
      const st = fs.lstatSync(full);
      hash.update(`${p}\0${st.mode}\0`);
      if (e.isSymbolicLink()) hash.update(fs.readlinkSync(full));
      else if (e.isFile()) hash.update(fs.readFileSync(full));
      else if (e.isDirectory()) visit(p);
      hash.update('\0');
    }
  };
  visit('.');
  return hash.digest('hex');
}

export interface BuildResult {
  manifest: ImageManifest;
  timings: Record<string, number>;
}

export async function buildImage(opts: BuildOptions): Promise<BuildResult> {
  const { workspace, outDir, log } = opts;
  const timings: Record<string, number> = {};
  let t = Date.now();
  const step = (name: string): void => {
    const now = Date.now();
    timings[name] = now - t;
    log(`${name}: ${((now - t) / 1000).toFixed(1)} s`);
    t = now;
  };
  const cacheDir = path.join(workspace, IMAGE_CACHE_DIR);
  const work = path.join(cacheDir, 'build');
  fs.mkdirSync(outDir, { recursive: true });
  const created = await commitTime(workspace);

  if (opts.bundle) await bundleDaemons(workspace, log);
  const loader = path.join(workspace, LOADER_BUNDLE);
  await run(process.execPath, ['scripts/bundle.mjs', 'image', 'src/loader.ts', LOADER_BUNDLE], {
    cwd: workspace,
  });
  step('bundles');

  const cache = new PackageCache(cacheDir, log);
  const pins = readPackagePins(path.join(workspace, 'image', 'packages.json'));
  const packages = new Map<string, UnpackedPackage>();
  for (const pin of pins.packages as PinnedPackage[]) packages.set(pin.name, await cache.unpack(pin));
  const kernelPin = JSON.parse(
    fs.readFileSync(path.join(workspace, 'kernel', 'debian-kernel.json'), 'utf8'),
  ) as KernelPin;
  const kernel = await unpackKernel(cache, kernelPin);
  step('packages');

  const tree = path.join(work, 'rootfs');
  assembleRootfs(tree, {
    packages,
    kernel,
    kernelRelease: kernelPin.release,
    bundleDir: path.join(workspace, 'dist', 'apps'),
    protoDir: path.join(workspace, 'dist', 'proto'),
    nodeModules: path.join(workspace, 'node_modules'),
    loader,
  });
  step('rootfs tree');

  const rootfs = path.join(outDir, IMAGE_ROOTFS_FILE);
  const stamp = path.join(work, 'rootfs.fingerprint');
  const fingerprint = `${treeFingerprint(tree)} ${squashfsOptions(created.epoch).join(' ')}`;
  // Reuse the last rootfs.sqsh only if the tree is unchanged and the file is still the one made from it.
  const previous = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
  const current = fs.existsSync(rootfs) ? `${fingerprint} ${(await digestFile(rootfs)).sha256}` : '';
  if (current && previous === current) {
    log(`${IMAGE_ROOTFS_FILE} is up to date`);
  } else {
    // Written only now: the caches differ from run to run (V8 does not write them reproducibly),
    // and the fingerprint above covers what they are made from (the node binary, the bundles).
    const caches = await writeCodeCaches(tree);
    const total = [...caches.values()].reduce((a, b) => a + b, 0);
    log(`code caches: ${(total / 1024 / 1024).toFixed(1)} MiB for ${caches.size} bundles`);
    await makeSquashfs(tree, rootfs, created.epoch);
    fs.writeFileSync(stamp, `${fingerprint} ${(await digestFile(rootfs)).sha256}`);
  }
  step('rootfs.sqsh');

  const moduleDir = path.join(kernel.root, 'lib', 'modules', kernelPin.release);
  const index = new ModuleIndex(
    fs.readFileSync(path.join(moduleDir, 'modules.dep'), 'utf8'),
    fs.readFileSync(path.join(moduleDir, 'modules.builtin'), 'utf8'),
  );
  const moduleFiles = index.loadOrder(INITRAMFS_MODULES);
  const inInitramfs = (file: string) => path.posix.join('/lib/modules', kernelPin.release, file);
  const initCfg: InitConfig = {
    kernelRelease: kernelPin.release,
    modules: moduleFiles.map(inInitramfs),
    rootfsImage: INITRAMFS_ROOTFS_IMAGE,
    newRoot: INITRAMFS_NEW_ROOT,
    moveMounts: ['/dev', '/proc', '/sys'],
    argv: MACHINED_INIT_ARGV,
    prefetch: INIT_PREFETCH,
  };
  const init = await buildInit(
    path.join(workspace, 'image', 'init', 'init.c'),
    initCfg,
    path.join(work, 'init'),
  );
  step('init');

  const files: InitramfsFile[] = [
    { path: '/init', from: init, mode: 0o755 },
    { path: INITRAMFS_ROOTFS_IMAGE, from: rootfs, mode: 0o644 },
    ...moduleFiles.map((f) => ({ path: inInitramfs(f), from: path.join(moduleDir, f), mode: 0o644 })),
  ];
  await makeInitramfs(
    files,
    ['/proc', '/sys', INITRAMFS_NEW_ROOT],
    path.join(work, 'initramfs'),
    path.join(outDir, IMAGE_INITRAMFS_FILE),
    created.epoch,
  );
  step('initramfs');

  fs.copyFileSync(
    path.join(kernel.root, 'boot', `vmlinuz-${kernelPin.release}`),
    path.join(outDir, IMAGE_KERNEL_FILE),
  );
  log(`signing with ${opts.signingKey.source}`);
  const manifest = await writeSignedManifest(
    outDir,
    [IMAGE_KERNEL_FILE, IMAGE_INITRAMFS_FILE, IMAGE_ROOTFS_FILE],
    { version: VERSION, kernelRelease: kernelPin.release, created: created.iso },
    opts.signingKey.key,
  );
  step('manifest');
  return { manifest, timings };
}
