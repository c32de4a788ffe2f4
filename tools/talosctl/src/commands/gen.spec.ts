import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '@talos/config';
import { loadClientConfig } from '@talos/client';
import { runTalosctl } from '../program';
import { GENERATED_FILES, parseBoolFlag, parseRegistryMirrors } from './gen';

async function talosctl(args: string[], home: string) {
  let stdout = '';
  let stderr = '';
  const code = await runTalosctl(['node', 'talosctl', ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { HOME: home, TALOSCONFIG: path.join(home, 'talosconfig') },
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

describe('talosctl gen config', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-config-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the four files 0600 with the Talos v0.9 flags applied, and valid for metal', async () => {
    const out = path.join(dir, 'flags');
    const r = await talosctl(
      [
        'gen',
        'config',
        'demo',
        'https://10.5.0.2:6443',
        '--output-dir',
        out,
        '--install-disk',
        '/dev/vda',
        '--dns-domain',
        'corp.internal',
        '--additional-sans',
        'demo.example.com,10.5.0.50',
        '--kubernetes-version',
        '1.21.0',
        '--registry-mirror',
        'docker.io=http://10.5.0.1:5000',
        '--registry-mirror',
        'ghcr.io=https://ghcr.mirror',
        '--persist=false',
      ],
      dir,
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe('generating PKI and tokens');
    for (const file of GENERATED_FILES) {
      expect(fs.statSync(path.join(out, file)).mode & 0o777).toBe(0o600);
      expect(r.stdout).toContain(`created ${path.join(out, file)}\n`);
    }
    const init = await loadConfig(path.join(out, 'init.yaml'), { mode: 'metal' });
    const join = await loadConfig(path.join(out, 'join.yaml'), { mode: 'metal' });
    await loadConfig(path.join(out, 'controlplane.yaml'), { mode: 'metal' });
    expect(init.persist).toBe(false);
    expect(init.machine.install?.disk).toBe('/dev/vda');
    expect(init.cluster.network?.dnsDomain).toBe('corp.internal');
    expect(init.cluster.apiServer).toEqual({
      image: 'k8s.gcr.io/kube-apiserver:v1.21.0',
      certSANs: ['demo.example.com', '10.5.0.50'],
    });
    expect(join.machine.registries?.mirrors).toEqual({
      'docker.io': { endpoints: ['http://10.5.0.1:5000'] },
      'ghcr.io': { endpoints: ['https://ghcr.mirror'] },
    });
    expect(init.cluster.etcd?.ca?.key).toBeDefined();
    expect(join.cluster.etcd).toBeUndefined();
    expect(join.cluster.ca?.key).toBeUndefined();
    expect(loadClientConfig(path.join(out, 'talosconfig')).context).toBe('demo');
  });

  it('defaults persist to true and overwrites only with --force', async () => {
    const out = path.join(dir, 'defaults');
    expect((await talosctl(['gen', 'config', 'demo', 'https://10.5.0.2:6443', '-o', out], dir)).code).toBe(0);
    const first = fs.readFileSync(path.join(out, 'init.yaml'), 'utf8');
    expect((await loadConfig(path.join(out, 'init.yaml'))).persist).toBe(true);
    const refused = await talosctl(['gen', 'config', 'demo', 'https://10.5.0.2:6443', '-o', out], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('file already exists, use --force to overwrite');
    const forced = await talosctl(
      ['gen', 'config', 'demo', 'https://10.5.0.2:6443', '-o', out, '--force'],
      dir,
    );
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'init.yaml'), 'utf8')).not.toBe(first);
  });

  it('refuses bad flag values before writing anything', async () => {
    const out = path.join(dir, 'bad');
    const r = await talosctl(
      [
        'gen',
        'config',
        'demo',
        'https://10.5.0.2:6443',
        '-o',
        out,
        '--install-disk',
        'sda',
        '--kubernetes-version',
        'latest',
      ],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('machine.install.disk: "sda" must be an absolute path');
    expect(r.stderr).toContain('kubernetes version: "latest" is not a version');
    const mirror = await talosctl(
      ['gen', 'config', 'demo', 'https://10.5.0.2:6443', '-o', out, '--registry-mirror', 'docker.io'],
      dir,
    );
    expect(mirror.stderr).toBe('invalid registry mirror "docker.io": expected HOST=URL\n');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('gen flag parsing', () => {
  it('collects registry mirrors per host, in order', () => {
    expect(
      parseRegistryMirrors(['docker.io=http://a:5000', 'k8s.gcr.io=http://b', 'docker.io=http://c']),
    ).toEqual({ 'docker.io': ['http://a:5000', 'http://c'], 'k8s.gcr.io': ['http://b'] });
    expect(() => parseRegistryMirrors(['=http://a'])).toThrow('expected HOST=URL');
  });

  it('reads Go-style booleans', () => {
    expect([true, 'true', 'false', '0', 'T'].map((v) => parseBoolFlag(v))).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
    expect(() => parseBoolFlag('maybe')).toThrow('invalid boolean value "maybe"');
  });
});
