import fc from 'fast-check';
import { decodeReply, encodeRequest, ntpToUnixMs, offsetAndDelay, writeNtpTimestamp } from './ntp-packet';

describe('NTP packets', () => {
  it('encodes a version 4 client request with the transmit timestamp', () => {
    const req = encodeRequest(Date.UTC(2021, 0, 1));
    expect(req.length).toBe(48);
    expect(req[0]).toBe(0x23);
    // 2021-01-01T00:00:00Z is 3818448000 s after 1900 (1609459200 + 2208988800).
    expect(req.readUInt32BE(40)).toBe(3_818_448_000);
    expect(req.readUInt32BE(44)).toBe(0);
  });

  it('round-trips timestamps to well under a microsecond, across the 2036 era change', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: Date.UTC(2100, 0, 1), noNaN: true }), (ms) => {
        const b = Buffer.alloc(8);
        writeNtpTimestamp(b, 0, ms);
        expect(Math.abs(ntpToUnixMs(b, 0) - ms)).toBeLessThan(0.001);
      }),
    );
  });

  it('decodes the fields of a chronyd reply', () => {
    const reply = decodeReply(
      Buffer.from(
        '240800e600000000000000007f7f0101eeaf9a82a53c51dd0001e24000000000eeaf9a83e02e19dfeeaf9a83e03ce538',
        'hex',
      ),
    );
    expect(reply).toMatchObject({
      leap: 0,
      version: 4,
      mode: 4,
      stratum: 8,
      refId: '127.127.1.1',
      transmitIsZero: false,
    });
    expect(reply.precision).toBe(-26);
    expect(() => decodeReply(Buffer.alloc(47))).toThrow('short reply (47 bytes)');
  });

  it('computes offset and delay from the four timestamps', () => {
    // Server 5 s ahead, 10 ms each way, 1 ms of processing.
    expect(offsetAndDelay(1000, 6010, 6011, 1021)).toEqual({ offsetMs: 5000, delayMs: 20 });
  });
});
