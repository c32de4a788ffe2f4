// What a system container's task creation goes through before containerd is asked for it.
//
// ShimGroupGate: the system containers share one runc shim (SYSTEM_CONTAINERS_SHIM_GROUP).
// A group's shim is started by its first task: two tasks created at the same moment both find no
// shim and start one each, and the second takes the group's socket path over from the first. So
// tasks are created one at a time until one creation succeeds (the shim runs); after that the
// others go ahead together and join it.
//
// OrderedGate: the first wave's tasks are created one at a time, in SYSTEM_START_FIRST_WAVE's order
// (apid, routerd) whichever asks first: under emulation three creations at once (each a
// shim and runc, Go binaries read from the squashfs for the first time) all finish late, while one
// at a time, apid first, lets apid's Node start, the longest on its own path, begin seconds
// earlier. The order of asking is no guide: it is the order in which the containers' creation
// happened to finish.

export interface TaskGate {
  /** Runs `createTask`, the creation of daemon `id`'s task, when the gate lets it. */
  run<T>(id: string, createTask: () => Promise<T>): Promise<T>;
}

export class ShimGroupGate implements TaskGate {
  private shimUp = false;
  /** Settles when the last creation queued before the shim was up has settled. */
  private queue: Promise<void> = Promise.resolve();

  /** Runs `createTask`: alone while no creation has succeeded yet, at once after one has. */
  async run<T>(_id: string, createTask: () => Promise<T>): Promise<T> {
    if (this.shimUp) return createTask();
    const previous = this.queue;
    let settled!: () => void;
    this.queue = new Promise<void>((resolve) => (settled = resolve));
    await previous;
    if (this.shimUp) {
      settled();
      return createTask();
    }
    try {
      const created = await createTask();
      this.shimUp = true;
      return created;
    } finally {
      settled();
    }
  }
}

export class OrderedGate implements TaskGate {
  private busy = false;
  /** The members that have asked at least once. */
  private readonly seen = new Set<string>();
  /** Set assembleMs after the first member asked: from then on nobody waits for a missing member. */
  private assembled = false;
  private assembleTimer: NodeJS.Timeout | undefined;
  private readonly waiting: { id: string; go: () => void }[] = [];

  /**
   * @param members the daemons that go through the gate, in the order their tasks are created
   * @param assembleMs how long a member waits for the members before it that have not asked yet:
   *   one whose container cannot be made must not hold the others back for long
   */
  constructor(
    private readonly members: readonly string[],
    private readonly assembleMs: number,
  ) {}

  /** Runs `createTask` when no other creation runs and no member before `id` is waiting or due. */
  async run<T>(id: string, createTask: () => Promise<T>): Promise<T> {
    await new Promise<void>((go) => {
      this.seen.add(id);
      this.waiting.push({ id, go });
      this.assembleTimer ??= setTimeout(() => {
        this.assembled = true;
        this.dispatch();
      }, this.assembleMs).unref();
      this.dispatch();
    });
    try {
      return await createTask();
    } finally {
      this.busy = false;
      this.dispatch();
    }
  }

  private rank(id: string): number {
    const i = this.members.indexOf(id);
    return i < 0 ? this.members.length : i;
  }

  private dispatch(): void {
    if (this.busy || this.waiting.length === 0) return;
    let next = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      if (this.rank(this.waiting[i]!.id) < this.rank(this.waiting[next]!.id)) next = i;
    }
    const due = this.members.slice(0, this.rank(this.waiting[next]!.id)).some((m) => !this.seen.has(m));
    if (due && !this.assembled) return; // the timer or the missing member's arrival dispatches again
    const [turn] = this.waiting.splice(next, 1);
    this.busy = true;
    turn!.go();
  }
}

/** Goes through `outer`, then `inner`: both gates' rules hold. */
export function chainGates(outer: TaskGate, inner: TaskGate): TaskGate {
  return { run: (id, createTask) => outer.run(id, () => inner.run(id, createTask)) };
}
