// A push-based queue read as an async iterable: the bridge between callback sources (log lines,
// events) and gRPC follow streams. Reading ends when the queue is closed or the signal aborts,
// and `onEnd` runs exactly once so sources can drop their listener (no leaked followers).

export interface AsyncQueueOptions {
  signal?: AbortSignal;
  onEnd?: () => void;
}

export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiter: (() => void) | undefined;
  private closed = false;
  private released = false;
  private readonly onAbort = (): void => {
    this.items.length = 0;
    this.close();
  };

  constructor(private readonly opts: AsyncQueueOptions = {}) {
    if (opts.signal?.aborted) this.closed = true;
    else opts.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  push(item: T): void {
    if (this.closed) return;
    this.items.push(item);
    this.wake();
  }

  /** No more items: readers drain what is queued, then stop. */
  close(): void {
    this.closed = true;
    this.release();
    this.wake();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    try {
      for (;;) {
        const item = this.items.shift();
        if (item !== undefined) {
          yield item;
          continue;
        }
        if (this.closed) return;
        await new Promise<void>((resolve) => (this.waiter = resolve));
      }
    } finally {
      this.closed = true;
      this.items.length = 0;
      this.release();
    }
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    this.opts.onEnd?.();
  }
}
