// What rootfs.sqsh is meant to hold: this list of executables (and the dynamic loader they name)
// is the only place executables are allowed in; the image test compares the built rootfs to it.
import {
  CODE_CACHE_SUFFIX,
  IMAGE_BUNDLE_DIR,
  IMAGE_CONTAINERD,
  IMAGE_CONTAINERD_SHIM,
  IMAGE_ETCD,
  IMAGE_LIB_DIR,
  IMAGE_LOADER,
  IMAGE_NODE,
  IMAGE_RUNC,
  MKFS_XFS_PATH,
  daemonBundle,
} from '@talos/constants';

export interface RootfsExecutable {
  /** Path in the rootfs, the same as in the package. */
  path: string;
  /** The pinned package (image/packages.json) it comes from. */
  package: string;
}

export const ROOTFS_EXECUTABLES: readonly RootfsExecutable[] = [
  { path: IMAGE_NODE, package: 'nodejs' },
  { path: IMAGE_CONTAINERD, package: 'containerd' },
  { path: IMAGE_CONTAINERD_SHIM, package: 'containerd' },
  { path: IMAGE_RUNC, package: 'runc' },
  { path: IMAGE_ETCD, package: 'etcd-server' },
  // machined formats STATE and EPHEMERAL on a blank install disk at first boot.
  { path: MKFS_XFS_PATH, package: 'xfsprogs' },
];

/** Packages searched, in order, for the shared libraries the executables need. */
export const LIBRARY_PACKAGES: readonly string[] = [
  'libc6',
  'libstdc++6',
  'libgcc-s1',
  'libseccomp2',
  // mkfs.xfs's
  'libblkid1',
  'libuuid1',
  'libinih1',
  'liburcu8',
];
/** Directories of those packages that hold shared libraries (kept at the same path in the rootfs). */
export const LIBRARY_DIRS: readonly string[] = ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu'];
/** The multiarch directory the dynamic loader itself lives in; IMAGE_DYNAMIC_LOADER links to it. */
export const LOADER_DIR = '/lib/x86_64-linux-gnu';

/** The files of the koffi npm package the image needs: its loader and the glibc x64 native build. */
export const KOFFI_FILES: readonly string[] = [
  'package.json',
  'LICENSE.txt',
  'index.cjs',
  'src/koffi/index.cjs',
  'src/koffi/src/static.cjs',
];
/** Where the image keeps the koffi package (beside the bundles, which require it). */
export const IMAGE_KOFFI_DIR = `${IMAGE_LIB_DIR}/node_modules/koffi`;
/** Where koffi's loader looks for a native build it finds no platform package for. */
export const KOFFI_NATIVE = 'build/koffi/linux_x64/koffi.node';
/** The native build in the platform package npm installed beside koffi. */
export const KOFFI_NATIVE_SOURCE = '@koromix/koffi-linux-x64/linux_x64/koffi.node';

/**
 * What the initramfs's init has a child read from the rootfs while machined starts (init.c), in the
 * order the boot needs them: machined's bundle and code cache and koffi's native build (loaded by
 * the bundle's top level, a second into its start), the node binary (whose first start pages it in
 * from the squashfs), containerd (started next). Reading the shim, runc and apid's and routerd's
 * bundles too made no difference that could be measured.
 */
export const INIT_PREFETCH: readonly string[] = [
  IMAGE_LOADER,
  daemonBundle('machined', IMAGE_BUNDLE_DIR),
  daemonBundle('machined', IMAGE_BUNDLE_DIR) + CODE_CACHE_SUFFIX,
  `${IMAGE_KOFFI_DIR}/${KOFFI_NATIVE}`,
  IMAGE_NODE,
  IMAGE_CONTAINERD,
];
