// The system containers share one runc shim (SYSTEM_CONTAINERS_SHIM_GROUP). The shim of a group
// is started by the group's first task: two tasks created at the same moment both find no shim and
// start one each, and the second takes the group's socket path over from the first. So the first
// task is created alone; the others wait for it, then go ahead together and join its shim.

export class ShimGroupGate {
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
