import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PackageCache, packageFile, readPackagePins } from './packages';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-packages-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('package pins', () => {
  it('reads image/packages.json: every package with an exact version', () => {
    const pins = readPackagePins(path.resolve(__dirname, '..', 'packages.json'));
    const names = pins.packages.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['nodejs', 'containerd', 'runc', 'etcd-server', 'libc6']));
    for (const p of pins.packages) expect(p.version).toMatch(/^\d[\w.+~:-]*$/);
  });

  it('refuses a malformed entry', () => {
    const file = path.join(dir, 'p.json');
    fs.writeFileSync(file, JSON.stringify({ packages: [{ name: 'x', version: '1', source: 'ftp' }] }));
    expect(() => readPackagePins(file)).toThrow(`error reading ${file}: bad entry`);
  });

  it('fails clearly on a version no apt source serves', async () => {
    const cache = new PackageCache(dir);
    await expect(
      cache.fetch({ name: 'libc6', version: '0.0-does-not-exist', source: 'apt' }),
    ).rejects.toThrow(
      'error downloading libc6=0.0-does-not-exist: this version is not available from the apt sources',
    );
  });

  it('takes an installed package only at the pinned version, and only files it owns', async () => {
    const cache = new PackageCache(dir);
    await expect(cache.unpack({ name: 'libc6', version: '0.0-other', source: 'installed' })).rejects.toThrow(
      /^error taking libc6=0\.0-other from this machine: version \S+ is installed instead$/,
    );
    await expect(
      cache.unpack({ name: 'no-such-package-here', version: '1', source: 'installed' }),
    ).rejects.toThrow('it is not installed');
  });

  it('names the package when a file is missing from it', () => {
    const pkg = { pin: { name: 'p', version: '1', source: 'apt' as const }, root: dir };
    expect(() => packageFile(pkg, '/usr/bin/nothing')).toThrow('package p=1 does not hold /usr/bin/nothing');
  });
});
