// Two connected in-memory streams: what one side writes, the other reads. Lets a proxy reach a
// grpc-js server in the same process (its connection injector) without a socket file.
import { Duplex } from 'node:stream';

class PairedStream extends Duplex {
  peer: PairedStream | undefined;

  override _read(): void {}

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.peer && !this.peer.destroyed) this.peer.push(chunk);
    cb();
  }

  override _final(cb: (err?: Error | null) => void): void {
    if (this.peer && !this.peer.destroyed) this.peer.push(null);
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const peer = this.peer;
    this.peer = undefined;
    if (peer && !peer.destroyed) {
      peer.push(null);
      peer.destroy();
    }
    cb(err);
  }
}

export function duplexPair(): [Duplex, Duplex] {
  const a = new PairedStream();
  const b = new PairedStream();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
