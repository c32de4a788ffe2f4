// The 48-byte NTP packet of RFC 4330 (SNTPv4): what a client sends, and what it must check in a
// reply before trusting it. Times are milliseconds since the Unix epoch (fractions kept).

export const NTP_PACKET_BYTES = 48;
export const MODE_CLIENT = 3;
export const MODE_SERVER = 4;
export const MODE_BROADCAST = 5;
export const NTP_VERSION = 4;
/** Leap indicator 3: the server's clock is not synchronised. */
export const LEAP_ALARM = 3;

/** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
const NTP_UNIX_OFFSET_S = 2_208_988_800;
const TWO_32 = 2 ** 32;

/**
 * NTP timestamp (32.32 fixed point, seconds since 1900) to Unix milliseconds. Per RFC 4330 §3,
 * a value with the top bit clear is in era 1 (after 2036-02-07), so the format keeps working.
 */
export function ntpToUnixMs(buf: Buffer, offset: number): number {
  const sec = buf.readUInt32BE(offset);
  const frac = buf.readUInt32BE(offset + 4);
  const eraSec = sec & 0x80000000 ? sec : sec + TWO_32;
  return (eraSec - NTP_UNIX_OFFSET_S) * 1000 + (frac / TWO_32) * 1000;
}

/** Unix milliseconds to an NTP timestamp written at `offset`. */
export function writeNtpTimestamp(buf: Buffer, offset: number, unixMs: number): void {
  const totalSec = Math.floor(unixMs / 1000);
  const frac = Math.floor(((unixMs - totalSec * 1000) / 1000) * TWO_32);
  buf.writeUInt32BE((totalSec + NTP_UNIX_OFFSET_S) % TWO_32, offset);
  buf.writeUInt32BE(Math.min(frac, TWO_32 - 1), offset + 4);
}

/** A client request (mode 3) carrying `transmitMs` as its transmit timestamp. */
export function encodeRequest(transmitMs: number): Buffer {
  const buf = Buffer.alloc(NTP_PACKET_BYTES);
  buf.writeUInt8((0 << 6) | (NTP_VERSION << 3) | MODE_CLIENT, 0);
  writeNtpTimestamp(buf, 40, transmitMs);
  return buf;
}

export interface NtpReply {
  leap: number;
  version: number;
  mode: number;
  stratum: number;
  poll: number;
  precision: number;
  rootDelayMs: number;
  rootDispersionMs: number;
  /** Reference id: 4 ASCII characters for stratum 0/1 (the kiss code for stratum 0), else an address. */
  refId: string;
  /** The raw 8 bytes of the origin timestamp, compared byte for byte with what we sent. */
  origin: Buffer;
  receiveMs: number;
  transmitMs: number;
  transmitIsZero: boolean;
}

export function decodeReply(buf: Buffer): NtpReply {
  if (buf.length < NTP_PACKET_BYTES) throw new Error(`short reply (${buf.length} bytes)`);
  const b0 = buf.readUInt8(0);
  const stratum = buf.readUInt8(1);
  const refBytes = buf.subarray(12, 16);
  const refId = stratum <= 1 ? refBytes.toString('latin1').replace(/\0+$/, '') : [...refBytes].join('.');
  return {
    leap: b0 >> 6,
    version: (b0 >> 3) & 0x7,
    mode: b0 & 0x7,
    stratum,
    poll: buf.readInt8(2),
    precision: buf.readInt8(3),
    rootDelayMs: (buf.readInt32BE(4) / 65536) * 1000,
    rootDispersionMs: (buf.readUInt32BE(8) / 65536) * 1000,
    refId,
    origin: Buffer.from(buf.subarray(24, 32)),
    receiveMs: ntpToUnixMs(buf, 32),
    transmitMs: ntpToUnixMs(buf, 40),
    transmitIsZero: buf.readUInt32BE(40) === 0 && buf.readUInt32BE(44) === 0,
  };
}

/** Why a reply must not be used, or undefined when it is good (RFC 4330 §5). */
export function replyProblem(reply: NtpReply): string | undefined {
  if (reply.mode !== MODE_SERVER && reply.mode !== MODE_BROADCAST)
    return `unexpected mode ${reply.mode} in reply`;
  if (reply.stratum === 0) return `kiss-o'-death from server: ${reply.refId || 'no code'}`;
  if (reply.leap === LEAP_ALARM) return 'server clock is not synchronised (leap indicator 3)';
  if (reply.stratum > 15) return `server clock is not synchronised (stratum ${reply.stratum})`;
  if (reply.transmitIsZero) return 'server sent a zero transmit timestamp';
  return undefined;
}

/** Clock offset and round-trip delay from the four timestamps (RFC 4330 §5). */
export function offsetAndDelay(
  t1: number,
  t2: number,
  t3: number,
  t4: number,
): { offsetMs: number; delayMs: number } {
  return { offsetMs: (t2 - t1 + (t3 - t4)) / 2, delayMs: t4 - t1 - (t3 - t2) };
}
