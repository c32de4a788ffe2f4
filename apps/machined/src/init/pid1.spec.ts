// machined's PID-1 duties, run for real: a bundled fixture is the init of a new pid namespace with
// its own mount (and UTS) namespace, so reaping, mounts and reboot(2) act on that namespace only.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateConfigs, parseConfig, serializeConfig } from '@talos/config';
import { DEFAULT_KERNEL_CMDLINE } from '@talos/kernel';
import { readGpt } from '@talos/sys';
import { bundleDaemon, bundleEntry, type DaemonBundle } from '@talos/testing';

const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..');
const isRoot = process.getuid?.() === 0;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let dir: string;
let fixture: string;

/** Runs the fixture as PID 1 under unshare; resolves when the namespace's init is gone. */
function asInit(args: string[], timeoutMs = 20_000, entry = fixture): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'unshare',
      [
        '--pid',
        '--fork',
        '--mount',
        '--mount-proc',
        '--uts',
        '--propagation',
        'private',
        process.execPath,
        entry,
        ...args,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_PATH: path.join(WORKSPACE, 'node_modules') },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fixture ${args[0]} timed out; stderr: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function lastReport<T>(run: Run): T {
  const lines = run.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{"') && !l.includes('"level"'));
  if (lines.length === 0) throw new Error(`no report; stderr: ${run.stderr}`);
  return JSON.parse(lines[lines.length - 1]!) as T;
}

(isRoot ? describe : describe.skip)('machined as PID 1 (pid namespace)', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pid1-'));
    // The layout of dist/: @grpc/reflection reads <bundle>/../../proto.
    fixture = (await bundleEntry(path.join(__dirname, 'testdata', 'pid1-fixture.ts'), 'fixture', dir)).main;
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reaps orphans without stealing the exit status of its own children', async () => {
    const run = await asInit(['reap']);
    const r = lastReport<{
      pid: number;
      scanned: number;
      blockedCodes: unknown;
      codes: (number | string)[];
      zombies: number[];
      reaped: number;
    }>(run);
    expect(r.pid).toBe(1);
    expect(r.scanned).toBe(5);
    expect(r.blockedCodes).toEqual([7, 7, 7, 7, 7]);
    expect(r.codes).toEqual([...Array(10).fill(0), ...Array(10).fill(7), 'SIGTERM']);
    expect(r.zombies).toEqual([]);
    // The five blocked shells left one orphan each, the ten others two.
    expect(r.reaped).toBe(25);
    expect(run.code).toBe(0);
  }, 30_000);

  it('applies the mount table in order and unmounts it in reverse, detaching a busy mount', async () => {
    const root = fs.mkdtempSync(path.join(dir, 'root-'));
    const run = await asInit(['mounts', root]);
    const r = lastReport<{
      before: { target: string; fstype: string; options: string }[];
      hosts: string;
      failed: string[];
      after: unknown[];
    }>(run);
    expect(r.before.map((m) => [m.target, m.fstype])).toEqual([
      ['/dev/pts', 'devpts'],
      ['/dev/shm', 'tmpfs'],
      ['/run', 'tmpfs'],
      ['/tmp', 'tmpfs'],
      ['/sys/fs/cgroup', 'cgroup2'],
      ['/system', 'tmpfs'],
      ['/etc/hosts', 'tmpfs'],
      ['/etc/resolv.conf', 'tmpfs'],
      ['/var', 'tmpfs'],
    ]);
    expect(r.before.find((m) => m.target === '/tmp')?.options).toMatch(/nosuid,nodev/);
    expect(r.hosts).toContain('127.0.1.1\tnode-1');
    expect(r.failed).toEqual([]);
    expect(r.after).toEqual([]);
    expect(run.stderr).toContain('/tmp is busy: detached it');
    // Nothing was mounted in the test's own namespace.
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(root);
  }, 30_000);

  it('reboot(POWER_OFF) ends the pid namespace: its init is killed with SIGINT', async () => {
    const run = await asInit(['poweroff']);
    expect(lastReport<{ pid: number }>(run)).toEqual({ pid: 1 });
    expect(run.stdout).not.toContain('survived');
    expect(run.signal).toBe('SIGINT');
  }, 30_000);

  it('refuses to boot without slab_nomerge and pti=on, says why, and powers off', async () => {
    const root = fs.mkdtempSync(path.join(dir, 'root-'));
    const cmdline = path.join(dir, 'cmdline');
    fs.writeFileSync(cmdline, 'console=ttyS0 pti=off init_on_alloc=1\n');
    const started = Date.now();
    const run = await asInit(['cannot-boot', root, cmdline]);
    expect(run.stdout).toContain(
      'refusing to boot: kernel command line is missing required arguments: slab_nomerge, pti=on (have pti=off)',
    );
    expect(run.stdout).not.toContain('survived');
    expect(run.signal).toBe('SIGINT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    // It stopped before touching anything.
    expect(fs.readdirSync(root)).toEqual([]);
  }, 30_000);

  let configUrl: string;
  let configServer: http.Server;
  beforeAll(async () => {
    const cfg = parseConfig(
      serializeConfig(generateConfigs({ clusterName: 'metal', endpoint: 'https://10.5.0.2:6443' }).join),
    );
    cfg.machine.network = { ...cfg.machine.network, hostname: 'metal-1' };
    const text = serializeConfig(cfg);
    configServer = http.createServer((_req, res) => res.end(text));
    await new Promise<void>((resolve) => configServer.listen(0, '127.0.0.1', resolve));
    configUrl = `http://127.0.0.1:${(configServer.address() as AddressInfo).port}/node.yaml`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => configServer.close(() => resolve()));
  });

  async function bootNode(
    action: 'reboot' | 'sigterm',
    disk?: string,
    /** The config comes from talos.config= (false: from STATE, nothing fetched). */
    fetched = true,
  ): Promise<{ run: Run; report: Record<string, unknown> }> {
    const root = fs.mkdtempSync(path.join(dir, 'root-'));
    const cmdline = path.join(dir, `cmdline-${action}`);
    fs.writeFileSync(cmdline, `${DEFAULT_KERNEL_CMDLINE} talos.config=${configUrl}\n`);
    const run = await asInit(['node', root, cmdline, action, ...(disk ? [disk] : [])], 40_000);
    const report = lastReport<Record<string, unknown>>(run);
    expect(report).toEqual({
      action,
      varFs: expect.any(String) as string,
      stateFs: expect.any(String) as string,
      markerBefore: expect.any(Boolean) as boolean,
      platform: { name: 'metal', mode: 'metal' },
      hostname: 'metal-1',
      processes: expect.any(Number) as number,
      config: 0o600,
      early: {
        state: 'Running',
        events: expect.arrayContaining([expect.stringMatching(/started with PID \d+/)]) as string[],
      },
    });
    expect(run.stdout).not.toContain('survived');
    const log = run.stderr;
    // The early service started before the config was looked for.
    const earlyStarted = log.indexOf('"service":"early"');
    expect(earlyStarted).toBeGreaterThan(-1);
    expect(earlyStarted).toBeLessThan(log.indexOf(fetched ? 'stored at' : 'starting services'));
    if (fetched) {
      // The discovery network ran while the config was fetched, and was gone before the services.
      expect(log).toContain('starting the discovery network');
      expect(log.indexOf('discovery network stopped')).toBeGreaterThan(log.indexOf('stored at'));
      expect(log.indexOf('discovery network stopped')).toBeLessThan(log.indexOf('starting services'));
      expect(log).toContain('machine config from http://127.0.0.1');
    } else {
      // A config already on disk: nothing is fetched, and the links are configured once from it
      // (in a test's folder root they are left alone).
      expect(log).toContain('starting the discovery network: links left alone in dev mode');
      expect(log).not.toContain('machine config from http');
    }
    expect(log).toContain('mounted /system');
    expect(log).toContain('sending SIGTERM to 1 remaining processes');
    expect(log).toContain('unmounted /dev/pts');
    expect(log).not.toMatch(/error unmounting|boot failed/);
    return { run, report };
  }

  it('boots with the config from talos.config=; Reboot replies, stops everything and restarts', async () => {
    const { run } = await bootNode('reboot');
    // RESTART from the init of a pid namespace: the init dies of SIGHUP.
    expect(run.signal).toBe('SIGHUP');
    expect(run.stderr).toContain('rebooting');
  }, 60_000);

  it('reboots after a failed boot, saying why; with panic=0 it stays as it is', async () => {
    const cannotBoot = async (args: string): Promise<Run> => {
      const root = fs.mkdtempSync(path.join(dir, 'root-'));
      const cmdline = path.join(root, '..', `cmdline-${path.basename(root)}`);
      fs.writeFileSync(cmdline, `${DEFAULT_KERNEL_CMDLINE} talos.config=${configUrl}${args}\n`);
      return asInit(['cannot-boot', root, cmdline]);
    };
    const failed = await cannotBoot('');
    expect(failed.stdout).toContain('boot failed: no service table here; rebooting in 0.3 s');
    expect(failed.stdout).toContain('reboot: stopping services');
    expect(failed.stdout).not.toContain('survived');
    // RESTART from the init of a pid namespace: the init dies of SIGHUP.
    expect(failed.signal).toBe('SIGHUP');

    const stayed = await cannotBoot(' panic=0');
    expect(stayed.stdout).toContain('boot failed: no service table here; panic=0: staying as it is');
    expect(stayed.stdout).not.toContain('rebooting');
    expect(lastReport(stayed)).toEqual({ survived: true });
  }, 60_000);

  it('shuts down and powers off on SIGTERM', async () => {
    const { run, report } = await bootNode('sigterm');
    expect(report.varFs).toBe('tmpfs');
    expect(run.signal).toBe('SIGINT');
    expect(run.stderr).toContain('SIGTERM: shutting down');
    expect(run.stderr).toContain('powering off');
  }, 60_000);

  describe('the install disk: STATE and EPHEMERAL', () => {
    const loops: string[] = [];
    /** A loop device (partition scanning on) over a sparse file; `data` is written at its start. */
    function loopDevice(name: string, data?: Buffer): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, '');
      fs.truncateSync(file, 420 * 1024 * 1024); // EPHEMERAL: XFS wants at least 300 MB
      if (data) {
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, data, 0, data.length, 0);
        fs.closeSync(fd);
      }
      const dev = execFileSync('losetup', ['--find', '--show', '--partscan', file], {
        encoding: 'utf8',
      }).trim();
      loops.push(dev);
      return dev;
    }
    afterAll(() => {
      for (const dev of loops) execFileSync('losetup', ['--detach', dev]);
    });

    it('partitions a blank install disk and keeps the config on STATE: the next boot fetches nothing', async () => {
      const dev = loopDevice('blank.img');
      const first = await bootNode('reboot', dev);
      expect(first.run.stderr).toContain(
        `partitioned install disk ${dev}: STATE ${dev}p1 (100 MiB), EPHEMERAL ${dev}p2 (318 MiB)`,
      );
      expect(first.run.stderr).toContain(`stored the machine config on STATE (${dev}p1)`);
      expect(first.report).toMatchObject({
        varFs: 'xfs',
        stateFs: 'xfs',
        markerBefore: false,
        config: 0o600,
      });
      const gpt = readGpt(dev);
      expect(gpt?.partitions.map((p) => [p.name, p.firstLba])).toEqual([
        ['STATE', 2048],
        ['EPHEMERAL', 2048 + (100 * 1024 * 1024) / 512],
      ]);
      expect(
        execFileSync('blkid', ['-s', 'LABEL', '-o', 'value', `${dev}p1`], { encoding: 'utf8' }).trim(),
      ).toBe('STATE');
      // STATE and /var were unmounted at reboot: the filesystems are clean, nothing is left mounted.
      expect(first.run.stderr).toContain('unmounted /system/state');
      expect(first.run.stderr.indexOf('unmounted /var')).toBeLessThan(
        first.run.stderr.indexOf('unmounted /system/state'),
      );
      execFileSync('xfs_repair', ['-n', `${dev}p1`], { stdio: 'pipe' });

      const second = await bootNode('reboot', dev, false);
      expect(second.run.stderr).toContain(`loaded the machine config from STATE (${dev}p1)`);
      expect(second.run.stderr).toContain(`found the EPHEMERAL filesystem on ${dev}p2`);
      expect(second.run.stderr).not.toMatch(/partitioned|formatted|maintenance/);
      expect(second.report).toMatchObject({
        varFs: 'xfs',
        stateFs: 'xfs',
        markerBefore: true,
        config: 0o600,
      });
    }, 120_000);

    it('never touches a disk that holds data: /var stays on tmpfs, the config on tmpfs', async () => {
      const data = Buffer.from('precious data, not a filesystem');
      const dev = loopDevice('data.img', data);
      const { run, report } = await bootNode('reboot', dev);
      expect(run.stderr).toContain(`not partitioning install disk ${dev}: it has data at offset 0`);
      expect(report).toMatchObject({ varFs: 'tmpfs', stateFs: 'tmpfs' });
      const fd = fs.openSync(dev, 'r');
      const head = Buffer.alloc(data.length);
      fs.readSync(fd, head, 0, data.length, 0);
      fs.closeSync(fd);
      expect(head).toEqual(data);
      expect(readGpt(dev)).toBeUndefined();
    }, 60_000);
  });

  describe('the machined bundle', () => {
    let machined: DaemonBundle;
    beforeAll(async () => {
      machined = await bundleDaemon('machined');
    }, 60_000);
    afterAll(() => machined.cleanup());

    it('runs the metal path as PID 1 and refuses a bad command line on the console', async () => {
      const root = fs.mkdtempSync(path.join(dir, 'root-'));
      const cmdline = path.join(dir, 'cmdline-main');
      fs.writeFileSync(cmdline, 'console=ttyS0 slab_nomerge\n');
      const run = await asInit(
        ['--metal', '--root', root, '--cmdline', cmdline, '--console', '/dev/stdout', '--fatal-delay', '200'],
        30_000,
        machined.main,
      );
      expect(run.stdout).toContain('machined: machined started as PID 1');
      expect(run.stdout).toContain(
        'machined: refusing to boot: kernel command line is missing required arguments: pti=on',
      );
      expect(run.signal).toBe('SIGINT');
    }, 60_000);

    it('refuses --metal unless it is PID 1', async () => {
      const child = spawn(process.execPath, [machined.main, '--metal', '--root', dir], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_PATH: path.join(WORKSPACE, 'node_modules') },
      });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code).toBe(2);
      expect(stderr).toContain('--metal needs PID 1');
    }, 30_000);
  });
});
