import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTalosctl } from '../program';

describe('talosctl validate', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talosctl-validate-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runTalosctl(['node', 'talosctl', ...args], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { HOME: dir },
      signal: new AbortController().signal,
    });
    return { code, stdout, stderr };
  }

  it('accepts every file gen config writes, in every mode', async () => {
    expect((await run(['gen', 'config', 'demo', 'https://10.5.0.2:6443', '-o', dir])).code).toBe(0);
    for (const file of ['init.yaml', 'controlplane.yaml', 'join.yaml']) {
      for (const mode of ['metal', 'container', 'cloud']) {
        const config = path.join(dir, file);
        const r = await run(['validate', '--config', config, '--mode', mode]);
        expect(r).toEqual({ code: 0, stdout: `${config} is valid for ${mode} mode\n`, stderr: '' });
      }
    }
  });

  it('prints every problem, one per line, and exits 1', async () => {
    const text = fs
      .readFileSync(path.join(dir, 'join.yaml'), 'utf8')
      .replace(
        'machine:\n',
        'machine:\n  network:\n    interfaces:\n      - interface: eth0\n        cidr: 10.5.0.300/24\n  colour: blue\n',
      )
      .replace(/ {2}install:\n( {4}.*\n)+/, '');
    const file = path.join(dir, 'broken.yaml');
    fs.writeFileSync(file, text);
    const r = await run(['validate', '--config', file, '--mode', 'metal']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'machine.colour: unknown field',
        'machine.network.interfaces[0].cidr: "10.5.0.300/24" is not a valid CIDR',
        'machine.install: is required in metal mode',
        '',
      ].join('\n'),
    );
  });

  it('refuses an unknown mode and a missing file', async () => {
    const config = path.join(dir, 'join.yaml');
    const badMode = await run(['validate', '--config', config, '--mode', 'vm']);
    expect(badMode.code).toBe(1);
    expect(badMode.stderr).toContain("argument 'vm' is invalid. Allowed choices are metal, container, cloud");
    const missing = await run(['validate', '--config', path.join(dir, 'nope.yaml'), '--mode', 'cloud']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error reading config: ENOENT/);
  });
});
