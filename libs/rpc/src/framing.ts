// gRPC length-prefixed framing: every message is a 5-byte prefix (compressed flag, u32 BE length)
// followed by the payload. The proxies look at frame boundaries only, never at payloads.
import { GRPC_MAX_MESSAGE_BYTES } from '@talos/constants';
import { RpcError, Status } from './errors';

export const FRAME_HEADER_BYTES = 5;

export interface Frame {
  compressed: boolean;
  payload: Buffer;
}

export interface FrameLimits {
  /** Largest payload accepted; GRPC_MAX_MESSAGE_BYTES by default. */
  maxMessageBytes?: number;
  /** True when the stream declared a grpc-encoding, so a compressed flag is legitimate. */
  compressionAllowed?: boolean;
}

/** One frame: prefix + payload, in a single buffer. */
export function encodeFrame(payload: Uint8Array, compressed = false): Buffer {
  const out = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.byteLength);
  out[0] = compressed ? 1 : 0;
  out.writeUInt32BE(payload.byteLength, 1);
  out.set(payload, FRAME_HEADER_BYTES);
  return out;
}

/**
 * Follows frame boundaries across arbitrary chunking and rejects malformed input. The base class
 * keeps no payload bytes (a scanner for pass-through validation); FrameDecoder collects them.
 */
export class FrameScanner {
  private readonly maxMessageBytes: number;
  private readonly compressionAllowed: boolean;
  private readonly header = Buffer.alloc(FRAME_HEADER_BYTES);
  private headerFill = 0;
  /** Payload bytes still expected for the current frame; -1 while reading a prefix. */
  private remaining = -1;
  private compressed = false;
  private expected = 0;
  private frames = 0;

  constructor(limits: FrameLimits = {}) {
    this.maxMessageBytes = limits.maxMessageBytes ?? GRPC_MAX_MESSAGE_BYTES;
    this.compressionAllowed = limits.compressionAllowed ?? false;
  }

  /** Complete frames seen so far. */
  get count(): number {
    return this.frames;
  }

  /** Feeds one chunk; throws RpcError on a malformed prefix. */
  scan(chunk: Buffer): void {
    let off = 0;
    while (off < chunk.length) {
      if (this.remaining < 0) {
        const take = Math.min(FRAME_HEADER_BYTES - this.headerFill, chunk.length - off);
        chunk.copy(this.header, this.headerFill, off, off + take);
        this.headerFill += take;
        off += take;
        if (this.headerFill < FRAME_HEADER_BYTES) return;
        this.startFrame();
        if (this.remaining === 0) this.completeFrame();
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - off);
      this.payloadPart(chunk, off, off + take);
      this.remaining -= take;
      off += take;
      if (this.remaining === 0) this.completeFrame();
    }
  }

  /** Call at end of stream: throws when it stopped inside a frame. */
  end(): void {
    if (this.remaining >= 0) {
      throw new RpcError(
        Status.INTERNAL,
        `malformed grpc frame: stream ended ${this.remaining} bytes short of a ${this.expected} byte message`,
      );
    }
    if (this.headerFill > 0) {
      throw new RpcError(
        Status.INTERNAL,
        `malformed grpc frame: stream ended inside a frame prefix (${this.headerFill} of 5 bytes)`,
      );
    }
  }

  private startFrame(): void {
    const flag = this.header[0]!;
    const length = this.header.readUInt32BE(1);
    this.headerFill = 0;
    if (flag > 1) {
      throw new RpcError(Status.INTERNAL, `malformed grpc frame: invalid compressed flag ${flag}`);
    }
    if (flag === 1 && !this.compressionAllowed) {
      throw new RpcError(
        Status.INTERNAL,
        'malformed grpc frame: compressed flag set but no grpc-encoding was declared',
      );
    }
    if (length > this.maxMessageBytes) {
      throw new RpcError(
        Status.RESOURCE_EXHAUSTED,
        `malformed grpc frame: message of ${length} bytes exceeds the limit of ${this.maxMessageBytes} bytes`,
      );
    }
    this.compressed = flag === 1;
    this.expected = length;
    this.remaining = length;
    this.frameStarted(length);
  }

  private completeFrame(): void {
    this.remaining = -1;
    this.frames++;
    this.frameCompleted(this.compressed);
  }

  /* Hooks for FrameDecoder. */
  protected frameStarted(_length: number): void {}
  protected payloadPart(_chunk: Buffer, _start: number, _end: number): void {}
  protected frameCompleted(_compressed: boolean): void {}
}

/** Yields whole messages from a chunked byte stream. A message inside one chunk is not copied. */
export class FrameDecoder extends FrameScanner {
  private parts: Buffer[] = [];
  private out: Frame[] = [];

  /** Feeds one chunk and returns the frames it completed (throws RpcError on malformed input). */
  push(chunk: Buffer): Frame[] {
    this.scan(chunk);
    const done = this.out;
    this.out = [];
    return done;
  }

  protected override frameStarted(): void {
    this.parts = [];
  }

  protected override payloadPart(chunk: Buffer, start: number, end: number): void {
    this.parts.push(chunk.subarray(start, end));
  }

  protected override frameCompleted(compressed: boolean): void {
    const payload = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.out.push({ compressed, payload });
  }
}
