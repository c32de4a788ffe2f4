// A 3-node process cluster driven by talosctl: fan-out through one endpoint, streams that follow
// live output, supervision (SIGKILL → restart), and a stopped node reported as an error row.
import * as fs from 'node:fs';
import { createProcessCluster, eventually, tableRows, type ProcessCluster } from './harness';

const CIDR = '127.0.10.0/24';

/** pid of a daemon of a node: the node's processes whose command line runs that daemon's bundle. */
function daemonPid(root: string, daemon: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmdline.split('\0');
    if (args.some((a) => a.endsWith(`/${daemon}/main.js`)) && args.includes(root)) return Number(entry);
  }
  return undefined;
}

describe('a 3-node process cluster through apid', () => {
  let cluster: ProcessCluster;
  let a: string, b: string, c: string;

  beforeAll(async () => {
    cluster = await createProcessCluster('e2e-three', 1, 2, CIDR);
    [a, b, c] = cluster.nodes as [string, string, string];
  }, 180_000);

  afterAll(async () => {
    await cluster?.destroy();
  }, 60_000);

  it('answers version for every node named with -n, one NODE row each', async () => {
    const r = await cluster.talosctl.run(['-n', `${a},${b},${c}`, 'version']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const nodeLines = r.stdout.split('\n').filter((l) => /^\s*NODE:/.test(l));
    expect(nodeLines.map((l) => l.split(/\s+/).pop())).toEqual([a, b, c]);
  });

  it('prints an aligned table with a NODE column for a memory fan-out through one endpoint', async () => {
    const r = await cluster.talosctl.run(['-e', a, '-n', b, '-n', c, 'memory']);
    expect(r.code).toBe(0);
    const rows = tableRows(r.stdout);
    expect(rows[0]).toEqual(['NODE', 'TOTAL', 'USED', 'FREE', 'SHARED', 'BUFFERS', 'CACHE', 'AVAILABLE']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([b, c]);
    for (const row of rows.slice(1)) expect(Number(row[1])).toBeGreaterThan(0);
  });

  it('lists the node services, all running', async () => {
    const r = await eventually(
      async () => {
        const res = await cluster.talosctl.run(['-n', b, 'services']);
        const rows = tableRows(res.stdout).slice(1);
        return rows.length > 0 && rows.every((row) => row[2] === 'Running' && row[3] === 'OK')
          ? rows
          : undefined;
      },
      30_000,
      'every service Running and healthy',
    );
    expect(r.map((row) => row[1]).sort()).toEqual([
      'apid',
      'machined',
      'networkd',
      'routerd',
      'timed',
      'udevd',
    ]);
  });

  it('logs -f streams lines written after the call began', async () => {
    const follow = cluster.talosctl.follow(['-n', b, 'logs', 'timed', '-f', '--tail', '0']);
    try {
      // Nothing from before the call (tail 0); a restart makes timed write its start-up line again.
      await new Promise((r) => setTimeout(r, 1000));
      expect(follow.output).not.toMatch(/timed listening/);
      const restart = await cluster.talosctl.run(['-n', b, 'service', 'timed', 'restart']);
      expect(restart.code).toBe(0);
      const line = await follow.waitForLine(/timed listening/, 30_000);
      expect(line.startsWith(`${b}: `)).toBe(true);
    } finally {
      await follow.stop();
    }
  });

  it('events shows a service restart as it happens', async () => {
    const events = cluster.talosctl.follow(['-n', c, 'events']);
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const before = events.output.split('\n').length;
      const restart = await cluster.talosctl.run(['-n', c, 'service', 'networkd', 'restart']);
      expect(restart.code).toBe(0);
      const line = await events.waitForLine(/networkd\s+STOPPING:/, 30_000);
      expect(line).toContain(c);
      await events.waitForLine(/networkd\s+RUNNING: Health check successful/, 30_000);
      expect(events.output.split('\n').length).toBeGreaterThan(before);
    } finally {
      await events.stop();
    }
  });

  it('restarts a daemon killed with SIGKILL; services shows it and calls succeed again', async () => {
    const root = cluster.nodeRoot(c);
    const pid = daemonPid(root, 'networkd');
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');

    const newPid = await eventually(
      async () => {
        const p = daemonPid(root, 'networkd');
        return p !== undefined && p !== pid ? p : undefined;
      },
      30_000,
      'networkd to be restarted',
    );
    expect(newPid).not.toBe(pid);

    const svc = await cluster.talosctl.run(['-n', c, 'service', 'networkd']);
    expect(svc.code).toBe(0);
    expect(svc.stdout).toMatch(/going to restart forever|signal: killed|SIGKILL/i);

    await eventually(
      async () => {
        const r = await cluster.talosctl.run(['-n', c, 'interfaces']);
        return r.code === 0 && /\blo\b/.test(r.stdout) ? r : undefined;
      },
      30_000,
      'networkd to answer again',
    );
  });

  it('with one node stopped, the others answer and the stopped one is an error row', async () => {
    const down = await cluster.talosctl.run(['-n', c, 'shutdown']);
    expect(down.code).toBe(0);
    await eventually(
      async () => ((await cluster.talosctl.run(['-n', c, 'version'], 20_000)).code !== 0 ? true : undefined),
      30_000,
      `node ${c} to stop answering`,
    );

    const r = await cluster.talosctl.run(['-n', `${a},${b},${c}`, 'version']);
    expect(r.code).toBe(1);
    const nodeLines = r.stdout.split('\n').filter((l) => /^\s*NODE:/.test(l));
    expect(nodeLines.map((l) => l.split(/\s+/).pop())).toEqual([a, b]);
    expect(r.stderr).toContain(c);
    expect(r.stderr).toMatch(/error/i);
  });
});
