// Waiting for a non-blocking fd to become readable without blocking the event loop: koffi's libuv
// poll handle, started per wait and stopped after it. Shared by the netlink and packet sockets.
import koffi from 'koffi';

interface PollHandle {
  start(opts: { readable?: boolean }, cb: (status: number) => void): void;
  stop(): void;
  close(): void;
}

export class FdReadiness {
  private poll: PollHandle | undefined;
  /** Rejects the wait in progress, so close() never leaves a promise hanging. */
  private cancelWait: ((err: Error) => void) | undefined;

  /** `what` names the fd in errors ("netlink socket"). */
  constructor(
    private readonly fd: number,
    private readonly what: string,
  ) {}

  /** Resolves once the fd is readable; rejects when `signal` aborts or close() is called. */
  readable(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const settle = (err?: Error): void => {
        this.cancelWait = undefined;
        this.poll?.stop();
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      const onAbort = (): void => settle(abortReason(signal));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.cancelWait = settle;
      const onEvent = (status: number): void =>
        settle(status < 0 ? new Error(`error polling ${this.what}: status ${status}`) : undefined);
      if (!this.poll) {
        this.poll = koffi.node.poll(this.fd, { readable: true }, onEvent as never) as unknown as PollHandle;
      } else {
        this.poll.start({ readable: true }, onEvent);
      }
    });
  }

  /** Ends a wait in progress (it rejects) and releases the poll handle; the fd is the caller's. */
  close(): void {
    this.cancelWait?.(new Error(`${this.what} is closed`));
    this.poll?.close();
    this.poll = undefined;
  }
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('aborted');
}
