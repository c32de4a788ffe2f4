// A container's stdout or stderr as a FIFO the runc shim writes and machined reads into the
// service's LogBuffer. Read through a non-blocking pipe handle, not fs streams: a blocking FIFO
// read would hold one of libuv's four threadpool threads per stream for the task's lifetime.
import { constants as fsc, closeSync, openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import { syscalls } from '@talos/sys';
import type { LineWriter } from '../system/log-buffer';

export class LogFifo {
  private keepalive: number | undefined;
  private readonly socket: net.Socket;
  private readonly ended: Promise<void>;

  private constructor(
    readonly path: string,
    fd: number,
    keepalive: number,
    writer: LineWriter,
  ) {
    this.keepalive = keepalive;
    this.socket = new net.Socket({ fd, readable: true, writable: false });
    this.socket.on('data', (chunk: Buffer) => writer.write(chunk));
    this.ended = new Promise((resolve) => {
      this.socket.once('close', () => {
        writer.end();
        resolve();
      });
      // A read error ends the log, not machined.
      this.socket.once('error', () => undefined);
    });
  }

  /** Makes the FIFO at `path` (replacing a stale one) and starts reading it into `writer`. */
  static async create(path: string, writer: LineWriter): Promise<LogFifo> {
    await rm(path, { force: true });
    syscalls.mkfifo(path, 0o600);
    // Opening the read end non-blocking succeeds with no writer yet; our own write end keeps the
    // reader from seeing end-of-file until the shim has opened its end.
    const fd = openSync(path, fsc.O_RDONLY | fsc.O_NONBLOCK);
    const keepalive = openSync(path, fsc.O_WRONLY | fsc.O_NONBLOCK);
    return new LogFifo(path, fd, keepalive, writer);
  }

  /** Call once the task exists (the shim holds the write end): EOF then means the task is done. */
  releaseKeepalive(): void {
    if (this.keepalive === undefined) return;
    closeSync(this.keepalive);
    this.keepalive = undefined;
  }

  /** Waits (at most `timeoutMs`) for the last output, then closes and removes the FIFO. */
  async close(timeoutMs: number): Promise<void> {
    this.releaseKeepalive();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.ended, new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    this.socket.destroy();
    await this.ended;
    await rm(this.path, { force: true });
  }
}
