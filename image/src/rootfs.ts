// Assembles the rootfs tree (then squashed by squashfs.ts): the pinned executables and exactly the
// shared libraries they need, our bundles, koffi, the kernel modules machined loads, CA bundle,
// os-release, mount points and placeholder files. Modes are set here: 0755 only for the executables
// and the loader, 0644 for every other file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DAEMONS,
  daemonBundle,
  IMAGE_BUNDLE_DIR,
  IMAGE_LOADER,
  IMAGE_CA_BUNDLE,
  IMAGE_DYNAMIC_LOADER,
  IMAGE_LIB_DIR,
  IMAGE_MOUNT_POINTS,
  IMAGE_PLACEHOLDER_FILES,
  IMAGE_ROOTFS_MODULES,
  VERSION,
} from '@talos/constants';
import { readElfDynamicFile } from './elf';
import { filterAliases, ModuleIndex } from './kernel-modules';
import { packageFile, UnpackedPackage } from './packages';
import {
  IMAGE_KOFFI_DIR,
  KOFFI_FILES,
  KOFFI_NATIVE,
  KOFFI_NATIVE_SOURCE,
  LIBRARY_DIRS,
  LIBRARY_PACKAGES,
  LOADER_DIR,
  ROOTFS_EXECUTABLES,
} from './rootfs-layout';

export interface RootfsInputs {
  /** Unpacked pinned packages by name (image/packages.json). */
  packages: ReadonlyMap<string, UnpackedPackage>;
  /** The unpacked kernel package and its release. */
  kernel: UnpackedPackage;
  kernelRelease: string;
  /** dist/apps of the workspace (one bundle per daemon) and dist/proto. */
  bundleDir: string;
  protoDir: string;
  /** The bundled loader (image/src/loader.ts), which starts every bundle with its code cache. */
  loader: string;
  /** The workspace's node_modules (koffi and its native build). */
  nodeModules: string;
}

function dest(staging: string, file: string): string {
  return path.join(staging, file);
}

function put(staging: string, file: string, content: Buffer | string, mode = 0o644): void {
  const to = dest(staging, file);
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
  fs.writeFileSync(to, content);
  fs.chmodSync(to, mode);
}

function copy(staging: string, from: string, file: string, mode = 0o644): void {
  put(staging, file, fs.readFileSync(from), mode);
}

function pkg(inputs: RootfsInputs, name: string): UnpackedPackage {
  const p = inputs.packages.get(name);
  if (!p) throw new Error(`package ${name} is not pinned in image/packages.json`);
  return p;
}

/** Copies the executables and, transitively, every shared library they name. */
function copyBinaries(staging: string, inputs: RootfsInputs, koffiNative: string): void {
  const wanted: string[] = [];
  for (const exe of ROOTFS_EXECUTABLES) {
    const from = packageFile(pkg(inputs, exe.package), exe.path);
    const elf = readElfDynamicFile(from);
    if (elf.interpreter && elf.interpreter !== IMAGE_DYNAMIC_LOADER) {
      throw new Error(`${exe.path} wants loader ${elf.interpreter}, the image has ${IMAGE_DYNAMIC_LOADER}`);
    }
    copy(staging, from, exe.path, 0o755);
    wanted.push(...elf.needed);
  }
  wanted.push(...readElfDynamicFile(koffiNative).needed);

  const loaderName = path.basename(IMAGE_DYNAMIC_LOADER);
  const done = new Set<string>();
  while (wanted.length) {
    const soname = wanted.shift()!;
    if (done.has(soname)) continue;
    done.add(soname);
    const found = findLibrary(inputs, soname);
    const isLoader = soname === loaderName;
    const target = path.join(isLoader ? LOADER_DIR : found.dir, soname);
    copy(staging, found.file, target, isLoader ? 0o755 : 0o644);
    wanted.push(...readElfDynamicFile(found.file).needed);
  }
  fs.mkdirSync(path.dirname(dest(staging, IMAGE_DYNAMIC_LOADER)), { recursive: true });
  fs.symlinkSync(path.join(LOADER_DIR, loaderName), dest(staging, IMAGE_DYNAMIC_LOADER));
}

function findLibrary(inputs: RootfsInputs, soname: string): { file: string; dir: string } {
  for (const name of LIBRARY_PACKAGES) {
    const p = pkg(inputs, name);
    for (const dir of LIBRARY_DIRS) {
      const file = path.join(p.root, dir, soname);
      if (fs.existsSync(file)) return { file: fs.realpathSync(file), dir };
    }
  }
  throw new Error(
    `shared library ${soname} is in none of the pinned packages ${LIBRARY_PACKAGES.join(', ')}`,
  );
}

function copyBundles(staging: string, inputs: RootfsInputs): void {
  for (const daemon of DAEMONS) {
    const from = daemonBundle(daemon, inputs.bundleDir);
    if (!fs.existsSync(from))
      throw new Error(`bundle ${from} is missing: run node scripts/bundle.mjs apps/${daemon}`);
    put(staging, daemonBundle(daemon, IMAGE_BUNDLE_DIR), withoutSourceMap(from));
  }
  if (!fs.existsSync(inputs.loader))
    throw new Error(`the loader ${inputs.loader} is missing: run npx nx run image:build`);
  put(staging, IMAGE_LOADER, withoutSourceMap(inputs.loader));
  copyTree(inputs.protoDir, staging, path.join(IMAGE_LIB_DIR, 'proto'));
}

/** A bundle's text without its pointer to a source map: the image carries none. */
function withoutSourceMap(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

function copyTree(from: string, staging: string, to: string): void {
  if (!fs.existsSync(from)) throw new Error(`${from} is missing`);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) copyTree(src, staging, path.join(to, entry.name));
    else if (entry.isFile()) copy(staging, src, path.join(to, entry.name));
  }
}

function copyKoffi(staging: string, inputs: RootfsInputs, koffiNative: string): void {
  const dir = IMAGE_KOFFI_DIR;
  for (const file of KOFFI_FILES)
    copy(staging, path.join(inputs.nodeModules, 'koffi', file), path.join(dir, file));
  copy(staging, koffiNative, path.join(dir, KOFFI_NATIVE));
}

/** The modules machined loads after boot, their dependencies, and modules.dep/alias/builtin for them. */
function copyModules(staging: string, inputs: RootfsInputs): string[] {
  const src = path.join(inputs.kernel.root, 'lib', 'modules', inputs.kernelRelease);
  const to = path.join('/lib/modules', inputs.kernelRelease);
  const index = new ModuleIndex(
    fs.readFileSync(path.join(src, 'modules.dep'), 'utf8'),
    fs.readFileSync(path.join(src, 'modules.builtin'), 'utf8'),
  );
  const files = index.loadOrder(IMAGE_ROOTFS_MODULES);
  for (const file of files) copy(staging, path.join(src, file), path.join(to, file));
  put(staging, path.join(to, 'modules.dep'), index.depLines(files));
  put(
    staging,
    path.join(to, 'modules.alias'),
    filterAliases(fs.readFileSync(path.join(src, 'modules.alias'), 'utf8'), files),
  );
  copy(staging, path.join(src, 'modules.builtin'), path.join(to, 'modules.builtin'));
  return files;
}

/** Debian's CA certificates, concatenated in name order (what update-ca-certificates would write). */
function caBundle(inputs: RootfsInputs): string {
  const dir = path.join(pkg(inputs, 'ca-certificates').root, 'usr/share/ca-certificates/mozilla');
  const certs = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.crt'))
    .sort();
  if (!certs.length) throw new Error(`no certificates in ${dir}`);
  return certs.map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trimEnd() + '\n').join('');
}

export function osRelease(version: string = VERSION): string {
  return [
    'NAME="Talos"',
    'ID=talos',
    `VERSION_ID=${version}`,
    `PRETTY_NAME="Talos (v${version})"`,
    'HOME_URL="https://www.talos.dev/"',
    '',
  ].join('\n');
}

export interface RootfsSummary {
  modules: string[];
}

/** Builds the rootfs tree in `staging` (emptied first). */
export function assembleRootfs(staging: string, inputs: RootfsInputs): RootfsSummary {
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true, mode: 0o755 });
  const koffiNative = path.join(inputs.nodeModules, KOFFI_NATIVE_SOURCE);
  copyBinaries(staging, inputs, koffiNative);
  copyBundles(staging, inputs);
  copyKoffi(staging, inputs, koffiNative);
  const modules = copyModules(staging, inputs);
  put(staging, IMAGE_CA_BUNDLE, caBundle(inputs));
  put(staging, '/etc/os-release', osRelease());
  for (const dir of IMAGE_MOUNT_POINTS) fs.mkdirSync(dest(staging, dir), { recursive: true, mode: 0o755 });
  for (const file of IMAGE_PLACEHOLDER_FILES) put(staging, file, '');
  normaliseDirs(staging);
  return { modules };
}

/** Every directory 0755, whatever the umask or the package said. */
function normaliseDirs(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) normaliseDirs(path.join(dir, entry.name));
  }
}
