import { setTimeout as delay } from 'node:timers/promises';
import { SerialGate, ShimGroupGate } from './task-gates';

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

describe('SerialGate', () => {
  it('creates one task at a time, in the order they ask, past a failure', async () => {
    const gate = new SerialGate();
    const order: string[] = [];
    const task =
      (id: string, ms: number, fail = false) =>
      async () => {
        order.push(`start ${id}`);
        await delay(ms);
        order.push(`end ${id}`);
        if (fail) throw new Error(`${id} failed`);
        return id;
      };
    const trustd = gate.run(task('trustd', 20, true));
    const apid = gate.run(task('apid', 5));
    const routerd = gate.run(task('routerd', 5));
    await expect(trustd).rejects.toThrow('trustd failed');
    await expect(Promise.all([apid, routerd])).resolves.toEqual(['apid', 'routerd']);
    expect(order).toEqual([
      'start trustd',
      'end trustd',
      'start apid',
      'end apid',
      'start routerd',
      'end routerd',
    ]);
  });
});
