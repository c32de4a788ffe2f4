// GUIDs as GPT stores them: the first three fields little-endian, the last two as bytes in order
// (so "0FC63DAF-8483-..." is AF 3D C6 0F 83 84 ... on disk).
import { randomBytes } from 'node:crypto';

/** Linux filesystem data, the partition type of STATE and EPHEMERAL. */
export const LINUX_FILESYSTEM_TYPE = '0FC63DAF-8483-4772-8E79-3D69D8477DE4';

const GUID_RE = /^([0-9A-F]{8})-([0-9A-F]{4})-([0-9A-F]{4})-([0-9A-F]{4})-([0-9A-F]{12})$/i;

export function encodeGuid(guid: string): Buffer {
  const m = GUID_RE.exec(guid);
  if (!m) throw new Error(`invalid GUID ${JSON.stringify(guid)}`);
  const buf = Buffer.alloc(16);
  buf.writeUInt32LE(parseInt(m[1]!, 16), 0);
  buf.writeUInt16LE(parseInt(m[2]!, 16), 4);
  buf.writeUInt16LE(parseInt(m[3]!, 16), 6);
  Buffer.from(m[4]! + m[5]!, 'hex').copy(buf, 8);
  return buf;
}

export function decodeGuid(buf: Uint8Array): string {
  const b = Buffer.from(buf.buffer, buf.byteOffset, 16);
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
  const tail = b.subarray(8, 16).toString('hex');
  return [
    hex(b.readUInt32LE(0), 8),
    hex(b.readUInt16LE(4), 4),
    hex(b.readUInt16LE(6), 4),
    tail.slice(0, 4),
    tail.slice(4),
  ]
    .join('-')
    .toUpperCase();
}

/** A random (version 4, RFC 4122 variant) GUID. */
export function randomGuid(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
