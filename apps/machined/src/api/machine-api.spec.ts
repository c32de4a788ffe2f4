import * as grpc from '@grpc/grpc-js';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { clients, machine, unpackEvent, type MachineServiceClient } from '@talos/api';
import type { MachineConfig } from '@talos/config';
import { VERSION } from '@talos/constants';
import {
  ContainerdClient,
  bindReadOnly,
  purgeNamespace,
  removeCgroup,
  removeRuncState,
  startContainerd,
  systemContainerSpec,
  unbind,
} from '@talos/containerd';
import { silentLogger } from '@talos/log';
import { MachineNode } from '../node';
import { grpcHealthCheck } from '../system/grpc-health';
import { InProcessRunner } from '../system/in-process-runner';
import { LogBuffer } from '../system/log-buffer';
import { ProcessRunner } from '../system/process-runner';
import { RestartingRunner } from '../system/restarting-runner';
import { eventually, nodeScript } from '../util/test-helpers';

const FAST_HEALTH = { initialDelayMs: 10, periodMs: 100, timeoutMs: 500 };
const SLEEPER = "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000);";

// Only the fields machined reads; the rest of a machine config plays no part here.
const CONFIG = { machine: { type: 'join', network: { hostname: 'test-node' } } } as unknown as MachineConfig;

type Call<Req, Res> = (req: Req, cb: (err: grpc.ServiceError | null, res?: Res) => void) => unknown;

function unary<Req, Res>(client: MachineServiceClient, fn: Call<Req, Res>, req: Req): Promise<Res> {
  return new Promise((resolve, reject) =>
    fn.call(client, req, (err, res) => (err ? reject(err) : resolve(res as Res))),
  );
}

function collect<T>(stream: grpc.ClientReadableStream<T>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    stream.on('data', (m: T) => out.push(m));
    stream.on('error', reject);
    stream.on('end', () => resolve(out));
  });
}

describe('machine API', () => {
  let root: string;
  let outside: string;
  let node: MachineNode;
  let client: MachineServiceClient;
  let machinedLog: LogBuffer;
  let workerLog: LogBuffer;
  const shutdowns: number[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'machined-api-'));
    await mkdir(path.join(root, 'var', 'log'), { recursive: true });
    await writeFile(path.join(root, 'var', 'log', 'hello.txt'), 'hello from the node\n');
    // Links of the node: one that stays inside its root, two that lead out of it.
    outside = await mkdtemp(path.join(os.tmpdir(), 'machined-outside-'));
    await writeFile(path.join(outside, 'secret.txt'), 'host secret\n');
    await mkdir(path.join(root, 'links'));
    await symlink(path.join(root, 'var', 'log', 'hello.txt'), path.join(root, 'links', 'hello'));
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'links', 'secret'));
    await symlink(outside, path.join(root, 'links', 'out-dir'));
    machinedLog = new LogBuffer();
    workerLog = new LogBuffer();
    node = new MachineNode({
      root,
      address: '127.0.0.1',
      configPath: path.join(root, 'system', 'state', 'config.yaml'),
      config: CONFIG,
      bundleDir: root,
      machinedLog,
      logger: silentLogger(),
      kmsgPath: path.join(root, 'no-kmsg'),
      services: (n) => [
        {
          id: 'machined',
          runner: () => new InProcessRunner('machined'),
          health: { check: grpcHealthCheck(n.paths.socket('machined')), settings: FAST_HEALTH },
          api: { start: false, stop: false, restart: false },
          log: machinedLog,
        },
        {
          id: 'worker',
          dependsOn: ['machined'],
          log: workerLog,
          runner: () =>
            new RestartingRunner(new ProcessRunner({ args: nodeScript(SLEEPER), log: workerLog }), {
              backoff: { initialMs: 50, maxMs: 200, stableMs: 60_000 },
            }),
        },
      ],
      onShutdown: () => shutdowns.push(Date.now()),
    });
    await node.start();
    client = new clients.machine.MachineService(
      `unix:${node.paths.socket('machined')}`,
      grpc.credentials.createInsecure(),
    );
    await eventually(() => expect(node.supervisor.get('worker').state).toBe('Running'));
  });

  afterAll(async () => {
    client.close();
    await node.stop();
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  function workerPid(): number {
    const started = node.supervisor
      .get('worker')
      .events()
      .filter((e) => /PID \d+/.test(e.msg));
    return Number(/PID (\d+)/.exec(started[started.length - 1]!.msg)![1]);
  }

  it('answers Version and Hostname', async () => {
    const v = await unary(client, client.Version, {});
    expect(v.messages[0]!.version!.tag).toBe(VERSION);
    expect(v.messages[0]!.version!.goVersion).toBe(process.version);
    expect(v.messages[0]!.platform!.name).toBe('process');
    const h = await unary(client, client.Hostname, {});
    expect(h.messages[0]!.hostname).toBe('test-node');
  });

  it('answers Memory, LoadAvg, SystemStat and CPUInfo from /proc', async () => {
    const mem = await unary(client, client.Memory, {});
    expect(mem.messages[0]!.meminfo!.memtotal).toBeGreaterThan(0);
    expect(mem.messages[0]!.meminfo!.memfree).toBeLessThanOrEqual(mem.messages[0]!.meminfo!.memtotal!);
    const stat = await unary(client, client.SystemStat, {});
    expect(stat.messages[0]!.bootTime).toBeGreaterThan(0);
    expect(stat.messages[0]!.cpu!.length).toBe(os.cpus().length);
    const cpu = await unary(client, client.CPUInfo, {});
    expect(cpu.messages[0]!.cpuInfo!.length).toBe(os.cpus().length);
    const load = await unary(client, client.LoadAvg, {});
    expect(load.messages[0]!.load1).toBeGreaterThanOrEqual(0);
  });

  it('lists processes, this one and the supervised child included', async () => {
    const res = await unary(client, client.Processes, {});
    const procs = res.messages[0]!.processes!;
    const self = procs.find((p) => p.pid === process.pid);
    expect(self).toBeDefined();
    expect(self!.ppid).toBe(process.ppid);
    const child = procs.find((p) => p.pid === workerPid());
    expect(child?.args).toContain(SLEEPER);
    expect(child?.ppid).toBe(process.pid);
    expect(child?.residentMemory).toBeGreaterThan(0);
  });

  it('lists mounts with sizes', async () => {
    const res = await unary(client, client.Mounts, {});
    const rootMount = res.messages[0]!.stats!.find((s) => s.mountedOn === '/');
    expect(rootMount?.size).toBeGreaterThan(0);
  });

  it('lists services with state, events and health', async () => {
    await eventually(async () => {
      const res = await unary(client, client.ServiceList, {});
      const services = res.messages[0]!.services!;
      expect(services.map((s) => s.id)).toEqual(['machined', 'worker']);
      const machined = services[0]!;
      expect(machined.state).toBe('Running');
      expect(machined.health!.healthy).toBe(true);
      expect(machined.health!.unknown).toBe(false);
      expect(services[1]!.health!.unknown).toBe(true);
      expect(services[1]!.events!.events!.map((e) => e.msg)).toContain(
        'Waiting for service "machined" to be "up"',
      );
      expect(services[1]!.events!.events![0]!.ts!.seconds).toBeGreaterThan(0);
    });
  });

  it('refuses unknown services with NOT_FOUND, and machined stop with FAILED_PRECONDITION', async () => {
    await expect(unary(client, client.ServiceStart, { id: 'nope' })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: 'service "nope" not found',
    });
    await expect(unary(client, client.ServiceStop, { id: 'machined' })).rejects.toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
    });
  });

  it('restarts a service and the Events stream sees it', async () => {
    const events = client.Events({ tailEvents: -1 });
    const seen: machine.Event[] = [];
    events.on('data', (e: machine.Event) => seen.push(e));
    events.on('error', () => undefined);

    const before = workerPid();
    const res = await unary(client, client.ServiceRestart, { id: 'worker' });
    expect(res.messages[0]!.resp).toBe('Service "worker" restarted');
    await eventually(() => expect(workerPid()).not.toBe(before));

    const decoded = () => seen.map((e) => unpackEvent(e.data));
    await eventually(() => {
      const boot = decoded()
        .filter((p) => p?.type === 'machine.SequenceEvent')
        .map((p) => p!.event);
      expect(boot).toContainEqual(
        expect.objectContaining({ sequence: 'boot', action: machine.SequenceEvent.Action.STOP }),
      );
      const worker = decoded()
        .filter((p) => p?.type === 'machine.ServiceStateEvent')
        .map((p) => p!.event as machine.ServiceStateEvent)
        .filter((e) => e.service === 'worker');
      expect(worker.map((e) => e.message)).toContainEqual(expect.stringMatching(/^Sending SIGTERM/));
      expect(worker[worker.length - 1]!.action).toBe(machine.ServiceStateEvent.Action.RUNNING);
    });
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);

    // A crash shows up too.
    process.kill(workerPid(), 'SIGKILL');
    await eventually(() => {
      const messages = decoded()
        .filter((p) => p?.type === 'machine.ServiceStateEvent')
        .map((p) => (p!.event as machine.ServiceStateEvent).message);
      expect(messages).toContainEqual(expect.stringMatching(/going to restart forever: signal: killed$/));
    });

    events.cancel();
    await eventually(() => expect(node.bus.subscriberCount).toBe(0));
  });

  it('streams logs: tail, then follow until the client cancels', async () => {
    machinedLog.appendLine('first');
    machinedLog.appendLine('second');
    const stream = client.Logs({ id: 'machined', follow: true, tailLines: 1 });
    const chunks: string[] = [];
    stream.on('data', (d: { bytes: Uint8Array }) => chunks.push(Buffer.from(d.bytes).toString()));
    stream.on('error', () => undefined);
    await eventually(() => expect(chunks.join('')).toBe('second\n'));
    await eventually(() => expect(machinedLog.followerCount).toBe(1));
    machinedLog.appendLine('third');
    await eventually(() => expect(chunks.join('')).toBe('second\nthird\n'));
    stream.cancel();
    await eventually(() => expect(machinedLog.followerCount).toBe(0));
  });

  it('streams a tail of logs without follow, and NOT_FOUND for an unknown service', async () => {
    workerLog.appendLine('worker line 1');
    workerLog.appendLine('worker line 2');
    const data = await collect(client.Logs({ id: 'worker', tailLines: -1 }));
    expect(data.map((d) => Buffer.from(d.bytes).toString()).join('')).toContain(
      'worker line 1\nworker line 2\n',
    );
    await expect(collect(client.Logs({ id: 'nope', tailLines: -1 }))).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
    await expect(
      collect(client.Logs({ namespace: 'k8s.io', id: 'worker', tailLines: -1 })),
    ).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
    const system = await collect(client.Logs({ namespace: 'system', id: 'worker', tailLines: 1 }));
    expect(system.map((d) => Buffer.from(d.bytes!).toString()).join('')).toBe('worker line 2\n');
  });

  it('reads and lists files under the node root; a missing file is NOT_FOUND', async () => {
    const data = await collect(client.Read({ path: '/var/log/hello.txt' }));
    expect(data.map((d) => Buffer.from(d.bytes).toString()).join('')).toBe('hello from the node\n');
    await expect(collect(client.Read({ path: '/var/log/missing.txt' }))).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
    // ".." cannot leave the root.
    await expect(collect(client.Read({ path: '/../../etc/hostname-nope' }))).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
    const files = await collect(client.List({ root: '/var', recurse: true }));
    // Errors speak of the node's path, never of the host folder behind it.
    await expect(collect(client.Read({ path: '/etc/hostname' }))).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: 'error reading "/etc/hostname": no such file or directory',
    });
    await expect(collect(client.Read({ path: '/var/log' }))).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'error reading "/var/log": is a directory',
    });
    await expect(collect(client.List({ root: '/var/nope' }))).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: 'error listing "/var/nope": no such file or directory',
    });
    expect(files.map((f) => f.name)).toEqual(['/var', '/var/log', '/var/log/hello.txt']);
    const hello = files[2]!;
    expect(hello.size).toBe(20);
    expect(hello.relativeName).toBe('log/hello.txt');
    const dirsOnly = await collect(
      client.List({ root: '/', recurse: true, types: [machine.ListRequest.Type.DIRECTORY] }),
    );
    expect(dirsOnly.every((f) => f.isDir)).toBe(true);
  });

  it('follows links that stay inside the node root and refuses those that leave it', async () => {
    const hello = await collect(client.Read({ path: '/links/hello' }));
    expect(hello.map((d) => Buffer.from(d.bytes).toString()).join('')).toBe('hello from the node\n');

    const denied = {
      code: grpc.status.PERMISSION_DENIED,
      details: expect.not.stringContaining(outside),
    };
    await expect(collect(client.Read({ path: '/links/secret' }))).rejects.toMatchObject({
      ...denied,
      details: 'error reading "/links/secret": permission denied: the path leads outside the node',
    });
    await expect(collect(client.Read({ path: '/links/out-dir/secret.txt' }))).rejects.toMatchObject(denied);
    await expect(collect(client.List({ root: '/links/out-dir' }))).rejects.toMatchObject(denied);
    await expect(collect(client.List({ root: '/links/out-dir/', recurse: true }))).rejects.toMatchObject(
      denied,
    );

    // A listing shows links as links and never walks into them.
    const listed = await collect(client.List({ root: '/links', recurse: true }));
    expect(listed.map((f) => f.name)).toEqual(['/links', '/links/hello', '/links/out-dir', '/links/secret']);
    expect(listed.every((f) => !f.error)).toBe(true);
    expect(listed.find((f) => f.name === '/links/out-dir')!.isDir).toBe(false);
  });

  it('says why the kernel log cannot be read', async () => {
    await expect(collect(client.Dmesg({}))).rejects.toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
      details: expect.stringMatching(/^error reading kernel log: /),
    });
  });

  it('answers UNIMPLEMENTED naming the method', async () => {
    await expect(unary(client, client.Upgrade, {})).rejects.toMatchObject({
      code: grpc.status.UNIMPLEMENTED,
      details: expect.stringContaining('machine.MachineService/Upgrade'),
    });
  });

  it('serves the standard health service', async () => {
    await expect(
      grpcHealthCheck(node.paths.socket('machined'))(AbortSignal.timeout(2000)),
    ).resolves.toBeUndefined();
    await expect(
      grpcHealthCheck(node.paths.socket('machined'), 'machine.MachineService')(AbortSignal.timeout(2000)),
    ).resolves.toBeUndefined();
  });

  it('reboots: the services stop and boot again', async () => {
    const before = workerPid();
    const since = node.bus.recent().length;
    await unary(client, client.Reboot, {});
    await eventually(() => expect(workerPid()).not.toBe(before));
    await eventually(() => {
      const seq = node.bus
        .recent()
        .slice(since)
        .flatMap((e) => (e.payload.type === 'sequence' ? [`${e.payload.sequence}:${e.payload.action}`] : []));
      expect(seq).toEqual(['reboot:start', 'reboot:stop', 'boot:start', 'boot:stop']);
    });
    expect(node.supervisor.get('machined').state).toBe('Running');
  });

  it('answers Containers with UNAVAILABLE while containerd is not running (dev mode)', async () => {
    await expect(unary(client, client.Containers, {})).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
      details: `containerd is not running: ${node.paths.socket('containerd')}`,
    });
  });

  const describeRoot = process.getuid?.() === 0 ? describe : describe.skip;
  describeRoot('Containers with a real containerd (root)', () => {
    const namespace = `talos-api-${process.pid}`;
    let dir: string;
    let ctr: ContainerdClient | undefined;
    let stopContainerd: (() => Promise<void>) | undefined;
    let rootfs: string | undefined;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'machined-api-ctrd-'));
      const containerd = await startContainerd(dir, { socket: node.paths.socket('containerd') });
      stopContainerd = () => containerd.stop();
      ctr = new ContainerdClient({ socket: containerd.socket, namespace });
      rootfs = path.join(dir, 'rootfs');
      await mkdir(rootfs);
      bindReadOnly('/', rootfs);
      const spec = (id: string) =>
        systemContainerSpec({
          id,
          rootfs: rootfs!,
          args: [process.execPath, '-e', 'setInterval(() => {}, 1000)'],
          cgroupParent: `/${namespace}`,
        });
      await ctr.createContainer({ id: 'sleeper', spec: spec('sleeper'), image: 'talos/sleeper' });
      await ctr.createTask({ containerId: 'sleeper' });
      await ctr.startTask('sleeper');
      await ctr.createContainer({ id: 'idle', spec: spec('idle') });
    }, 30_000);

    afterAll(async () => {
      if (ctr) await purgeNamespace(ctr).catch(() => undefined);
      ctr?.close();
      await stopContainerd?.();
      if (rootfs) unbind(rootfs);
      await removeCgroup(namespace);
      await removeRuncState(namespace);
      await rm(dir, { recursive: true, force: true });
    }, 30_000);

    it('lists the containers of the namespace asked for, with their tasks', async () => {
      const res = await unary(client, client.Containers, { namespace });
      const task = await ctr!.getTask('sleeper');
      expect(res.messages[0]!.containers).toEqual([
        expect.objectContaining({ namespace, id: 'idle', image: '', pid: 0, status: 'UNKNOWN' }),
        expect.objectContaining({
          namespace,
          id: 'sleeper',
          image: 'talos/sleeper',
          pid: task.pid,
          status: 'RUNNING',
        }),
      ]);
    });

    it('lists the system namespace by default and k8s.io for the CRI driver', async () => {
      const sys = await unary(client, client.Containers, {});
      expect(sys.messages[0]!.containers ?? []).toEqual([]);
      const k8s = await unary(client, client.Containers, { driver: 1 });
      expect(k8s.messages[0]!.containers ?? []).toEqual([]);
    });
  });

  it('shuts down: services stop, then the shutdown hook runs', async () => {
    await unary(client, client.Shutdown, {});
    await eventually(() => expect(shutdowns).toHaveLength(1));
    expect(node.supervisor.get('worker').state).toBe('Finished');
  });
});
