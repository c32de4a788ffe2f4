// The resource API on a process cluster (a control plane and a worker), the way an operator reads
// it: `talosctl get` through apid and routerd to machined's resource state (definitions,
// namespaces, the config as written, services watched live across a restart, the secrets the
// config implies and who may read them), on one node or several with -n.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { osCA, parseConfig } from '@talos/config';
import { NodePaths } from '@talos/constants';
import { createProcessCluster, tableRows, type ProcessCluster } from './harness';

const CIDR = '127.0.12.0/24';

describe('resources on a process node', () => {
  let cluster: ProcessCluster;
  let node: string;
  let worker: string;

  beforeAll(async () => {
    cluster = await createProcessCluster('e2e-resources', 1, 1, CIDR);
    node = cluster.nodes[0]!;
    worker = cluster.nodes[1]!;
  }, 180_000);

  afterAll(async () => {
    await cluster?.destroy();
  }, 60_000);

  const talosctl = (...args: string[]) => cluster.talosctl.run(['-n', node, ...args]);

  it('get rd lists the resource definitions', async () => {
    const r = await talosctl('get', 'rd');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = tableRows(r.stdout);
    expect(rows[0]).toEqual(['NODE', 'NAMESPACE', 'TYPE', 'ID', 'VERSION']);
    const ids = rows.slice(1).map((row) => row[3]);
    expect(ids).toEqual(
      expect.arrayContaining([
        'machineconfigs.config.talos.dev',
        'machinetypes.config.talos.dev',
        'namespaces.meta.cosi.dev',
        'resourcedefinitions.meta.cosi.dev',
        'services.v1alpha1.talos.dev',
      ]),
    );
    expect(rows[1]!.slice(0, 3)).toEqual([node, 'meta', 'ResourceDefinition']);
  });

  it('get ns lists the namespaces', async () => {
    const r = await talosctl('get', 'ns');
    expect(r.code).toBe(0);
    const ids = tableRows(r.stdout)
      .slice(1)
      .map((row) => row[3]);
    expect(ids).toEqual(expect.arrayContaining(['config', 'meta', 'runtime', 'secrets']));
  });

  it('get machineconfig -o yaml shows the config file as written', async () => {
    const text = fs.readFileSync(new NodePaths(cluster.nodeRoot(node)).configFile, 'utf8');
    const r = await talosctl('get', 'machineconfig', '-o', 'yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`^node: ${node.replace(/\./g, '\\.')}\nmetadata:\n    namespace: config\n`),
    );
    const indented = text
      .replace(/\n+$/, '')
      .split('\n')
      .map((l) => (l === '' ? '' : `    ${l}`))
      .join('\n');
    expect(r.stdout).toContain(`spec:\n${indented}\n`);
  });

  it('get svc prints running and healthy columns', async () => {
    const r = await talosctl('get', 'svc');
    expect(r.code).toBe(0);
    const rows = tableRows(r.stdout);
    expect(rows[0]).toEqual(['NODE', 'NAMESPACE', 'TYPE', 'ID', 'VERSION', 'RUNNING', 'HEALTHY']);
    expect(rows.find((row) => row[3] === 'timed')?.slice(1, 3)).toEqual(['runtime', 'Service']);
  });

  it('get svc -w shows a restart of timed live', async () => {
    const watch = cluster.talosctl.follow(['-n', node, 'get', 'svc', '-w']);
    try {
      await watch.waitForLine(/^\*\s+NODE\s+NAMESPACE/);
      await watch.waitForLine(/^\+\s+\S+\s+runtime\s+Service\s+timed\s/);
      const before = watch.output.length;
      const restarted = await talosctl('service', 'timed', 'restart');
      expect(restarted.code).toBe(0);
      await waitFor(() => /^-\s+\S+\s+runtime\s+Service\s+timed\s/m.test(watch.output.slice(before)), watch);
      await waitFor(() => /^\+\s+\S+\s+runtime\s+Service\s+timed\s/m.test(watch.output.slice(before)), watch);
    } finally {
      await watch.stop();
    }
  });

  // Resources machined's controllers derive from timed and networkd (polled every few seconds).
  const eventuallyRows = async (args: string[], ok: (rows: string[][]) => boolean): Promise<string[][]> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const r = await talosctl(...args);
      const rows = r.code === 0 ? tableRows(r.stdout) : [];
      if (rows.length > 0 && ok(rows)) return rows;
      if (Date.now() > deadline)
        throw new Error(`talosctl ${args.join(' ')}: ${r.code}\n${r.stdout}\n${r.stderr}`);
      await new Promise((res) => setTimeout(res, 500));
    }
  };

  it('get timestatus shows the node row with a SYNCED column', async () => {
    // no NTP server is reachable from the test host, so synced may well be false
    const rows = await eventuallyRows(['get', 'timestatus'], (rows) => rows.length === 2);
    expect(rows[0]).toEqual(['NODE', 'NAMESPACE', 'TYPE', 'ID', 'VERSION', 'SYNCED']);
    expect(rows[1]!.slice(1, 4)).toEqual(['runtime', 'TimeStatus', 'node']);
    expect(['true', 'false']).toContain(rows[1]![5]);
  }, 30_000);

  it('get nodeaddress lists the addresses networkd reports', async () => {
    // dev mode: the nodes share the host's interfaces, so these are the host's addresses
    // (loopback ones, where the nodes' 127.0.12.x live, are left out as Talos does)
    const rows = await eventuallyRows(['get', 'nodeaddress', '-o', 'yaml'], (lines) =>
      lines.some((l) => /^- [0-9a-f.:]+\/\d+$/.test(l[0] ?? '')),
    );
    expect(rows.map((l) => l.join(' '))).toEqual(expect.arrayContaining(['id: default', 'addresses:']));
  }, 30_000);

  it('get hostname shows the node name', async () => {
    const rows = await eventuallyRows(['get', 'hostname'], (rows) => rows.length === 2);
    expect(rows[0]).toEqual(['NODE', 'NAMESPACE', 'TYPE', 'ID', 'VERSION', 'HOSTNAME', 'DOMAINNAME']);
    expect(rows[1]!.slice(1, 4)).toEqual(['network', 'HostnameStatus', 'hostname']);
    expect(rows[1]![5]).toMatch(/\S/);
  }, 30_000);

  it('get across nodes with -n: one row per node, each with its own machine type', async () => {
    const r = await cluster.talosctl.run(['-n', `${node},${worker}`, 'get', 'machinetype']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const rows = tableRows(r.stdout);
    expect(rows[0]).toEqual(['NODE', 'NAMESPACE', 'TYPE', 'ID', 'VERSION']);
    expect(
      rows
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual([node, worker].sort());
    const yaml = await cluster.talosctl.run(['-n', `${node},${worker}`, 'get', 'machinetype', '-o', 'yaml']);
    const specs = Object.fromEntries(
      yaml.stdout
        .split(/^---$/m)
        .map((doc) => [/^node: (\S+)/m.exec(doc)?.[1], /^spec:\s+(\S+)/m.exec(doc)?.[1]]),
    );
    expect(specs).toEqual({ [node]: 'init', [worker]: 'join' });
  });

  it('get rootsecrets: the OS, etcd and Kubernetes roots on the control plane, only the OS one on the worker', async () => {
    const cp = await eventuallyRows(['get', 'rootsecrets'], (rows) => rows.length === 4);
    expect(cp.slice(1).map((row) => row[3])).toEqual(['etcd', 'k8s', 'os']);
    const w = await cluster.talosctl.run(['-n', worker, 'get', 'rootsecrets']);
    expect(
      tableRows(w.stdout)
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(['os']);
    const bootstrap = await eventuallyRows(['get', 'bootstrapstatus'], (rows) => rows.length === 2);
    expect(bootstrap[0]).toEqual(['NODE', 'NAMESPACE', 'TYPE', 'ID', 'VERSION', 'SELF HOSTED']);
    expect(bootstrap[1]!.slice(1)).toEqual(['runtime', 'BootstrapStatus', 'control-plane', '1', 'false']);
    const certs = await eventuallyRows(['get', 'etcdsecrets', '-o', 'yaml'], (lines) =>
      lines.some((l) => /etcdPeer:/.test(l.join(' '))),
    );
    expect(certs.map((l) => l.join(' ')).join('\n')).toMatch(/BEGIN CERTIFICATE/);
  }, 30_000);

  it('refuses secrets to an os:reader client, and serves it the rest', async () => {
    const config = parseConfig(fs.readFileSync(new NodePaths(cluster.nodeRoot(node)).configFile, 'utf8'));
    const ca = osCA(config);
    const dir = fs.mkdtempSync(path.join(cluster.talosctl.home, 'reader-'));
    fs.writeFileSync(path.join(dir, 'ca.crt'), ca.crt);
    fs.writeFileSync(path.join(dir, 'ca.key'), ca.key ?? '', { mode: 0o600 });
    const readerConfig = path.join(dir, 'talosconfig');
    const made = await cluster.talosctl.run([
      'config',
      'new',
      readerConfig,
      '--ca-crt',
      path.join(dir, 'ca.crt'),
      '--ca-key',
      path.join(dir, 'ca.key'),
      '--roles',
      'os:reader',
    ]);
    expect(made).toMatchObject({ code: 0 });
    const asReader = (...args: string[]) =>
      cluster.talosctl.run(['--talosconfig', readerConfig, '-e', node, '-n', node, ...args]);
    const refused = await asReader('get', 'rootsecrets');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/PermissionDenied|PERMISSION_DENIED|holds secrets/);
    expect(refused.stderr).toMatch(/os:admin/);
    const allowed = await asReader('get', 'machinetype');
    expect(allowed).toMatchObject({ code: 0, stderr: '' });
  });

  it('get of an unknown type fails, listing the known types', async () => {
    const r = await talosctl('get', 'nosuchtype');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nosuchtype/);
    expect(r.stderr).toMatch(/known types:.*MachineConfig.*Service/);
  });

  // graphviz's PNG: the 8-byte signature, so the graph was valid dot and rendered.
  const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('inspect dependencies draws the controller graph, which dot renders as a PNG', async () => {
    const r = await talosctl('inspect', 'dependencies');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^digraph {2}\{\n/);
    expect(r.stdout).toMatch(/label="config\.MachineTypeController",shape="box"/);
    expect(r.stdout).toMatch(/label="MachineConfigs\.config\.talos\.dev",shape="note"/);
    const png = execFileSync('dot', ['-Tpng'], { input: r.stdout });
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
  });

  it('inspect dependencies --with-resources draws the live resources', async () => {
    const r = await talosctl('inspect', 'dependencies', '--with-resources');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('label="config/MachineConfigs.config.talos.dev/v1alpha1"');
    expect(r.stdout).toContain('label="config/MachineTypes.config.talos.dev/machine-type"');
    const png = execFileSync('dot', ['-Tpng'], { input: r.stdout });
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
  });
});

async function waitFor(test: () => boolean, watch: { output: string; stderr: string }): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!test()) {
    if (Date.now() > deadline)
      throw new Error(`watch output did not show it:\n${watch.output}\n${watch.stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
