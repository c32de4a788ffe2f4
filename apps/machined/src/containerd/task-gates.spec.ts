import { setTimeout as delay } from 'node:timers/promises';
import { OrderedGate, ShimGroupGate, chainGates } from './task-gates';

/** Task creations that take `ms` (and fail if told), and the order they started and ended in. */
function recorder() {
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
  return { order, task };
}

describe('ShimGroupGate', () => {
  it('creates the first task alone, then the others together', async () => {
    const gate = new ShimGroupGate();
    const { order, task } = recorder();
    const created = await Promise.all([
      gate.run('apid', task('apid', 30)),
      gate.run('trustd', task('trustd', 10)),
      gate.run('routerd', task('routerd', 10)),
    ]);
    expect(created).toEqual(['apid', 'trustd', 'routerd']);
    expect(order.slice(0, 2)).toEqual(['start apid', 'end apid']);
    expect(order.slice(2, 4)).toEqual(['start trustd', 'start routerd']);
  });

  it('creates the next task alone when the first fails, and the rest together after a success', async () => {
    const gate = new ShimGroupGate();
    const { order, task } = recorder();
    const failed = gate.run('networkd', task('networkd', 10, true));
    const rest = Promise.all([
      gate.run('udevd', task('udevd', 20)),
      gate.run('timed', task('timed', 10)),
      gate.run('apid', task('apid', 10)),
    ]);
    await expect(failed).rejects.toThrow('networkd failed');
    await expect(rest).resolves.toEqual(['udevd', 'timed', 'apid']);
    expect(order).toEqual([
      'start networkd',
      'end networkd',
      'start udevd',
      'end udevd',
      'start timed',
      'start apid',
      'end timed',
      'end apid',
    ]);
  });
});

describe('OrderedGate', () => {
  it("creates one task at a time in the members' order, whoever asks first, past a failure", async () => {
    const gate = new OrderedGate(['trustd', 'apid', 'routerd'], 10_000);
    const { order, task } = recorder();
    const routerd = gate.run('routerd', task('routerd', 5));
    await delay(20);
    const apid = gate.run('apid', task('apid', 5));
    const trustd = gate.run('trustd', task('trustd', 20, true));
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

  it('lets the first member go at once, without waiting for the others to ask', async () => {
    const gate = new OrderedGate(['trustd', 'apid', 'routerd'], 10_000);
    const { order, task } = recorder();
    const asked = Date.now();
    await expect(gate.run('trustd', task('trustd', 1))).resolves.toBe('trustd');
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(order).toEqual(['start trustd', 'end trustd']);
  });

  it('waits for a member that never asks only assembleMs, then goes on in order', async () => {
    const gate = new OrderedGate(['trustd', 'apid', 'routerd'], 50);
    const { order, task } = recorder();
    const asked = Date.now();
    const created = await Promise.all([
      gate.run('routerd', task('routerd', 1)),
      gate.run('apid', task('apid', 1)),
    ]);
    expect(created).toEqual(['routerd', 'apid']);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(45);
    expect(order).toEqual(['start apid', 'end apid', 'start routerd', 'end routerd']);
    // After assembleMs, a late member goes at once.
    const late = Date.now();
    await expect(gate.run('trustd', task('trustd', 1))).resolves.toBe('trustd');
    expect(Date.now() - late).toBeLessThan(45);
  });
});

describe('chainGates', () => {
  it('keeps the first wave in order and the shim group waiting for its first task', async () => {
    const shim = new ShimGroupGate();
    const firstWave = chainGates(new OrderedGate(['trustd', 'apid'], 10_000), shim);
    const order: string[] = [];
    const task = (id: string) => async () => {
      order.push(`start ${id}`);
      await delay(10);
      order.push(`end ${id}`);
      return id;
    };
    const created = await Promise.all([
      firstWave.run('apid', task('apid')),
      shim.run('networkd', task('networkd')),
      firstWave.run('trustd', task('trustd')),
    ]);
    expect(created).toEqual(['apid', 'networkd', 'trustd']);
    // networkd asked first, so its task starts the group's shim, alone; then trustd before apid.
    expect(order).toEqual([
      'start networkd',
      'end networkd',
      'start trustd',
      'end trustd',
      'start apid',
      'end apid',
    ]);
  });
});
