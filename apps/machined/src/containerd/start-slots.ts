// How many system containers start at once, and in which order. Under software emulation a node
// has little CPU, and every Node process spends seconds of it before it serves: started all at
// once, the daemons all come up late, apid with them. A few slots, handed out in priority order
// (apid's path first: apid, routerd; then trustd), let those come up first. The first wave goes
// further: while one of its services waits for a slot or holds one, nothing outside it starts, so
// that the others' starts do not take CPU from the wave's last. A daemon holds its slot until it
// is first healthy, or until a bound passes: a worker's apid may wait minutes for a control
// plane, and must not hold the others back that long.

export interface StartSlotsOptions {
  slots: number;
  /** Service ids, first served first; ids not listed come after them, in the order they ask. */
  priority: readonly string[];
  /** Ids that start before any other: the rest wait while one of these waits or holds a slot. */
  firstWave?: readonly string[];
  /** The longest a start holds its slot. */
  holdMs: number;
}

interface Waiter {
  id: string;
  rank: number;
  grant: () => void;
}

export class StartSlots {
  private free: number;
  private readonly waiting: Waiter[] = [];
  /** First-wave ids holding a slot. */
  private readonly holdingFirst = new Set<string>();

  constructor(private readonly opts: StartSlotsOptions) {
    this.free = opts.slots;
  }

  /**
   * Resolves once `id` may start, with the function that gives its slot back (idempotent; called
   * by itself after holdMs). Rejects if `signal` aborts first.
   */
  acquire(id: string, signal: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new Error(`${id}: start cancelled while waiting for a start slot`));
      };
      const waiter: Waiter = {
        id,
        rank: this.rank(id),
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          resolve(this.hold(id));
        },
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
      // Stable: equal ranks keep their arrival order.
      this.waiting.sort((a, b) => a.rank - b.rank);
      // Let every service that asks in this turn of the event loop queue before the first grant.
      queueMicrotask(() => setImmediate(() => this.dispatch()));
    });
  }

  /** Ids waiting for a slot, in the order they will get one. */
  queued(): string[] {
    return this.waiting.map((w) => w.id);
  }

  private rank(id: string): number {
    const i = this.opts.priority.indexOf(id);
    return i < 0 ? this.opts.priority.length : i;
  }

  private isFirst(id: string): boolean {
    return this.opts.firstWave?.includes(id) ?? false;
  }

  private hold(id: string): () => void {
    this.free--;
    if (this.isFirst(id)) this.holdingFirst.add(id);
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      clearTimeout(timer);
      this.free++;
      this.holdingFirst.delete(id);
      this.dispatch();
    };
    const timer = setTimeout(release, this.opts.holdMs);
    timer.unref();
    return release;
  }

  private dispatch(): void {
    while (this.free > 0) {
      const firstWaveBusy = this.holdingFirst.size > 0 || this.waiting.some((w) => this.isFirst(w.id));
      const i = this.waiting.findIndex((w) => !firstWaveBusy || this.isFirst(w.id));
      if (i < 0) return;
      this.waiting.splice(i, 1)[0]!.grant();
    }
  }
}
