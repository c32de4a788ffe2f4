import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { APID_PORT, BUNDLE_DIR_ENV, NodePaths, TRUSTD_PORT } from '@talos/constants';
import { loadClientConfig, saveClientConfig } from '@talos/client';
import { planNodes } from './node-plan';
import { bundleDirCandidates, findBundleDir } from './bundles';
import { NODE_PORTS, assertNodePortsFree } from './node-ports';
import { isRunning, stopProcessGroup } from './process-control';
import { ProcessProvisioner } from './process-provisioner';
import { loadClusterState } from './cluster-state';

describe('planNodes', () => {
  it('puts control planes first (init, then controlplane), then workers, on consecutive loopback addresses', () => {
    expect(planNodes({ name: 'demo', controlplanes: 2, workers: 2 })).toEqual([
      { name: 'demo-master-1', type: 'init', address: '127.0.0.2' },
      { name: 'demo-master-2', type: 'controlplane', address: '127.0.0.3' },
      { name: 'demo-worker-1', type: 'join', address: '127.0.0.4' },
      { name: 'demo-worker-2', type: 'join', address: '127.0.0.5' },
    ]);
  });

  it('refuses clusters without a control plane and bad names', () => {
    expect(() => planNodes({ name: 'demo', controlplanes: 0, workers: 1 })).toThrow(
      'at least one control plane',
    );
    expect(() => planNodes({ name: 'Bad_Name', controlplanes: 1, workers: 0 })).toThrow(
      'invalid cluster name',
    );
    expect(() => planNodes({ name: 'demo', controlplanes: 200, workers: 60 })).toThrow(
      'node 254 does not fit in 127.0.0.0/24',
    );
    expect(
      planNodes({ name: 'demo', controlplanes: 1, workers: 1, cidr: '127.0.5.0/24' }).map((n) => n.address),
    ).toEqual(['127.0.5.2', '127.0.5.3']);
    expect(() => planNodes({ name: 'demo', controlplanes: 1, workers: 0, cidr: '10.5.0.0/24' })).toThrow(
      'loopback',
    );
  });
});

describe('assertNodePortsFree', () => {
  it("checks apid's and trustd's ports, and says why an address cannot be used", async () => {
    expect(NODE_PORTS).toEqual([APID_PORT, TRUSTD_PORT]);
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      await expect(assertNodePortsFree(['127.0.0.1'], [port])).rejects.toThrow(
        `127.0.0.1:${port} is already in use (another cluster?)`,
      );
    } finally {
      await new Promise((r) => taken.close(r));
    }
    // Free now: the check listens and lets go, so it can run twice.
    await expect(assertNodePortsFree(['127.0.0.1'], [port])).resolves.toBeUndefined();
    await expect(assertNodePortsFree(['127.0.0.1'], [port])).resolves.toBeUndefined();
    await expect(assertNodePortsFree(['192.0.2.1'], [port])).rejects.toThrow(
      /^cannot listen on 192\.0\.2\.1:\d+: .*EADDRNOTAVAIL/,
    );
  });
});

describe('bundle directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prefers $TALOS_BUNDLE_DIR, then the folder beside the running bundle, then ./dist/apps', () => {
    const list = bundleDirCandidates({
      env: { [BUNDLE_DIR_ENV]: '/opt/talos' },
      script: '/x/dist/tools/talosctl/main.js',
      cwd: '/w',
    });
    expect(list).toEqual(['/opt/talos', '/x/dist/apps', '/w/dist/apps']);
  });

  it('finds the first candidate with a machined bundle and says where it looked otherwise', () => {
    fs.mkdirSync(path.join(dir, 'dist', 'apps', 'machined'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'apps', 'machined', 'main.js'), '');
    expect(findBundleDir({ env: {}, script: '/nowhere/tools/talosctl/main.js', cwd: dir })).toBe(
      path.join(dir, 'dist', 'apps'),
    );
    expect(() => findBundleDir({ env: {}, script: '/nowhere/a/b.js', cwd: '/nowhere' })).toThrow(
      /machined bundle not found \(looked in/,
    );
  });
});

/** Spawns a process group: a detached leader with one child, both idle. */
function spawnGroup(ignoreTerm: boolean): number {
  const leader = `
    ${ignoreTerm ? "process.on('SIGTERM', () => {});" : ''}
    require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', leader], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid as number;
}

function groupMembers(pgid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[2]) === pgid && fields[0] !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('stopProcessGroup', () => {
  it('stops a leader that honours SIGTERM and kills what is left of its group', async () => {
    const pid = spawnGroup(false);
    await eventually(() => groupMembers(pid).length === 2);
    expect(await stopProcessGroup(pid, { graceMs: 5000, pollMs: 20 })).toBe('stopped');
    await eventually(() => groupMembers(pid).length === 0);
  });

  it('kills the group when the leader ignores SIGTERM past the grace period', async () => {
    const pid = spawnGroup(true);
    await eventually(() => groupMembers(pid).length === 2);
    expect(await stopProcessGroup(pid, { graceMs: 300, pollMs: 20 })).toBe('killed');
    await eventually(() => groupMembers(pid).length === 0);
    expect(isRunning(pid)).toBe(false);
  });
});

describe('ProcessProvisioner', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provision-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A stand-in machined (the real one is another helper's): it records its argv and idles. */
  function fakeMachinedBundle(): string {
    const bundleDir = path.join(dir, 'bundles');
    fs.mkdirSync(path.join(bundleDir, 'machined'), { recursive: true });
    fs.writeFileSync(
      path.join(bundleDir, 'machined', 'main.js'),
      `console.log(JSON.stringify({ argv: process.argv.slice(2), bundleDir: process.env.${BUNDLE_DIR_ENV} }));
       process.on('SIGTERM', () => process.exit(0));
       setInterval(() => {}, 1000);`,
    );
    return bundleDir;
  }

  it('creates nodes with their configs, merges the context, shows them and destroys everything', async () => {
    const bundleDir = fakeMachinedBundle();
    const talosconfig = path.join(dir, 'talosconfig');
    saveClientConfig(talosconfig, {
      context: 'other',
      contexts: { demo: { endpoints: ['1.1.1.1'] }, other: { endpoints: ['2.2.2.2'] } },
    });
    const probed: string[] = [];
    const lines: string[] = [];
    const provisioner = new ProcessProvisioner({
      progress: (l) => lines.push(l),
      // Fake probe: apid is the daemons' business; here every node "answers" at once.
      probe: async (address) => {
        probed.push(address);
      },
      stopGraceMs: 5000,
    });
    const clusters = path.join(dir, 'clusters');

    const state = await provisioner.create({
      name: 'demo',
      controlplanes: 1,
      workers: 1,
      // A network of its own: the ports of its addresses are checked for real.
      cidr: '127.0.38.0/24',
      talosconfig,
      bundleDir,
      clustersDir: clusters,
    });

    expect(state.nodes.map((n) => [n.name, n.type, n.address])).toEqual([
      ['demo-master-1', 'init', '127.0.38.2'],
      ['demo-worker-1', 'join', '127.0.38.3'],
    ]);
    expect(probed).toEqual(['127.0.38.2', '127.0.38.3']);
    for (const node of state.nodes) {
      const configFile = new NodePaths(node.root).configFile;
      expect(fs.statSync(configFile).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(configFile, 'utf8')).toContain(`type: ${node.type}`);
      expect(fs.readFileSync(node.pidFile, 'utf8').trim()).toBe(String(node.pid));
      await eventually(() => fs.readFileSync(node.logFile, 'utf8').includes('argv'));
      const started = JSON.parse(fs.readFileSync(node.logFile, 'utf8').trim().split('\n')[0] as string);
      expect(started).toEqual({
        argv: [
          '--root',
          node.root,
          '--address',
          node.address,
          '--hostname',
          node.name,
          '--config',
          configFile,
        ],
        bundleDir,
      });
    }
    // "demo" was taken: the new context is renamed, and becomes the current one.
    const merged = loadClientConfig(talosconfig);
    expect(state.context).toBe('demo-1');
    expect(merged.context).toBe('demo-1');
    expect(merged.contexts['demo-1']).toMatchObject({ endpoints: ['127.0.38.2'], nodes: ['127.0.38.2'] });
    expect(loadClusterState(path.join(clusters, 'demo')).nodes).toHaveLength(2);

    const shown = provisioner.show({ name: 'demo', clustersDir: clusters });
    expect(shown.nodes.map((n) => n.running)).toEqual([true, true]);

    await expect(
      provisioner.create({
        name: 'demo',
        controlplanes: 1,
        workers: 0,
        talosconfig,
        bundleDir,
        clustersDir: clusters,
      }),
    ).rejects.toThrow('cluster "demo" already exists');

    await provisioner.destroy({ name: 'demo', clustersDir: clusters });
    for (const node of state.nodes) expect(isRunning(node.pid)).toBe(false);
    expect(fs.existsSync(path.join(clusters, 'demo'))).toBe(false);
    const after = loadClientConfig(talosconfig);
    expect(Object.keys(after.contexts).sort()).toEqual(['demo', 'other']);
    // The first remaining context (file order) is current, and the operator is told.
    expect(after.context).toBe('demo');
    expect(lines).toContain('current context is now "demo"');
  }, 30_000);

  it('refuses at once, naming address, port and --cidr, when a node address is taken', async () => {
    const bundleDir = fakeMachinedBundle();
    // Another cluster's trustd on what would be our worker's address.
    const taken = net.createServer();
    await new Promise<void>((resolve, reject) => {
      taken.once('error', reject);
      taken.listen(TRUSTD_PORT, '127.0.37.3', resolve);
    });
    const lines: string[] = [];
    const provisioner = new ProcessProvisioner({ progress: (l) => lines.push(l), probe: async () => {} });
    const clusters = path.join(dir, 'clusters');
    try {
      await expect(
        provisioner.create({
          name: 'second',
          controlplanes: 1,
          workers: 1,
          cidr: '127.0.37.0/24',
          talosconfig: path.join(dir, 'tc'),
          bundleDir,
          clustersDir: clusters,
        }),
      ).rejects.toThrow(
        `127.0.37.3:${TRUSTD_PORT} is already in use (another cluster?): pick another network with --cidr 127.0.N.0/24`,
      );
    } finally {
      await new Promise((r) => taken.close(r));
    }
    // Nothing was done: no PKI, no node, no state, no talosconfig.
    expect(lines).toEqual([]);
    expect(fs.existsSync(path.join(clusters, 'second'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'tc'))).toBe(false);
  });

  it('fails early, naming the log, when a node exits while booting', async () => {
    const bundleDir = path.join(dir, 'bundles');
    fs.mkdirSync(path.join(bundleDir, 'machined'), { recursive: true });
    fs.writeFileSync(path.join(bundleDir, 'machined', 'main.js'), 'process.exit(3)');
    const provisioner = new ProcessProvisioner({
      probe: async () => {
        throw new Error('not yet');
      },
      pollIntervalMs: 50,
    });
    const clusters = path.join(dir, 'clusters');
    await expect(
      provisioner.create({
        name: 'dies',
        controlplanes: 1,
        workers: 0,
        cidr: '127.0.39.0/24',
        talosconfig: path.join(dir, 'tc'),
        bundleDir,
        clustersDir: clusters,
        readyTimeoutMs: 10_000,
      }),
    ).rejects.toThrow(/node dies-master-1 exited while booting: see .*dies-master-1\.log/);
    await provisioner.destroy({ name: 'dies', clustersDir: clusters });
  }, 30_000);
});
