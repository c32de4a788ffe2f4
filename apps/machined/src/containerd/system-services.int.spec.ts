// systemServices for real (needs root): machined's containerd service starts containerd from the
// config it writes, and routerd's bundle runs as a container serving on the shared /system/run.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ContainerdClient,
  hostRootOverlay,
  purgeNamespace,
  removeCgroup,
  removeRuncState,
} from '@talos/containerd';
import { NodePaths } from '@talos/constants';
import { bundleDaemon, type DaemonBundle } from '@talos/testing';
import { LogBuffer } from '../system/log-buffer';
import { ServiceSupervisor } from '../system/service-supervisor';
import { eventually } from '../util/test-helpers';
import { systemServices } from './system-services';

const ready = process.getuid?.() === 0;
if (!ready)
  process.stderr.write('skipping systemServices integration: needs root (containerd, runc, mounts)\n');
const describeReady = ready ? describe : describe.skip;

describeReady('systemServices with a real containerd', () => {
  const namespace = `talos-system-${process.pid}`;
  let root: string;
  let supervisor: ServiceSupervisor;
  let overlay: { path: string; release: () => void } | undefined;

  let bundle: DaemonBundle | undefined;
  let bundleDir: string;

  beforeAll(async () => {
    // routerd bundled on the spot (<tmp>/apps/routerd/main.js), as the image carries it; the
    // container gets that folder by a bind of its own (its /tmp is a tmpfs).
    bundle = await bundleDaemon('routerd');
    bundleDir = path.dirname(path.dirname(bundle.main));
    root = await mkdtemp(path.join(tmpdir(), 'ctrd-system-'));
    const paths = new NodePaths(root);
    overlay = await hostRootOverlay(path.join(root, 'rootfs'));
    const defs = systemServices({
      root,
      address: '127.0.0.1',
      configPath: paths.configFile,
      machineType: 'join',
      osCA: () => '',
      bundleDir,
      machinedLog: new LogBuffer(),
      containerRootfs: overlay.path,
      containerNode: process.execPath,
      containerBundleDir: bundleDir,
      containerdNamespace: namespace,
      cgroupParent: `/${namespace}`,
      health: { initialDelayMs: 50, periodMs: 200, timeoutMs: 1000 },
      backoff: { initialMs: 100, maxMs: 500, stableMs: 60_000 },
      stopGraceMs: 3000,
    });
    supervisor = new ServiceSupervisor();
    // machined's own API is not part of this test: routerd waits for containerd only.
    supervisor.load(
      ...defs
        .filter((d) => d.id === 'containerd' || d.id === 'routerd')
        .map((d) => (d.id === 'routerd' ? { ...d, dependsOn: ['containerd'] } : d)),
    );
    supervisor.start('containerd', 'routerd');
  }, 30_000);

  afterAll(async () => {
    await supervisor?.shutdown().catch(() => undefined);
    const paths = new NodePaths(root);
    // Whatever the services left (they should have removed their containers themselves).
    if (existsSync(paths.socket('containerd'))) {
      const client = new ContainerdClient({ socket: paths.socket('containerd'), namespace });
      await purgeNamespace(client).catch(() => undefined);
      client.close();
    }
    overlay?.release();
    await removeCgroup(namespace);
    await removeRuncState(namespace);
    await rm(root, { recursive: true, force: true });
    await bundle?.cleanup();
  }, 60_000);

  it('brings containerd up (Version answers) and routerd up as a container (its health answers)', async () => {
    await eventually(() => expect(supervisor.get('containerd').isUp()).toBe(true), 20_000, 100);
    await eventually(() => expect(supervisor.get('routerd').isUp()).toBe(true), 30_000, 100).catch(
      (err: Error) => {
        const svc = supervisor.get('routerd');
        err.message += `\nrouterd events:\n${svc
          .events()
          .map((e) => e.msg)
          .join('\n')}\nlog:\n${svc.definition.log?.tail(20).toString()}`;
        throw err;
      },
    );
    const events = supervisor
      .get('routerd')
      .events()
      .map((e) => e.msg);
    expect(events.some((m) => /^Started task routerd \(PID \d+\) for container routerd$/.test(m))).toBe(true);
    const client = new ContainerdClient({ socket: new NodePaths(root).socket('containerd'), namespace });
    try {
      expect((await client.getTask('routerd')).status).toBe('RUNNING');
    } finally {
      client.close();
    }
  }, 60_000);
});
