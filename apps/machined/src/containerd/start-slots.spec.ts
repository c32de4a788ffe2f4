import { setTimeout as delay } from 'node:timers/promises';
import { StartSlots } from './start-slots';

const never = new AbortController().signal;

/** Every daemon asks for a slot in table order, as the supervisor starts them (apid last). */
function askInTableOrder(slots: StartSlots): { granted: string[]; releases: Map<string, () => void> } {
  const granted: string[] = [];
  const releases = new Map<string, () => void>();
  for (const id of ['udevd', 'routerd', 'networkd', 'trustd', 'apid']) {
    void slots.acquire(id, never).then((release) => {
      granted.push(id);
      releases.set(id, release);
    });
  }
  return { granted, releases };
}

describe('StartSlots', () => {
  it('hands slots out by priority to the services that ask together, the rest as slots come back', async () => {
    const slots = new StartSlots({ slots: 2, priority: ['apid', 'trustd', 'routerd'], holdMs: 60_000 });
    const { granted, releases } = askInTableOrder(slots);
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

describe('StartSlots first wave', () => {
  it('starts nothing outside the first wave while one of it waits or holds a slot', async () => {
    const slots = new StartSlots({
      slots: 3,
      priority: ['apid', 'trustd', 'routerd', 'networkd'],
      firstWave: ['apid', 'trustd', 'routerd'],
      holdMs: 60_000,
    });
    const { granted, releases } = askInTableOrder(slots);
    await delay(20);
    expect(granted).toEqual(['apid', 'trustd', 'routerd']);
    // routerd is healthy first: its slot is free, but apid and trustd still start.
    releases.get('routerd')!();
    releases.get('trustd')!();
    await delay(20);
    expect(granted).toEqual(['apid', 'trustd', 'routerd']);
    expect(slots.queued()).toEqual(['networkd', 'udevd']);
    releases.get('apid')!();
    await delay(20);
    expect(granted).toEqual(['apid', 'trustd', 'routerd', 'networkd', 'udevd']);
  });

  it('lets the rest start when the wave has nobody on this node (a worker has no trustd)', async () => {
    const slots = new StartSlots({ slots: 1, priority: [], firstWave: ['trustd'], holdMs: 60_000 });
    await expect(slots.acquire('udevd', never)).resolves.toEqual(expect.any(Function));
  });

  it('frees the rest when a first-wave start holds its slot past holdMs', async () => {
    const slots = new StartSlots({ slots: 2, priority: ['apid'], firstWave: ['apid'], holdMs: 40 });
    await slots.acquire('apid', never);
    const udevd = slots.acquire('udevd', never);
    await delay(10);
    expect(slots.queued()).toEqual(['udevd']);
    await expect(udevd).resolves.toEqual(expect.any(Function));
  });
});
