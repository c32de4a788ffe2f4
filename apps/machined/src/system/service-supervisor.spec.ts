import * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import * as fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVICE_EVENTS_KEPT } from '@talos/constants';
import { eventually, messages, nodeScript } from '../util/test-helpers';
import { grpcHealthCheck } from './grpc-health';
import { InProcessRunner } from './in-process-runner';
import { LogBuffer } from './log-buffer';
import { ProcessRunner } from './process-runner';
import { RestartingRunner } from './restarting-runner';
import type { ServiceRunner } from './runner';
import { ServiceNotFoundError, ServiceOperationError, type ServiceDefinition } from './service';
import { ServiceSupervisor } from './service-supervisor';
import { ServiceState } from './service-state';
import type { ServiceStateChange } from './supervised-service';

const FAST_HEALTH = { initialDelayMs: 10, periodMs: 50, timeoutMs: 300 };
const FAST_BACKOFF = { initialMs: 100, maxMs: 400, stableMs: 60_000 };
const SLEEPER = "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000);";

function processService(id: string, code: string, extra: Partial<ServiceDefinition> = {}): ServiceDefinition {
  const log = extra.log ?? new LogBuffer(4096);
  return {
    id,
    log,
    runner: () =>
      new RestartingRunner(new ProcessRunner({ args: nodeScript(code), log, graceMs: 2000 }), {
        backoff: FAST_BACKOFF,
      }),
    ...extra,
  };
}

function pidOf(svc: { events(): { msg: string }[] }): number {
  const started = svc.events().filter((e) => /started with PID/.test(e.msg));
  const m = /PID (\d+)/.exec(started[started.length - 1]?.msg ?? '');
  if (!m) throw new Error('not started yet');
  return Number(m[1]);
}

describe('ServiceSupervisor', () => {
  let sup: ServiceSupervisor;
  let changes: ServiceStateChange[];

  beforeEach(() => {
    changes = [];
    sup = new ServiceSupervisor();
    sup.subscribe((c) => changes.push(c));
  });

  afterEach(async () => {
    await sup.shutdown();
  });

  it('starts a service only after its dependencies are up', async () => {
    let aHealthy = false;
    sup.load(
      {
        id: 'a',
        runner: () => new InProcessRunner('a'),
        health: {
          check: async () => {
            if (!aHealthy) throw new Error('not yet');
          },
          settings: FAST_HEALTH,
        },
      },
      processService('b', SLEEPER, { dependsOn: ['a'] }),
    );
    sup.startAll();
    const a = sup.get('a');
    const b = sup.get('b');

    await eventually(() => expect(messages(a)).toContain('Health check failed: not yet'));
    expect(b.state).toBe(ServiceState.Waiting);
    expect(messages(b)).toEqual(['Waiting for service "a" to be "up"']);

    aHealthy = true;
    await eventually(() => expect(b.state).toBe(ServiceState.Running));
    const healthyAt = a
      .events()
      .find((e) => e.msg === 'Health check successful')!
      .ts.getTime();
    const preparedAt = b
      .events()
      .find((e) => e.state === ServiceState.Preparing)!
      .ts.getTime();
    expect(preparedAt).toBeGreaterThanOrEqual(healthyAt);
    expect(messages(b)).toEqual([
      'Waiting for service "a" to be "up"',
      'Running pre state',
      'Creating service runner',
      expect.stringMatching(/^Process Process\(\[".*node" "-e" .*\]\) started with PID \d+$/),
    ]);
  });

  it('restarts a killed process forever, with back-off, and reports it', async () => {
    sup.load(processService('crashy', SLEEPER));
    sup.start('crashy');
    const svc = sup.get('crashy');
    const first = await eventually(() => pidOf(svc));
    process.kill(first, 'SIGKILL');

    await eventually(() => expect(pidOf(svc)).not.toBe(first));
    const second = pidOf(svc);
    const restartEvent = svc.events().find((e) => e.msg.startsWith('Error running'))!;
    expect(restartEvent.state).toBe(ServiceState.Waiting);
    expect(restartEvent.msg).toMatch(
      /^Error running Process\(\[.*\]\), going to restart forever: signal: killed$/,
    );
    expect(svc.state).toBe(ServiceState.Running);

    // The second crash waits longer than the first (exponential back-off).
    process.kill(second, 'SIGKILL');
    await eventually(() => expect(pidOf(svc)).not.toBe(second));
    const ts = svc.events().map((e) => ({ ...e, t: e.ts.getTime() }));
    const gaps: number[] = [];
    for (let i = 0; i < ts.length; i++) {
      if (ts[i]!.msg.startsWith('Error running')) {
        const restarted = ts.slice(i).find((e) => /started with PID/.test(e.msg))!;
        gaps.push(restarted.t - ts[i]!.t);
      }
    }
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
    // The event bus heard the same story.
    expect(changes.filter((c) => c.service === 'crashy' && c.msg.startsWith('Error running'))).toHaveLength(
      2,
    );
  });

  it('shows health as unknown, not failed, after a restart until the next check', async () => {
    // The check answers only when the test opens the gate, so "before the first check" lasts.
    let open: () => void = () => undefined;
    let gate = new Promise<void>((r) => (open = r));
    const closeGate = (): void => void (gate = new Promise<void>((r) => (open = r)));
    sup.load(
      processService('checked', SLEEPER, {
        health: {
          check: () => gate,
          settings: { initialDelayMs: 10, periodMs: 60_000, timeoutMs: 60_000 },
        },
      }),
    );
    sup.start('checked');
    const svc = sup.get('checked');
    await eventually(() => expect(svc.state).toBe(ServiceState.Running));
    expect(svc.health.get().healthy).toBeUndefined();
    open();
    await eventually(() => expect(svc.health.get().healthy).toBe(true));

    // Restart through the API (a reboot in dev mode does the same): a new run, health unknown.
    closeGate();
    const first = pidOf(svc);
    await sup.apiRestart('checked');
    await eventually(() => expect(pidOf(svc)).not.toBe(first));
    expect(svc.state).toBe(ServiceState.Running);
    expect(svc.health.get().healthy).toBeUndefined();
    expect(svc.isUp()).toBe(false);
    open();
    await eventually(() => expect(svc.health.get().healthy).toBe(true));

    // A crash and an automatic restart: unknown again once the process is back.
    const second = pidOf(svc);
    process.kill(second, 'SIGKILL');
    await eventually(() => expect(pidOf(svc)).not.toBe(second));
    expect(svc.state).toBe(ServiceState.Running);
    expect(svc.health.get().healthy).toBeUndefined();
  });

  it('reports a process that exits with an error status', async () => {
    sup.load(processService('fails', 'process.exit(3)'));
    sup.start('fails');
    const svc = sup.get('fails');
    await eventually(() =>
      expect(messages(svc)).toContainEqual(expect.stringMatching(/going to restart forever: exit status 3$/)),
    );
  });

  it('captures stdout and stderr into the service log', async () => {
    const log = new LogBuffer(4096);
    sup.load(
      processService('talker', "console.log('to stdout'); console.error('to stderr'); " + SLEEPER, { log }),
    );
    sup.start('talker');
    await eventually(() => {
      const text = log.tail().toString();
      expect(text).toContain('to stdout\n');
      expect(text).toContain('to stderr\n');
    });
  });

  it('stops with SIGTERM, then SIGKILL when the grace period runs out', async () => {
    const log = new LogBuffer(4096);
    sup.load({
      id: 'stubborn',
      log,
      runner: () =>
        new ProcessRunner({
          args: nodeScript(
            "process.on('SIGTERM', () => console.log('ignoring SIGTERM')); setInterval(() => {}, 1000);",
          ),
          log,
          graceMs: 300,
        }),
    });
    sup.start('stubborn');
    const svc = sup.get('stubborn');
    await eventually(() => pidOf(svc));
    // Let the child install its SIGTERM handler.
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    await sup.stop('stubborn');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(messages(svc).slice(-3)).toEqual([
      expect.stringMatching(/^Sending SIGTERM to Process/),
      expect.stringMatching(/^Sending SIGKILL to Process/),
      'Service finished successfully',
    ]);
    expect(svc.state).toBe(ServiceState.Finished);
    expect(svc.running).toBe(false);
    expect(log.tail().toString()).toContain('ignoring SIGTERM');
  });

  it('keeps only the last 64 events of a service', async () => {
    const chatty: ServiceRunner = {
      async run(sink) {
        for (let i = 0; i < 100; i++) sink(ServiceState.Running, `event ${i}`);
      },
      toString: () => 'Chatty()',
    };
    sup.load({ id: 'chatty', runner: () => chatty });
    sup.start('chatty');
    const svc = sup.get('chatty');
    await eventually(() => expect(svc.state).toBe(ServiceState.Finished));
    const events = svc.events();
    expect(events).toHaveLength(SERVICE_EVENTS_KEPT);
    expect(events[events.length - 1]!.msg).toBe('Service finished successfully');
    // 2 preparing events + 100 + the final one; the oldest 39 are gone.
    expect(events[0]!.msg).toBe(`event ${100 + 1 - SERVICE_EVENTS_KEPT}`);
  });

  it('marks a service without a runner Skipped, which counts as up', async () => {
    sup.load(
      { id: 'nothing', runner: () => null },
      processService('after', SLEEPER, { dependsOn: ['nothing'] }),
    );
    sup.startAll();
    await eventually(() => expect(sup.get('after').state).toBe(ServiceState.Running));
    expect(sup.get('nothing').state).toBe(ServiceState.Skipped);
    expect(messages(sup.get('nothing'))).toContain('Service skipped');
  });

  it('stops services in reverse dependency order', async () => {
    sup.load(
      processService('base', SLEEPER),
      processService('middle', SLEEPER, { dependsOn: ['base'] }),
      processService('top', SLEEPER, { dependsOn: ['middle'] }),
    );
    sup.startAll();
    await eventually(() => expect(sup.list().every((s) => s.state === ServiceState.Running)).toBe(true));
    changes.length = 0;
    await sup.shutdown();
    const finished = changes.filter((c) => c.state === ServiceState.Finished).map((c) => c.service);
    expect(finished).toEqual(['top', 'middle', 'base']);
  });

  it('tells a later subscriber what happened before it, in order, then what follows', async () => {
    sup.load(processService('early', SLEEPER));
    sup.start('early');
    await eventually(() => expect(sup.get('early').state).toBe(ServiceState.Running));
    const heard: ServiceStateChange[] = [];
    const unsubscribe = sup.subscribe((c) => heard.push(c));
    expect(heard.map((c) => c.msg)).toEqual(messages(sup.get('early')));
    expect(heard.every((c) => c.service === 'early')).toBe(true);
    await sup.stop('early');
    expect(heard[heard.length - 1]?.state).toBe(ServiceState.Finished);
    unsubscribe();
    const count = heard.length;
    sup.start('early');
    await eventually(() => expect(sup.get('early').state).toBe(ServiceState.Running));
    expect(heard).toHaveLength(count);
  });

  it('answers the service API: not found, refused, start, stop, restart', async () => {
    sup.load(
      { id: 'machined', runner: () => new InProcessRunner('machined'), api: { stop: false, restart: false } },
      processService('svc', SLEEPER),
    );
    await expect(sup.apiStart('nope')).rejects.toThrow(ServiceNotFoundError);
    await expect(sup.apiStop('nope')).rejects.toThrow('service "nope" not found');

    sup.startAll();
    await eventually(() => expect(sup.get('svc').state).toBe(ServiceState.Running));
    await expect(sup.apiStop('machined')).rejects.toThrow(ServiceOperationError);
    await expect(sup.apiRestart('machined')).rejects.toThrow(
      'service "machined" doesn\'t support restart operation via API',
    );

    const before = pidOf(sup.get('svc'));
    await sup.apiRestart('svc');
    await eventually(() => expect(pidOf(sup.get('svc'))).not.toBe(before));
    await sup.apiStop('svc');
    expect(sup.get('svc').state).toBe(ServiceState.Finished);
    await sup.apiStart('svc');
    await eventually(() => expect(sup.get('svc').state).toBe(ServiceState.Running));
  });
});

describe('gRPC health checks', () => {
  let dir: string;
  let server: grpc.Server;
  let health: HealthImplementation;
  let socket: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'machined-health-'));
    socket = path.join(dir, 'daemon.sock');
    server = new grpc.Server();
    health = new HealthImplementation({ '': 'SERVING' });
    health.addToServer(server);
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix:${socket}`, grpc.ServerCredentials.createInsecure(), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  });

  afterAll(async () => {
    server.forceShutdown();
    await rm(dir, { recursive: true, force: true });
  });

  it('follows OK and Fail of a real health server', async () => {
    const sup = new ServiceSupervisor();
    sup.load({
      id: 'daemon',
      runner: () => new InProcessRunner('daemon'),
      health: { check: grpcHealthCheck(socket), settings: FAST_HEALTH },
    });
    sup.start('daemon');
    const svc = sup.get('daemon');
    expect(svc.health.get().healthy).toBeUndefined();
    await eventually(() => expect(svc.health.get().healthy).toBe(true));
    expect(svc.isUp()).toBe(true);
    expect(messages(svc)).toContain('Health check successful');

    health.setStatus('', 'NOT_SERVING');
    await eventually(() => expect(svc.health.get().healthy).toBe(false));
    expect(svc.isUp()).toBe(false);
    expect(messages(svc)).toContain('Health check failed: serving status NOT_SERVING');
    expect(svc.health.get().lastChange).toBeInstanceOf(Date);

    health.setStatus('', 'SERVING');
    await eventually(() => expect(svc.health.get().healthy).toBe(true));
    await sup.shutdown();
  });

  it('fails when nothing listens on the socket, or the path is no socket', async () => {
    const missing = path.join(dir, 'missing.sock');
    await expect(grpcHealthCheck(missing)(AbortSignal.timeout(2000))).rejects.toThrow(
      `dial unix ${missing}: connect: no such file or directory`,
    );
    const file = path.join(dir, 'file.sock');
    fs.writeFileSync(file, '');
    await expect(grpcHealthCheck(file)(AbortSignal.timeout(2000))).rejects.toThrow(
      `dial unix ${file}: not a socket`,
    );
  });
});
