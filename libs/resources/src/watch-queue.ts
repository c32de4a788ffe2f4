// One watcher's queue: the initial snapshot (unbounded: it was taken at once) and then live events,
// bounded so that a stuck consumer cannot hold unbounded memory. Past the bound the watcher is
// overrun: its next read throws, so a gap in its events can never go unnoticed.
import { ResourceError } from './errors';
import type { WatchEvent } from './state';

export class WatchQueue<S = unknown> implements AsyncIterable<WatchEvent<S>> {
  private readonly events: WatchEvent<S>[];
  /** How many events at the head of `events` are the initial snapshot (outside the bound). */
  private initialLeft: number;
  private overrun = false;
  private closed = false;
  private waiter: (() => void) | undefined;

  constructor(
    initial: WatchEvent<S>[],
    private readonly capacity: number,
    private readonly unsubscribe: () => void,
    signal?: AbortSignal,
  ) {
    this.events = [...initial];
    this.initialLeft = initial.length;
    if (signal?.aborted) this.close();
    else signal?.addEventListener('abort', () => this.close(), { once: true });
  }

  /** Called by the State, synchronously, in the order changes happen. */
  push(event: WatchEvent<S>): void {
    if (this.closed || this.overrun) return;
    if (this.events.length - this.initialLeft >= this.capacity) {
      this.overrun = true;
      this.events.length = 0;
      this.unsubscribe();
    } else {
      this.events.push(event);
    }
    this.wake();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.events.length = 0;
    this.unsubscribe();
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  private async next(): Promise<IteratorResult<WatchEvent<S>>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      if (this.overrun) {
        this.close();
        throw new ResourceError('overrun', `watcher fell behind by more than ${this.capacity} events`);
      }
      const event = this.events.shift();
      if (event) {
        if (this.initialLeft > 0) this.initialLeft--;
        return { done: false, value: event };
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent<S>> {
    return {
      next: () => this.next(),
      return: async () => {
        this.close();
        return { done: true, value: undefined };
      },
    };
  }
}
