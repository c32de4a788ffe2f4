import { silentLogger } from '@talos/log';
import { describeStartup, parsePort, runDaemon, startupTiming, type DaemonProcess } from './index';

class FakeProcess implements DaemonProcess {
  exits: number[] = [];
  handlers = new Map<string, () => void>();
  exit(code: number): void {
    this.exits.push(code);
  }
  once(signal: string, listener: () => void): void {
    this.handlers.set(signal, listener);
  }
}

const settle = () => new Promise((r) => setImmediate(r));

describe('runDaemon', () => {
  it('exits 1 when start fails, without waiting for signals', async () => {
    const proc = new FakeProcess();
    await runDaemon('x', () => Promise.reject(new Error('boom')), { logger: silentLogger(), proc });
    expect(proc.exits).toEqual([1]);
  });

  it('exits 0 at once on a signal during the start (in a container it is PID 1: unhandled, a signal is ignored)', async () => {
    const proc = new FakeProcess();
    let finishStart!: () => void;
    let stops = 0;
    const running = runDaemon(
      'x',
      () =>
        new Promise((resolve) => {
          finishStart = () => resolve({ stop: async () => void stops++ });
        }),
      { logger: silentLogger(), proc },
    );
    await settle();
    proc.handlers.get('SIGTERM')!();
    expect(proc.exits).toEqual([0]);
    finishStart();
    await running;
    proc.handlers.get('SIGINT')!();
    await settle();
    expect(proc.exits).toEqual([0]);
    expect(stops).toBe(0);
  });

  it('stops once on SIGTERM/SIGINT and exits 0', async () => {
    const proc = new FakeProcess();
    let stops = 0;
    await runDaemon('x', async () => ({ stop: async () => void stops++ }), { logger: silentLogger(), proc });
    expect(proc.exits).toEqual([]);
    proc.handlers.get('SIGTERM')!();
    proc.handlers.get('SIGINT')!();
    await settle();
    expect(stops).toBe(1);
    expect(proc.exits).toEqual([0]);
  });

  it('exits 1 when stopping fails', async () => {
    const proc = new FakeProcess();
    await runDaemon('x', async () => ({ stop: () => Promise.reject(new Error('stuck')) }), {
      logger: silentLogger(),
      proc,
    });
    proc.handlers.get('SIGTERM')!();
    await settle();
    expect(proc.exits).toEqual([1]);
  });
});

describe('parsePort', () => {
  it('accepts ports and refuses anything else', () => {
    expect(parsePort('50000')).toBe(50000);
    expect(() => parsePort('65536')).toThrow('"65536" is not a TCP port');
    expect(() => parsePort('abc')).toThrow('is not a TCP port');
  });
});

describe('startup timing', () => {
  it('splits the start at bootstrap and at the bundle-loaded mark', () => {
    const t = startupTiming({ loaded: 1000.4, started: 1500.2 });
    expect(t.bundleMs + t.nodeMs).toBe(1000);
    expect(t.startMs).toBe(500);
    expect(t.cpuMs).toBeGreaterThan(0);
    expect(describeStartup({ nodeMs: 90, bundleMs: 240, startMs: 480, cpuMs: 600 })).toBe(
      'started in 810 ms (node 90 ms, bundle 240 ms, start 480 ms; 600 ms CPU)',
    );
  });

  it('is logged once the daemon serves', async () => {
    const lines: string[] = [];
    const { createLogger } = await import('@talos/log');
    const { Writable } = await import('node:stream');
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await runDaemon('x', async () => ({ stop: async () => undefined }), {
      logger: createLogger({ name: 'x', destination }),
      proc: new FakeProcess(),
    });
    const started = lines.map((l) => JSON.parse(l)).find((l) => l.startup);
    expect(started.msg).toMatch(
      /^started in \d+ ms \(node \d+ ms, bundle \d+ ms, start \d+ ms; \d+ ms CPU\)$/,
    );
  });
});
