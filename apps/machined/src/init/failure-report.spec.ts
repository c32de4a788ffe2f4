import { Writable } from 'node:stream';
import { createLogger } from '@talos/log';
import { MachineEventBus } from '../events/machine-event-bus';
import { LogBuffer } from '../system/log-buffer';
import { ServiceState } from '../system/service-state';
import { eventually } from '../util/test-helpers';
import { reportServiceFailures } from './failure-report';

describe('service failures on the console', () => {
  it('prints the tail of a failing service log once per distinct failure, again after a recovery', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      name: 'machined',
      destination: new Writable({
        write(chunk: Buffer, _enc, cb) {
          lines.push(chunk.toString());
          cb();
        },
      }),
    });
    const bus = new MachineEventBus();
    const log = new LogBuffer();
    log.writable().write('starting\nerror loading config: EACCES /system/state/config.yaml\n');
    const abort = new AbortController();
    reportServiceFailures({
      bus,
      logOf: (id) => (id === 'trustd' ? log : undefined),
      logger,
      signal: abort.signal,
    });
    await new Promise((r) => setImmediate(r));

    const failing = { healthy: false, lastMessage: 'health check timed out', lastChange: new Date() };
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
    bus.publish({ type: 'service', service: 'apid', state: ServiceState.Failed, msg: 'exit status 1' });
    await eventually(() => expect(lines).toHaveLength(1));
    expect(JSON.parse(lines[0]!)).toMatchObject({
      service: 'trustd',
      msg: expect.stringContaining('EACCES /system/state/config.yaml'),
    });

    bus.publish({
      type: 'service',
      service: 'trustd',
      state: ServiceState.Running,
      msg: 'ok',
      health: { ...failing, healthy: true },
    });
    bus.publish({
      type: 'service',
      service: 'trustd',
      state: ServiceState.Running,
      msg: 'Health check failed',
      health: failing,
    });
    await eventually(() => expect(lines).toHaveLength(2));
    abort.abort();
  });
});
