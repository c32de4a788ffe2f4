// The pinned Debian packages the rootfs is made from: fetched once into a cache (apt-get download),
// unpacked once (dpkg-deb -x), and reused by every later build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './command';

export interface PinnedPackage {
  name: string;
  version: string;
  /** `apt`: downloaded by version; `installed`: this machine's dpkg database must hold this version. */
  source: 'apt' | 'installed';
}

export interface PackagePins {
  packages: PinnedPackage[];
}

export function readPackagePins(file: string): PackagePins {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`error reading ${file}: ${(err as Error).message}`);
  }
  const packages = (parsed as { packages?: unknown }).packages;
  if (!Array.isArray(packages)) throw new Error(`error reading ${file}: no "packages" list`);
  for (const p of packages as PinnedPackage[]) {
    if (
      typeof p.name !== 'string' ||
      typeof p.version !== 'string' ||
      !['apt', 'installed'].includes(p.source)
    ) {
      throw new Error(`error reading ${file}: bad entry ${JSON.stringify(p)}`);
    }
  }
  return { packages: packages as PinnedPackage[] };
}

/** One package made available as a directory tree holding its files. */
export interface UnpackedPackage {
  pin: PinnedPackage;
  root: string;
  /** Files the package owns (absolute, as in the package); undefined when every file under root is its own. */
  owns?: ReadonlySet<string>;
}

export class PackageCache {
  constructor(
    readonly cacheDir: string,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  get debDir(): string {
    return path.join(this.cacheDir, 'debs');
  }

  /** The cached .deb of a pin (any architecture: amd64 or all), if downloaded. */
  cachedDeb(pin: PinnedPackage): string | undefined {
    // apt-get download names files name_version_arch.deb, with ':' in versions escaped as %3a.
    const prefix = `${pin.name}_${pin.version.replace(/:/g, '%3a')}_`;
    if (!fs.existsSync(this.debDir)) return undefined;
    const found = fs.readdirSync(this.debDir).find((f) => f.startsWith(prefix) && f.endsWith('.deb'));
    return found && path.join(this.debDir, found);
  }

  /** Downloads the .deb unless the cache has it. A version no apt source serves fails the build. */
  async fetch(pin: PinnedPackage): Promise<string> {
    const cached = this.cachedDeb(pin);
    if (cached) return cached;
    fs.mkdirSync(this.debDir, { recursive: true });
    this.log(`downloading ${pin.name}=${pin.version}`);
    const res = await run('apt-get', ['download', '-q', `${pin.name}=${pin.version}`], {
      cwd: this.debDir,
      check: false,
    });
    const file = this.cachedDeb(pin);
    if (res.code !== 0 || !file) {
      throw new Error(
        `error downloading ${pin.name}=${pin.version}: this version is not available from the apt sources ` +
          `(run apt-get update, or pin the version apt-cache policy ${pin.name} offers): ${res.stderr.trim()}`,
      );
    }
    return file;
  }

  /** The package's files as a tree: an unpacked .deb, or this machine's root for an installed package. */
  async unpack(pin: PinnedPackage): Promise<UnpackedPackage> {
    if (pin.source === 'installed') return installedPackage(pin);
    const deb = await this.fetch(pin);
    const root = path.join(this.cacheDir, 'unpacked', `${pin.name}_${pin.version}`);
    if (!fs.existsSync(path.join(root, '.complete'))) {
      fs.rmSync(root, { recursive: true, force: true });
      fs.mkdirSync(root, { recursive: true });
      await run('dpkg-deb', ['-x', deb, root]);
      fs.writeFileSync(path.join(root, '.complete'), '');
    }
    return { pin, root };
  }
}

async function installedPackage(pin: PinnedPackage): Promise<UnpackedPackage> {
  const res = await run('dpkg-query', ['-W', '-f=${Status}\t${Version}', pin.name], { check: false });
  const [status, version] = res.stdout.split('\t');
  if (res.code !== 0 || !status?.endsWith(' installed')) {
    throw new Error(`error taking ${pin.name}=${pin.version} from this machine: it is not installed`);
  }
  if (version !== pin.version) {
    throw new Error(
      `error taking ${pin.name}=${pin.version} from this machine: version ${version} is installed instead`,
    );
  }
  const list = fs.readFileSync(`/var/lib/dpkg/info/${pin.name}.list`, 'utf8');
  return { pin, root: '/', owns: new Set(list.split('\n').filter(Boolean)) };
}

/** Path of one file of a package in its tree; fails when the package does not hold it. */
export function packageFile(pkg: UnpackedPackage, file: string): string {
  if (pkg.owns && !pkg.owns.has(file)) {
    throw new Error(`package ${pkg.pin.name} does not hold ${file}`);
  }
  const full = path.join(pkg.root, file);
  if (!fs.existsSync(full))
    throw new Error(`package ${pkg.pin.name}=${pkg.pin.version} does not hold ${file}`);
  return full;
}
