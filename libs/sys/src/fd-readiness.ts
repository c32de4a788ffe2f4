// A non-blocking socket fd read without blocking the event loop: receive what is queued
// (recvfrom with MSG_DONTWAIT), else wait for readability through koffi's libuv poll handle and try
// again. Shared by the netlink and packet sockets, which differ only in what they decode.
import koffi from 'koffi';
import { SyscallError } from './errno';
import { MSG_DONTWAIT, MSG_TRUNC, close, recvfrom } from './syscalls';

interface PollHandle {
  start(opts: { readable?: boolean }, cb: (status: number) => void): void;
  stop(): void;
  close(): void;
}

export class NonBlockingFd {
  private poll: PollHandle | undefined;
  /** Rejects the wait in progress, so close() never leaves a promise hanging. */
  private cancelWait: ((err: Error) => void) | undefined;
  private closed = false;

  /** `what` names the fd in errors ("netlink socket"). */
  constructor(
    readonly fd: number,
    private readonly what: string,
  ) {}

  assertOpen(): void {
    if (this.closed) throw new Error(`${this.what} is closed`);
  }

  /**
   * A queued datagram into `buf`: its length (larger than `buf` when truncated) and the sender's
   * raw sockaddr; undefined when nothing is queued.
   */
  tryRecvfrom(buf: Buffer, addrSize?: number): { length: number; from: Buffer } | undefined {
    try {
      return recvfrom(this.fd, buf, MSG_DONTWAIT | MSG_TRUNC, addrSize);
    } catch (err) {
      if (SyscallError.is(err, 'EAGAIN')) return undefined;
      throw err;
    }
  }

  /** Calls `attempt` until it gives something, waiting for readability in between. */
  async receive<T>(attempt: () => T | undefined, signal?: AbortSignal): Promise<T> {
    for (;;) {
      this.assertOpen();
      const got = attempt();
      if (got !== undefined) return got;
      await this.readable(signal);
    }
  }

  /** Ends a wait in progress (it rejects), releases the poll handle and closes the fd. Once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelWait?.(new Error(`${this.what} is closed`));
    this.poll?.close();
    this.poll = undefined;
    close(this.fd);
  }

  private readable(signal?: AbortSignal): Promise<void> {
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
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('aborted');
}
