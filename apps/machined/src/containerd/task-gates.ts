// What a system container's task creation goes through before containerd is asked for it.
//
// ShimGroupGate: the daemons after the first wave share one runc shim (SYSTEM_CONTAINERS_SHIM_GROUP).
// A group's shim is started by its first task: two tasks created at the same moment both find no
// shim and start one each, and the second takes the group's socket path over from the first. So
// the first task is created alone; the others wait for it, then go ahead together and join it.
//
// SerialGate: the first wave's tasks are created one at a time, in the order they ask (trustd,
// apid, routerd): under emulation three creations at once (each a shim and runc, Go binaries read
// from the squashfs for the first time) all finish late, while one at a time lets trustd's Node
// start, the longest on apid's path, begin seconds earlier.

export interface TaskGate {
  run<T>(createTask: () => Promise<T>): Promise<T>;
}

export class ShimGroupGate implements TaskGate {
  private first: Promise<unknown> | undefined;

  /** Runs `createTask`: at once for the first caller, after the first one settles for the rest. */
  async run<T>(createTask: () => Promise<T>): Promise<T> {
    if (!this.first) {
      const created = createTask();
      this.first = created;
      return created;
    }
    await this.first.catch(() => undefined);
    return createTask();
  }
}

export class SerialGate implements TaskGate {
  private last: Promise<unknown> = Promise.resolve();

  /** Runs `createTask` once every creation that asked before it has settled. */
  run<T>(createTask: () => Promise<T>): Promise<T> {
    const turn = this.last.catch(() => undefined).then(createTask);
    this.last = turn;
    return turn;
  }
}
