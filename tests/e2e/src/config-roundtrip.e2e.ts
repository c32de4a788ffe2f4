// The configuration round trip as an operator does it: `talosctl gen config` writes the files,
// `validate` accepts each of them, a process cluster boots from exactly those files
// (`cluster create --input-dir`), and the generated talosconfig reaches its nodes over mTLS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GENERATED_CONFIG_FILES } from '@talos/constants';
import { Talosctl, tableRows } from './harness';

const CIDR = '127.0.16.0/24';
const CONTROL_PLANE = '127.0.16.2';
const WORKER = '127.0.16.3';
const NAME = 'e2e-roundtrip';

describe('gen config → validate → a cluster boots from the files', () => {
  const talosctl = new Talosctl();
  const dir = path.join(talosctl.home, 'generated');

  afterAll(async () => {
    await talosctl.run(['cluster', 'destroy', '--name', NAME], 60_000);
    talosctl.cleanup();
  }, 60_000);

  it('generates the files, 0600 where they hold keys', async () => {
    const r = await talosctl.run([
      'gen',
      'config',
      NAME,
      `https://${CONTROL_PLANE}:6443`,
      '--output-dir',
      dir,
    ]);
    expect(r).toMatchObject({ code: 0 });
    for (const file of Object.values(GENERATED_CONFIG_FILES)) {
      expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    }
  });

  it('validates each config for the container mode the process nodes run in', async () => {
    for (const type of ['init', 'controlplane', 'join'] as const) {
      const file = path.join(dir, GENERATED_CONFIG_FILES[type]);
      const r = await talosctl.run(['validate', '--config', file, '--mode', 'container']);
      expect({ type, ...r }).toMatchObject({ type, code: 0, stderr: '' });
    }
  });

  it('boots a control plane and a worker from those files, reachable with the generated talosconfig', async () => {
    const created = await talosctl.run(
      [
        'cluster',
        'create',
        '--name',
        NAME,
        '--cidr',
        CIDR,
        '--controlplanes',
        '1',
        '--workers',
        '1',
        '--input-dir',
        dir,
      ],
      180_000,
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain(`using the configs in ${dir}`);
    // The node stores the file as given: comments and all.
    const stored = await talosctl.run([
      '-e',
      CONTROL_PLANE,
      '-n',
      CONTROL_PLANE,
      'get',
      'machineconfig',
      '-o',
      'yaml',
    ]);
    const initText = fs.readFileSync(path.join(dir, GENERATED_CONFIG_FILES.init), 'utf8');
    expect(stored.stdout).toContain(
      initText
        .split('\n')
        .find((l) => l.includes('token:'))!
        .trim(),
    );

    const types = await talosctl.run([
      '-e',
      CONTROL_PLANE,
      '-n',
      `${CONTROL_PLANE},${WORKER}`,
      'get',
      'machinetype',
      '-o',
      'yaml',
    ]);
    expect(types).toMatchObject({ code: 0, stderr: '' });
    const specs = Object.fromEntries(
      types.stdout
        .split(/^---$/m)
        .map((doc) => [/^node: (\S+)/m.exec(doc)?.[1], /^spec:\s+(\S+)/m.exec(doc)?.[1]]),
    );
    expect(specs).toEqual({ [CONTROL_PLANE]: 'init', [WORKER]: 'join' });
    const services = tableRows((await talosctl.run(['-e', CONTROL_PLANE, '-n', WORKER, 'services'])).stdout);
    expect(services.slice(1).map((r) => r[1])).toEqual(
      expect.arrayContaining(['apid', 'routerd', 'machined']),
    );
  }, 240_000);
});
