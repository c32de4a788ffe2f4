// ContainerdRunner against a real containerd 1.6 + runc (needs root): containers run the host's
// node from a read-only bind of `/`, in a namespace and cgroup parent of their own.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  startContainerdFixture,
  systemContainerSpec,
  type ContainerdClient,
  type ContainerdFixture,
  type SystemContainerOptions,
} from '@talos/containerd';
import { LogBuffer } from '../system/log-buffer';
import { RestartingRunner } from '../system/restarting-runner';
import type { ServiceState } from '../system/service-state';
import { eventually } from '../util/test-helpers';
import { ContainerdRunner } from './containerd-runner';

const isRoot = process.getuid?.() === 0;
if (!isRoot)
  process.stderr.write('skipping ContainerdRunner tests: they need root (containerd, runc, mounts)\n');
const describeRoot = isRoot ? describe : describe.skip;

describeRoot('ContainerdRunner (real containerd)', () => {
  const namespace = `talos-runner-${process.pid}`;
  let fixture: ContainerdFixture | undefined;
  let dir: string;
  let rootfs: string;
  let client: ContainerdClient;

  beforeAll(async () => {
    fixture = await startContainerdFixture('ctrd-runner-', namespace);
    ({ dir, rootfs, client } = fixture);
  }, 30_000);

  afterAll(async () => {
    await fixture?.stop();
  }, 30_000);

  const events: [string, ServiceState, string][] = [];
  const sinkFor =
    (id: string) =>
    (state: ServiceState, msg: string): void => {
      events.push([id, state, msg]);
    };
  const messagesOf = (id: string): string[] => events.filter(([i]) => i === id).map(([, , m]) => m);

  function runner(
    id: string,
    code: string,
    log: LogBuffer,
    extra: Partial<SystemContainerOptions> = {},
  ): ContainerdRunner {
    return new ContainerdRunner({
      client,
      id,
      log,
      fifoDir: path.join(dir, 'fifo'),
      graceMs: 3000,
      spec: () =>
        systemContainerSpec({
          id,
          rootfs,
          args: [process.execPath, '-e', code],
          cgroupParent: `/${namespace}`,
          ...extra,
        }),
    });
  }

  it('runs the task, its stdout and stderr land in the log, exit 0 resolves, and it cleans up', async () => {
    const log = new LogBuffer();
    const r = runner('hello', 'console.log("one"); console.error("two"); console.log("three")', log);
    expect(String(r)).toBe(`Containerd(${namespace}/hello)`);
    await r.run(sinkFor('hello'), new AbortController().signal);
    const lines = log.tail().toString().split('\n').filter(Boolean).sort();
    expect(lines).toEqual(['one', 'three', 'two']);
    expect(messagesOf('hello')[0]).toMatch(/^Started task hello \(PID \d+\) for container hello$/);
    await expect(client.getContainer('hello')).rejects.toThrow('containerd: container "hello" not found');
  }, 30_000);

  it('rejects with the exit status of a failed task', async () => {
    const r = runner('fails', 'process.exit(3)', new LogBuffer());
    await expect(r.run(sinkFor('fails'), new AbortController().signal)).rejects.toThrow(
      'task exited with status 3',
    );
  }, 30_000);

  it('stops the task with SIGTERM on abort, then deletes task and container', async () => {
    const log = new LogBuffer();
    const r = runner(
      'graceful',
      'process.on("SIGTERM", () => { console.log("got SIGTERM"); process.exit(0); }); console.log("ready"); setInterval(() => {}, 1000);',
      log,
    );
    const ac = new AbortController();
    const done = r.run(sinkFor('graceful'), ac.signal);
    await eventually(() => expect(log.tail().toString()).toContain('ready'), 10_000);
    ac.abort();
    await done;
    expect(log.tail().toString()).toContain('got SIGTERM');
    expect(messagesOf('graceful')).toContain(`Sending SIGTERM to Containerd(${namespace}/graceful)`);
    expect(messagesOf('graceful')).not.toContain(`Sending SIGKILL to Containerd(${namespace}/graceful)`);
    await expect(client.getTask('graceful')).rejects.toThrow('not found');
    await expect(client.getContainer('graceful')).rejects.toThrow('not found');
  }, 30_000);

  it('removes a stale container of the same id first', async () => {
    await client.createContainer({
      id: 'stale',
      spec: systemContainerSpec({ id: 'stale', rootfs, args: ['/bin/true'] }),
    });
    const log = new LogBuffer();
    await runner('stale', 'console.log("fresh")', log).run(sinkFor('stale'), new AbortController().signal);
    expect(log.tail().toString()).toBe('fresh\n');
  }, 30_000);

  it('is restarted by RestartingRunner when the task is killed from outside', async () => {
    const log = new LogBuffer();
    const r = new RestartingRunner(runner('victim', 'console.log("up"); setInterval(() => {}, 1000);', log), {
      policy: 'forever',
      backoff: { initialMs: 50, maxMs: 100, stableMs: 60_000 },
    });
    const ac = new AbortController();
    const done = r.run(sinkFor('victim'), ac.signal);
    try {
      await eventually(
        () => expect(messagesOf('victim').filter((m) => m.startsWith('Started task'))).toHaveLength(1),
        10_000,
      );
      const first = await client.getTask('victim');
      await client.killTask('victim', 9);
      await eventually(
        () => expect(messagesOf('victim').filter((m) => m.startsWith('Started task'))).toHaveLength(2),
        15_000,
      );
      expect(messagesOf('victim')).toContain(
        `Error running Containerd(${namespace}/victim), going to restart forever: task exited with signal: killed`,
      );
      const second = await client.getTask('victim');
      expect(second.pid).not.toBe(first.pid);
      expect(second.status).toBe('RUNNING');
    } finally {
      ac.abort();
      await done;
    }
  }, 40_000);

  it('applies the capabilities and the memory limit of the spec', async () => {
    const log = new LogBuffer();
    const limit = 96 * 1024 * 1024;
    const r = runner(
      'caps',
      'console.log(require("fs").readFileSync("/proc/self/status", "utf8").match(/CapEff:\\s*(\\w+)/)[1]); setInterval(() => {}, 1000);',
      log,
      { capabilities: ['CAP_NET_ADMIN', 'CAP_SYS_TIME'], memoryLimitBytes: limit },
    );
    const ac = new AbortController();
    const done = r.run(sinkFor('caps'), ac.signal);
    try {
      await eventually(() => expect(log.tail().toString()).toMatch(/^[0-9a-f]{16}\n$/), 10_000);
      // CAP_NET_ADMIN is bit 12, CAP_SYS_TIME bit 25.
      expect(BigInt(`0x${log.tail().toString().trim()}`)).toBe((1n << 12n) | (1n << 25n));
      const memory = await readFile(`/sys/fs/cgroup/memory/${namespace}/caps/memory.limit_in_bytes`, 'utf8');
      expect(Number(memory)).toBe(limit);
    } finally {
      ac.abort();
      await done;
    }
  }, 30_000);
});
