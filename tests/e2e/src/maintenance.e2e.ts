// Maintenance mode the way an operator meets it: a node started without a configuration serves
// only ApplyConfiguration, Version and Disks (server-only TLS, self-signed), refuses the rest
// saying why, takes a config from `talosctl apply-config --insecure` (refusing an invalid one with
// its problems), then boots and answers over mutual TLS. And `cluster create --with-apply-config`
// does the same for a whole cluster.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { clients } from '@talos/api';
import { APID_PORT, BUNDLE_DIR_ENV, GENERATED_CONFIG_FILES, NodePaths } from '@talos/constants';
import { stopProcessGroup } from '@talos/provision';
import { REPO, Talosctl, eventually, tableRows } from './harness';

const NODE = '127.0.17.2';
const BUNDLES = path.join(REPO, 'dist', 'apps');

const insecure = grpc.credentials.createSsl(null, null, null, {
  rejectUnauthorized: false,
  checkServerIdentity: () => undefined,
});

describe('maintenance mode', () => {
  const talosctl = new Talosctl();
  const generated = path.join(talosctl.home, 'generated');
  const root = path.join(talosctl.home, 'node');
  let machined: ChildProcess | undefined;

  beforeAll(async () => {
    const gen = await talosctl.run([
      'gen',
      'config',
      'maint',
      `https://${NODE}:6443`,
      '--output-dir',
      generated,
    ]);
    expect(gen.code).toBe(0);
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    const log = fs.openSync(path.join(talosctl.home, 'machined.log'), 'a', 0o600);
    machined = spawn(
      process.execPath,
      [path.join(BUNDLES, 'machined', 'main.js'), '--root', root, '--address', NODE, '--hostname', 'maint-1'],
      { detached: true, stdio: ['ignore', log, log], env: { ...process.env, [BUNDLE_DIR_ENV]: BUNDLES } },
    );
    fs.closeSync(log);
  }, 60_000);

  afterAll(async () => {
    if (machined?.pid) await stopProcessGroup(machined.pid, { graceMs: 15_000 });
    talosctl.cleanup();
  }, 60_000);

  const machine = (): InstanceType<typeof clients.machine.MachineService> =>
    new clients.machine.MachineService(`${NODE}:${APID_PORT}`, insecure);

  it('answers Version to a client without a certificate, and refuses everything else saying why', async () => {
    const client = machine();
    try {
      const version = await eventually(
        () =>
          new Promise<unknown>((resolve) =>
            client.Version({}, { deadline: Date.now() + 3000 }, (err, res) => resolve(err ? undefined : res)),
          ),
        30_000,
        'maintenance mode to answer Version',
      );
      expect(version).toMatchObject({ messages: [{ version: { tag: expect.any(String) } }] });
      const refused = await new Promise<grpc.ServiceError | null>((resolve) =>
        client.ServiceList({}, { deadline: Date.now() + 5000 }, (err) => resolve(err)),
      );
      expect(refused?.code).toBe(grpc.status.FAILED_PRECONDITION);
      expect(refused?.details).toMatch(/ServiceList is not available in maintenance mode/);
    } finally {
      client.close();
    }
    const storage = new clients.storage.StorageService(`${NODE}:${APID_PORT}`, insecure);
    const disks = await new Promise<grpc.ServiceError | null>((resolve) =>
      storage.Disks({}, { deadline: Date.now() + 5000 }, (err) => resolve(err)),
    );
    storage.close();
    expect(disks).toBeNull();
  });

  it('refuses an invalid config with its problems and stores nothing', async () => {
    const bad = path.join(talosctl.home, 'bad.yaml');
    fs.writeFileSync(bad, 'version: v1alpha1\nmachine:\n  type: sideways\n');
    const r = await talosctl.run(['apply-config', '--insecure', '-n', NODE, '-f', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/machine\.type/);
    expect(fs.existsSync(new NodePaths(root).configFile)).toBe(false);
  });

  it('takes a valid config with apply-config --insecure, then boots and answers over mutual TLS', async () => {
    const r = await talosctl.run([
      'apply-config',
      '--insecure',
      '-n',
      NODE,
      '-f',
      path.join(generated, GENERATED_CONFIG_FILES.init),
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(fs.statSync(new NodePaths(root).configFile).mode & 0o777).toBe(0o600);
    const talosconfig = path.join(generated, GENERATED_CONFIG_FILES.talosconfig);
    const services = await eventually(
      async () => {
        const s = await talosctl.run(['--talosconfig', talosconfig, '-e', NODE, '-n', NODE, 'services']);
        const rows = tableRows(s.stdout).slice(1);
        return s.code === 0 && rows.some((row) => row[1] === 'apid' && row[2] === 'Running')
          ? rows
          : undefined;
      },
      60_000,
      'the configured node to answer over mTLS',
    );
    expect(services.map((row) => row[1])).toEqual(expect.arrayContaining(['apid', 'routerd', 'trustd']));
  }, 90_000);

  it('cluster create --with-apply-config boots every node through maintenance mode', async () => {
    const name = 'e2e-maint';
    const created = await talosctl.run(
      [
        'cluster',
        'create',
        '--name',
        name,
        '--cidr',
        '127.0.18.0/24',
        '--controlplanes',
        '1',
        '--workers',
        '1',
        '--with-apply-config',
      ],
      180_000,
    );
    try {
      expect(created).toMatchObject({ code: 0 });
      expect(created.stdout).toMatch(/applying the config to e2e-maint-worker-1 in maintenance mode/);
      const v = await talosctl.run(['-n', '127.0.18.2,127.0.18.3', 'version']);
      expect(v).toMatchObject({ code: 0, stderr: '' });
    } finally {
      await talosctl.run(['cluster', 'destroy', '--name', name], 60_000);
    }
  }, 240_000);
});
