// Netlink framing in pure TypeScript: nlmsghdr (16 bytes, host byte order: little-endian on the
// x86-64 and arm64 machines we target) followed by a payload,
// each message padded to 4 bytes; payloads carry rtattr lists (u16 length, u16 type, value,
// padded to 4). Parsing never trusts a length beyond the buffer it was given.

export const NLMSG_HDRLEN = 16;
export const RTA_HDRLEN = 4;

export const NLMSG_NOOP = 1;
export const NLMSG_ERROR = 2;
export const NLMSG_DONE = 3;
export const NLMSG_OVERRUN = 4;

export const NLM_F_REQUEST = 0x1;
export const NLM_F_MULTI = 0x2;
export const NLM_F_ACK = 0x4;
export const NLM_F_DUMP = 0x300;

/** Attribute type bits that are flags, not part of the type. */
const NLA_TYPE_MASK = 0x3fff;

export function align4(n: number): number {
  return (n + 3) & ~3;
}

export interface NetlinkMessage {
  type: number;
  flags: number;
  seq: number;
  pid: number;
  payload: Buffer;
}

export interface MessageHeader {
  type: number;
  flags: number;
  seq: number;
  pid?: number;
}

/** One netlink message: header + payload (padded). */
export function encodeMessage(header: MessageHeader, payload: Buffer): Buffer {
  const len = NLMSG_HDRLEN + payload.length;
  const buf = Buffer.alloc(align4(len));
  buf.writeUInt32LE(len, 0);
  buf.writeUInt16LE(header.type, 4);
  buf.writeUInt16LE(header.flags, 6);
  buf.writeUInt32LE(header.seq >>> 0, 8);
  buf.writeUInt32LE(header.pid ?? 0, 12);
  payload.copy(buf, NLMSG_HDRLEN);
  return buf;
}

/** Splits a datagram into its messages. */
export function parseMessages(buf: Buffer): NetlinkMessage[] {
  const out: NetlinkMessage[] = [];
  let off = 0;
  while (off + NLMSG_HDRLEN <= buf.length) {
    const len = buf.readUInt32LE(off);
    if (len < NLMSG_HDRLEN || off + len > buf.length) {
      throw new Error(`malformed netlink message: length ${len} at offset ${off} of ${buf.length}`);
    }
    out.push({
      type: buf.readUInt16LE(off + 4),
      flags: buf.readUInt16LE(off + 6),
      seq: buf.readUInt32LE(off + 8),
      pid: buf.readUInt32LE(off + 12),
      payload: buf.subarray(off + NLMSG_HDRLEN, off + len),
    });
    off += align4(len);
  }
  return out;
}

/** The (negative) errno of an NLMSG_ERROR payload; 0 is an acknowledgement. */
export function messageError(msg: NetlinkMessage): number {
  if (msg.payload.length < 4) throw new Error('malformed netlink error message');
  return -msg.payload.readInt32LE(0);
}

export interface Attribute {
  type: number;
  value: Buffer;
}

/** The rtattr list of `buf` from `offset` on. */
export function parseAttributes(buf: Buffer, offset = 0): Attribute[] {
  const out: Attribute[] = [];
  let off = offset;
  while (off + RTA_HDRLEN <= buf.length) {
    const len = buf.readUInt16LE(off);
    if (len < RTA_HDRLEN || off + len > buf.length) {
      throw new Error(`malformed netlink attribute: length ${len} at offset ${off} of ${buf.length}`);
    }
    out.push({
      type: buf.readUInt16LE(off + 2) & NLA_TYPE_MASK,
      value: buf.subarray(off + RTA_HDRLEN, off + len),
    });
    off += align4(len);
  }
  return out;
}

/** Attributes by type (the last one wins when a type repeats). */
export function attributeMap(buf: Buffer, offset = 0): Map<number, Buffer> {
  return new Map(parseAttributes(buf, offset).map((a) => [a.type, a.value]));
}

export function encodeAttribute(type: number, value: Buffer): Buffer {
  const len = RTA_HDRLEN + value.length;
  const buf = Buffer.alloc(align4(len));
  buf.writeUInt16LE(len, 0);
  buf.writeUInt16LE(type, 2);
  value.copy(buf, RTA_HDRLEN);
  return buf;
}

/** A NUL-terminated string attribute. */
export function attributeString(value: Buffer | undefined): string | undefined {
  if (!value) return undefined;
  const nul = value.indexOf(0);
  return value.subarray(0, nul < 0 ? value.length : nul).toString('utf8');
}

export function attributeU32(value: Buffer | undefined): number | undefined {
  return value && value.length >= 4 ? value.readUInt32LE(0) : undefined;
}

export function attributeU8(value: Buffer | undefined): number | undefined {
  return value && value.length >= 1 ? value.readUInt8(0) : undefined;
}
