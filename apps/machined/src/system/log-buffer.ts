// A service's captured output: a ring of whole lines bounded in bytes, readable as a tail of N lines
// and followable (followers get each line as it is written). Lines are kept whole so that stdout and
// stderr of one process never interleave inside a line.
import { Writable } from 'node:stream';
import { SERVICE_LOG_BUFFER_BYTES } from '@talos/constants';
import { AsyncQueue } from '../util/async-queue';

const NEWLINE = 0x0a;
/** Tail chunks sent to a reader are joined up to this size, so a long tail is not one message per line. */
const TAIL_CHUNK_BYTES = 64 * 1024;

export type LineListener = (line: Buffer) => void;

export interface LogReadOptions {
  /** Lines of history to send first; negative or undefined: all that is kept; 0: none. */
  tailLines?: number;
  /** Keep sending lines written after the call, until `signal` aborts. */
  follow?: boolean;
  signal?: AbortSignal;
}

/** Splits one source's byte stream into lines; `end()` flushes a last line without newline. */
export interface LineWriter {
  write(chunk: Buffer | string): void;
  end(): void;
}

export class LogBuffer {
  private lines: Buffer[] = [];
  private head = 0;
  private bytes = 0;
  private readonly followers = new Set<LineListener>();

  constructor(private readonly capacity: number = SERVICE_LOG_BUFFER_BYTES) {}

  writer(): LineWriter {
    let pending: Buffer | undefined;
    return {
      write: (chunk) => {
        let data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        if (pending) {
          data = Buffer.concat([pending, data]);
          pending = undefined;
        }
        let start = 0;
        for (let nl = data.indexOf(NEWLINE, start); nl !== -1; nl = data.indexOf(NEWLINE, start)) {
          this.appendLine(data.subarray(start, nl + 1));
          start = nl + 1;
        }
        if (start < data.length) {
          const rest = Buffer.from(data.subarray(start));
          // A runaway line without newline is cut at capacity rather than held forever.
          if (rest.length >= this.capacity) this.appendLine(rest);
          else pending = rest;
        }
      },
      end: () => {
        if (pending) this.appendLine(pending);
        pending = undefined;
      },
    };
  }

  /** A Writable for in-process loggers (machined's own output). */
  writable(): Writable {
    const w = this.writer();
    return new Writable({
      write(chunk: Buffer, _enc, cb) {
        w.write(chunk);
        cb();
      },
      final(cb) {
        w.end();
        cb();
      },
    });
  }

  /** Appends one line (a newline is added when missing). */
  appendLine(line: Buffer | string): void {
    let data = typeof line === 'string' ? Buffer.from(line) : Buffer.from(line);
    if (data.length === 0 || data[data.length - 1] !== NEWLINE)
      data = Buffer.concat([data, Buffer.from('\n')]);
    if (data.length > this.capacity)
      data = Buffer.concat([data.subarray(0, this.capacity - 1), Buffer.from('\n')]);
    this.lines.push(data);
    this.bytes += data.length;
    while (this.bytes > this.capacity) this.dropOldest();
    for (const f of [...this.followers]) f(data);
  }

  /** The last `lines` lines (all kept when negative or undefined). */
  tail(lines?: number): Buffer {
    return Buffer.concat(this.tailLines(lines));
  }

  /** Calls `listener` with every line written from now on; returns the unsubscribe function. */
  follow(listener: LineListener): () => void {
    this.followers.add(listener);
    return () => this.followers.delete(listener);
  }

  /** Tail then (optionally) follow, as chunks; following ends when `signal` aborts. */
  read(opts: LogReadOptions = {}): AsyncIterable<Buffer> {
    let unfollow = (): void => {};
    const queue = new AsyncQueue<Buffer>({ signal: opts.signal, onEnd: () => unfollow() });
    for (const chunk of joinChunks(this.tailLines(opts.tailLines))) queue.push(chunk);
    if (!opts.follow) {
      queue.close();
      return queue;
    }
    unfollow = this.follow((line) => queue.push(line));
    if (queue.isClosed) unfollow();
    return queue;
  }

  get byteLength(): number {
    return this.bytes;
  }

  get lineCount(): number {
    return this.lines.length - this.head;
  }

  get followerCount(): number {
    return this.followers.size;
  }

  private tailLines(lines?: number): Buffer[] {
    const all = this.lines.slice(this.head);
    if (lines === undefined || lines < 0 || lines >= all.length) return all;
    return lines === 0 ? [] : all.slice(all.length - lines);
  }

  private dropOldest(): void {
    const line = this.lines[this.head];
    if (!line) return;
    this.bytes -= line.length;
    this.head++;
    // Compact now and then so the array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
  }
}

function joinChunks(lines: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  let batch: Buffer[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length > TAIL_CHUNK_BYTES && batch.length > 0) {
      out.push(Buffer.concat(batch));
      batch = [];
      size = 0;
    }
    batch.push(line);
    size += line.length;
  }
  if (batch.length > 0) out.push(Buffer.concat(batch));
  return out;
}
