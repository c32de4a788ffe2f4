import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { machine } from '@talos/api';
import type { NodePart } from '@talos/client';
import { runTalosctl } from '../program';
import type { GlobalOptions, TalosApi } from '../cli';
import { renderMemory } from './memory';
import { renderMounts } from './mounts';
import { processCommand, renderProcesses } from './processes';
import { renderInterfaces, renderRoutes } from './network';
import { renderServiceInfo, renderServiceList } from './service';
import { renderServerVersions } from './version';
import { eventRow } from './events';
import { renderContexts } from './config';

const meminfo = (total: number, free: number, cached: number, buffers: number) => ({
  meminfo: {
    memtotal: total * 1024,
    memfree: free * 1024,
    cached: cached * 1024,
    buffers: buffers * 1024,
    shmem: 137 * 1024,
    memavailable: 7042 * 1024,
  },
});

describe('renderers', () => {
  it('prints memory like the seed example (MB, NODE first, aligned)', () => {
    const out = renderMemory([
      { node: 'node01', message: meminfo(7938, 4071, 2945, 49) },
      { node: 'node02', message: meminfo(257844, 190796, 52589, 49) },
    ]);
    expect(out.split('\n')).toEqual([
      'NODE     TOTAL    USED    FREE     SHARED   BUFFERS   CACHE   AVAILABLE',
      'node01   7938     873     4071     137      49        2945    7042',
      'node02   257844   14410   190796   137      49        52589   7042',
      '',
    ]);
  });

  it('prints mounts in GB and skips filesystems without a size', () => {
    const out = renderMounts([
      {
        node: 'n1',
        message: {
          stats: [
            { filesystem: '/dev/sda6', size: 10e9, available: 7.5e9, mountedOn: '/var' },
            { filesystem: 'proc', size: 0, available: 0, mountedOn: '/proc' },
          ],
        },
      },
    ]);
    expect(out).toBe(
      'NODE   FILESYSTEM   SIZE(GB)   USED(GB)   AVAILABLE(GB)   PERCENT USED   MOUNTED ON\n' +
        'n1     /dev/sda6    10.00      2.50       7.50            25.00%         /var\n',
    );
  });

  it('sorts processes by resident memory and shows the executable path', () => {
    const out = renderProcesses([
      {
        node: 'n1',
        message: {
          processes: [
            {
              pid: 1,
              state: 'S',
              threads: 3,
              cpuTime: 1.5,
              virtualMemory: 1000,
              residentMemory: 100,
              executable: '/sbin/init',
              args: 'init --x',
              command: 'init',
            },
            {
              pid: 42,
              state: 'R',
              threads: 1,
              cpuTime: 0,
              virtualMemory: 5,
              residentMemory: 20_000_000,
              executable: '',
              command: 'kworker',
            },
          ],
        },
      },
    ]);
    expect(out.split('\n')).toEqual([
      'NODE  PID  STATE  THREADS  CPU-TIME  VIRTMEM  RESMEM  COMMAND',
      'n1    42   R      1        0.00      5 B      20 MB   kworker',
      'n1    1    S      3        1.50      1.0 kB   100 B   /sbin/init --x',
      '',
    ]);
    expect(processCommand({ executable: '/usr/bin/node', args: 'other arg' })).toBe('other arg');
  });

  it('prints one interface row per address and the routes', () => {
    expect(
      renderInterfaces([
        {
          node: 'n1',
          message: {
            interfaces: [
              { index: 1, name: 'lo', hardwareaddr: '', mtu: 65536, ipaddress: ['127.0.0.1/8', '::1/128'] },
              { index: 2, name: 'eth0', mtu: 1500 },
            ],
          },
        },
      ]),
    ).toBe(
      'NODE   INDEX   NAME   MAC   MTU     ADDRESS\nn1     1       lo           65536   127.0.0.1/8\nn1     1       lo           65536   ::1/128\n',
    );
    expect(
      renderRoutes([
        {
          node: 'n1',
          message: {
            routes: [{ interface: 'eth0', destination: '0.0.0.0/0', gateway: '10.5.0.1', metric: 1024 }],
          },
        },
      ]),
    ).toBe(
      'NODE   INTERFACE   DESTINATION   GATEWAY    METRIC\nn1     eth0        0.0.0.0/0     10.5.0.1   1024\n',
    );
  });

  it('prints services with health and the age of the last event', () => {
    const now = 1_000_000_000;
    const ts = (ago: number) => ({ seconds: (now - ago) / 1000, nanos: 0 });
    const parts: NodePart<machine.IServiceList>[] = [
      {
        node: '10.5.0.2',
        message: {
          services: [
            {
              id: 'apid',
              state: 'Running',
              health: { unknown: false, healthy: true, lastMessage: '' },
              events: {
                events: [
                  { msg: 'Starting service', state: 'Preparing', ts: ts(90_000) },
                  { msg: 'Health check successful', state: 'Running', ts: ts(65_000) },
                ],
              },
            },
            { id: 'udevd', state: 'Waiting', health: { unknown: true }, events: { events: [] } },
          ],
        },
      },
    ];
    expect(renderServiceList(parts, now).split('\n')).toEqual([
      'NODE       SERVICE   STATE     HEALTH   LAST CHANGE   LAST EVENT',
      '10.5.0.2   apid      Running   OK       1m5s ago      Health check successful',
      '10.5.0.2   udevd     Waiting   ?         ago          <none>',
      '',
    ]);
    expect(renderServiceInfo(parts, 'apid', now)?.split('\n')).toEqual([
      'NODE     10.5.0.2',
      'ID       apid',
      'STATE    Running',
      'HEALTH   OK',
      'EVENTS   [Running]: Health check successful (1m5s ago)',
      '         [Preparing]: Starting service (1m30s ago)',
      '',
    ]);
    expect(renderServiceInfo(parts, 'nope', now)).toBeUndefined();
  });

  it('prints a server version block per node', () => {
    const out = renderServerVersions([
      {
        node: '10.5.0.2',
        message: {
          version: { tag: 'v0.9.3', sha: 'abc', built: '', goVersion: 'go1.15', os: 'linux', arch: 'amd64' },
        },
      },
    ]);
    expect(out).toBe(
      '\tNODE:        10.5.0.2\n\tTag:         v0.9.3\n\tSHA:         abc\n\tBuilt:       \n\tGo version:  go1.15\n\tOS/Arch:     linux/amd64\n',
    );
  });

  it('decodes event payloads into SOURCE and MESSAGE', () => {
    const value = machine.ServiceStateEvent.encode({
      service: 'apid',
      action: machine.ServiceStateEvent.Action.RUNNING,
      message: 'Health check successful',
    }).finish();
    const data = {
      type_url: 'talos/runtime/machine.ServiceStateEvent',
      value,
    } as unknown as machine.IEvent['data'];
    expect(eventRow({ node: 'n1', message: { id: 'c0ff', data } })).toEqual([
      'n1',
      'c0ff',
      'talos/runtime/machine.ServiceStateEvent',
      'apid',
      'RUNNING: Health check successful',
    ]);
    const unknown = {
      type_url: 'talos/runtime/machine.Future',
      value: new Uint8Array(),
    } as unknown as machine.IEvent['data'];
    expect(eventRow({ node: 'n1', message: { id: 'x', data: unknown } })).toBeUndefined();
  });

  it('marks the current context and shortens long node lists', () => {
    expect(
      renderContexts({
        context: 'b',
        contexts: { b: { endpoints: ['e1', 'e2'], nodes: ['1', '2', '3', '4'] }, a: { endpoints: ['e'] } },
      }),
    ).toBe(
      'CURRENT   NAME   ENDPOINTS   NODES\n          a      e           \n*         b      e1,e2       1,2,3...\n',
    );
  });
});

/** A stand-in for the API client: fixed replies, one node of two failing. Named as the fake it is. */
class FakeTalosApi {
  closed = false;
  constructor(readonly nodes: readonly string[]) {}
  close(): void {
    this.closed = true;
  }
  async memory(): Promise<NodePart<machine.IMemory>[]> {
    return [
      { node: '10.5.0.2', message: meminfo(7938, 4071, 2945, 49) },
      {
        node: '10.5.0.3',
        error: 'rpc error: connection refused',
        message: { metadata: { hostname: '10.5.0.3', error: 'rpc error: connection refused' } },
      },
    ];
  }
  async version(): Promise<NodePart<machine.IVersion>[]> {
    return [{ node: '10.5.0.2', message: { version: { tag: 'v1' } } }];
  }
}

describe('talosctl exit codes', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talosctl-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const seen: GlobalOptions[] = [];
    let fake: FakeTalosApi | undefined;
    const code = await runTalosctl(['node', 'talosctl', ...args], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { HOME: dir, TALOSCONFIG: path.join(dir, 'talosconfig') },
      signal: new AbortController().signal,
      connect: (globals) => {
        seen.push(globals);
        fake = new FakeTalosApi(globals.nodes);
        return fake as unknown as TalosApi;
      },
    });
    return { code, stdout, stderr, seen, fake };
  }

  it('prints the nodes that answered, reports the failed one on stderr, and exits 1', async () => {
    const r = await run(['memory', '-n', '10.5.0.2', '--nodes', '10.5.0.3']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('10.5.0.2');
    expect(r.stdout).not.toContain('10.5.0.3');
    expect(r.stderr).toBe('10.5.0.3: error: rpc error: connection refused\n');
    expect(r.seen[0]?.nodes).toEqual(['10.5.0.2', '10.5.0.3']);
    expect(r.fake?.closed).toBe(true);
  });

  it('exits 0 when every node answered and collects comma-separated flags', async () => {
    const r = await run(['-e', '10.5.0.2,10.5.0.3', '-e', '10.5.0.4', 'version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Server:\n\tNODE:        10.5.0.2\n\tTag:         v1\n');
    expect(r.seen[0]?.endpoints).toEqual(['10.5.0.2', '10.5.0.3', '10.5.0.4']);
  });

  it('gen config: refuses bad arguments before any output or work', async () => {
    const out = path.join(dir, 'out');
    const bad = await run(['gen', 'config', 'demo', '10.5.0.2:6443', '-o', out]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(
      'error generating config: cluster.controlPlane.endpoint: "10.5.0.2:6443" must be an https URL\n',
    );
    expect(fs.existsSync(out)).toBe(false);

    const badName = await run(['gen', 'config', 'my demo', 'https://10.5.0.2:6443', '-o', out]);
    expect([badName.code, badName.stdout]).toEqual([1, '']);
    expect(badName.stderr).toContain('must not contain whitespace');

    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'join.yaml'), 'mine\n');
    const exists = await run(['gen', 'config', 'demo', 'https://10.5.0.2:6443', '-o', out]);
    expect([exists.code, exists.stdout]).toEqual([1, '']);
    expect(exists.stderr).toBe(
      `${path.join(out, 'join.yaml')}: file already exists, use --force to overwrite\n`,
    );
    expect(fs.readdirSync(out)).toEqual(['join.yaml']);
  });

  it('exits 1 with a message for a usage error', async () => {
    const r = await run(['service', 'apid', 'explode']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unsupported service action: "explode"');
  });
});
