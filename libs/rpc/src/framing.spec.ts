import fc from 'fast-check';
import { Status } from './errors';
import { encodeFrame, FrameDecoder, FrameScanner } from './framing';

function splitAt(buf: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  out.push(buf.subarray(prev));
  return out;
}

describe('gRPC framing', () => {
  it('encodes a 5-byte prefix with the big-endian length', () => {
    const frame = encodeFrame(Buffer.from('abc'));
    expect([...frame]).toEqual([0, 0, 0, 0, 3, 97, 98, 99]);
  });

  it('decodes any sequence of messages however the bytes are chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }),
        fc.array(fc.nat(3000)),
        (messages, cuts) => {
          const wire = Buffer.concat(messages.map((m) => encodeFrame(m)));
          const decoder = new FrameDecoder();
          const out = splitAt(wire, cuts).flatMap((chunk) => decoder.push(chunk));
          decoder.end();
          expect(out.map((f) => Buffer.from(f.payload))).toEqual(messages.map((m) => Buffer.from(m)));
          expect(decoder.count).toBe(messages.length);
        },
      ),
    );
  });

  it('does not copy a message that arrives in one chunk', () => {
    const chunk = encodeFrame(Buffer.from('hello'));
    const [frame] = new FrameDecoder().push(chunk);
    expect(frame!.payload.buffer).toBe(chunk.buffer);
  });

  it('rejects a compressed flag when no grpc-encoding was declared', () => {
    const frame = encodeFrame(Buffer.from('x'), true);
    expect(() => new FrameScanner().scan(frame)).toThrow(/compressed flag set but no grpc-encoding/);
    expect(() => new FrameScanner({ compressionAllowed: true }).scan(frame)).not.toThrow();
  });

  it('rejects an invalid flag byte', () => {
    expect(() => new FrameScanner().scan(Buffer.from([7, 0, 0, 0, 0]))).toThrow(/invalid compressed flag 7/);
  });

  it('rejects a length over the limit before reading the payload', () => {
    const scanner = new FrameScanner({ maxMessageBytes: 10 });
    try {
      scanner.scan(Buffer.from([0, 0, 0, 0, 11]));
      throw new Error('accepted');
    } catch (err) {
      expect((err as { code: number }).code).toBe(Status.RESOURCE_EXHAUSTED);
      expect((err as Error).message).toMatch(/11 bytes exceeds the limit of 10/);
    }
  });

  it('rejects a stream truncated inside a payload or a prefix', () => {
    const inPayload = new FrameScanner();
    inPayload.scan(encodeFrame(Buffer.from('hello')).subarray(0, 7));
    expect(() => inPayload.end()).toThrow(/ended 3 bytes short of a 5 byte message/);
    const inPrefix = new FrameScanner();
    inPrefix.scan(Buffer.from([0, 0]));
    expect(() => inPrefix.end()).toThrow(/inside a frame prefix/);
  });

  it('accepts empty messages', () => {
    const decoder = new FrameDecoder();
    const frames = decoder.push(Buffer.concat([encodeFrame(Buffer.alloc(0)), encodeFrame(Buffer.alloc(0))]));
    expect(frames).toHaveLength(2);
    expect(() => decoder.end()).not.toThrow();
  });
});
