import { setTimeout as delay } from 'node:timers/promises';
import { StartSlots } from './start-slots';

const never = new AbortController().signal;

describe('StartSlots', () => {
  it('hands slots out by priority to the services that ask together, the rest as slots come back', async () => {
    const slots = new StartSlots({ slots: 2, priority: ['apid', 'trustd', 'routerd'], holdMs: 60_000 });
    const granted: string[] = [];
    const releases = new Map<string, () => void>();
    // Table order, as the supervisor starts them: apid last.
    for (const id of ['udevd', 'routerd', 'networkd', 'trustd', 'apid']) {
      void slots.acquire(id, never).then((release) => {
        granted.push(id);
        releases.set(id, release);
      });
    }
    await delay(20);
    expect(granted).toEqual(['apid', 'trustd']);
    expect(slots.queued()).toEqual(['routerd', 'udevd', 'networkd']);

    releases.get('trustd')!();
    releases.get('trustd')!(); // twice: one slot back, not two
    await delay(20);
    expect(granted).toEqual(['apid', 'trustd', 'routerd']);
    releases.get('apid')!();
    await delay(20);
    // Unlisted ids keep the order they asked in.
    expect(granted).toEqual(['apid', 'trustd', 'routerd', 'udevd']);
  });

  it('takes a slot back by itself after holdMs', async () => {
    const slots = new StartSlots({ slots: 1, priority: [], holdMs: 30 });
    await slots.acquire('worker-apid', never);
    const next = slots.acquire('udevd', never);
    await delay(5);
    expect(slots.queued()).toEqual(['udevd']);
    await expect(next).resolves.toEqual(expect.any(Function));
  });

  it('drops a waiter whose start is cancelled', async () => {
    const slots = new StartSlots({ slots: 1, priority: [], holdMs: 60_000 });
    const release = await slots.acquire('a', never);
    const stop = new AbortController();
    const waiting = slots.acquire('b', stop.signal);
    stop.abort();
    await expect(waiting).rejects.toThrow(/b: start cancelled/);
    const c = slots.acquire('c', never);
    release();
    await expect(c).resolves.toEqual(expect.any(Function));
    expect(slots.queued()).toEqual([]);
  });
});
