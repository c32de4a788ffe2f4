import { setTimeout as delay } from 'node:timers/promises';
import { ShimGroupGate } from './shim-group-gate';

describe('ShimGroupGate', () => {
  it('creates the first task alone, then the others together', async () => {
    const gate = new ShimGroupGate();
    const order: string[] = [];
    const task = (id: string, ms: number) => async () => {
      order.push(`start ${id}`);
      await delay(ms);
      order.push(`end ${id}`);
      return id;
    };
    const created = await Promise.all([
      gate.run(task('apid', 30)),
      gate.run(task('trustd', 10)),
      gate.run(task('routerd', 10)),
    ]);
    expect(created).toEqual(['apid', 'trustd', 'routerd']);
    expect(order.slice(0, 2)).toEqual(['start apid', 'end apid']);
    expect(order.slice(2, 4)).toEqual(['start trustd', 'start routerd']);
  });

  it('lets the others go ahead when the first task fails', async () => {
    const gate = new ShimGroupGate();
    const failed = gate.run(() => Promise.reject(new Error('no shim')));
    const next = gate.run(async () => 'udevd');
    await expect(failed).rejects.toThrow('no shim');
    await expect(next).resolves.toBe('udevd');
  });
});
