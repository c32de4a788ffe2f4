import { Writable } from 'node:stream';
import { createLogger } from '@talos/log';
import { MachineEventBus } from '../events/machine-event-bus';
import { LogBuffer } from '../system/log-buffer';
import { ServiceState } from '../system/service-state';
import { eventually } from '../util/test-helpers';
import { reportServiceFailures } from './failure-report';

function capture(): {
  lines: () => Array<{ service?: string; msg: string }>;
  logger: ReturnType<typeof createLogger>;
} {
  const raw: string[] = [];
  const logger = createLogger({
    name: 'machined',
    destination: new Writable({
      write(chunk: Buffer, _enc, cb) {
        raw.push(chunk.toString());
        cb();
      },
    }),
  });
  return { lines: () => raw.map((l) => JSON.parse(l) as { service?: string; msg: string }), logger };
}

describe('service failures on the console', () => {
  const failing = { healthy: false, lastMessage: 'health check timed out', lastChange: new Date() };

  it('reports a health check still failing after the grace period, with the log tail, once', async () => {
    const { lines, logger } = capture();
    const bus = new MachineEventBus();
    const log = new LogBuffer();
    log.writable().write('starting\nerror loading config: EACCES /system/state/config.yaml\n');
    const abort = new AbortController();
    reportServiceFailures({ bus, logOf: () => log, logger, signal: abort.signal, graceMs: 50 });
    await new Promise((r) => setImmediate(r));

    bus.publish({
      type: 'service',
      service: 'trustd',
      state: ServiceState.Running,
      msg: 'Health check failed',
      health: failing,
    });
    bus.publish({
      type: 'service',
      service: 'trustd',
      state: ServiceState.Running,
      msg: 'Health check failed',
      health: failing,
    });
    await eventually(() => expect(lines()).toHaveLength(1));
    expect(lines()[0]).toMatchObject({
      service: 'trustd',
      msg: expect.stringMatching(
        /health check failing for 0s: health check timed out; last lines[\s\S]*EACCES/,
      ),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(lines()).toHaveLength(1);
    abort.abort();
  });

  it('stays quiet about a service that becomes healthy within the grace period, and reports a failed run at once', async () => {
    const { lines, logger } = capture();
    const bus = new MachineEventBus();
    const abort = new AbortController();
    reportServiceFailures({ bus, logOf: () => undefined, logger, signal: abort.signal, graceMs: 100 });
    await new Promise((r) => setImmediate(r));
    bus.publish({ type: 'service', service: 'apid', state: ServiceState.Running, msg: 'x', health: failing });
    bus.publish({
      type: 'service',
      service: 'apid',
      state: ServiceState.Running,
      msg: 'ok',
      health: { ...failing, healthy: true },
    });
    bus.publish({ type: 'service', service: 'timed', state: ServiceState.Failed, msg: 'exit status 1' });
    await new Promise((r) => setTimeout(r, 200));
    expect(lines()).toEqual([
      expect.objectContaining({ service: 'timed', msg: 'exit status 1; last lines of its log:\n(empty)' }),
    ]);
    abort.abort();
  });
});
