// Reading a disk's GPT back: the primary header and entry array, both CRCs checked. Enough for
// machined and the tests to see which partitions a disk has; it does not repair from the backup.
import * as fs from 'node:fs';
import { crc32 } from 'node:zlib';
import {
  GPT_ENTRY_SIZE,
  GPT_HEADER_SIZE,
  GPT_SIGNATURE,
  type GptPartition,
  type GptTable,
} from './gpt-table';
import { decodeGuid } from './guid';

/** Sector sizes tried, in order, when looking for the header at LBA 1. */
const SECTOR_SIZES = [512, 4096];

/** The GPT on a device or image file; undefined when it has none. Throws when a CRC does not match. */
export function readGpt(device: string): GptTable | undefined {
  const fd = fs.openSync(device, 'r');
  try {
    for (const sectorSize of SECTOR_SIZES) {
      const header = readAt(fd, sectorSize, sectorSize);
      if (header.subarray(0, 8).toString('latin1') !== GPT_SIGNATURE) continue;
      return parseTable(fd, header, sectorSize, device);
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function parseTable(fd: number, header: Buffer, sectorSize: number, device: string): GptTable {
  const headerSize = header.readUInt32LE(12);
  if (headerSize < GPT_HEADER_SIZE || headerSize > sectorSize) {
    throw new Error(`GPT header on ${device} has an invalid size ${headerSize}`);
  }
  const h = Buffer.from(header.subarray(0, headerSize));
  const wantHeaderCrc = h.readUInt32LE(16);
  h.writeUInt32LE(0, 16);
  if (crc32(h) !== wantHeaderCrc) throw new Error(`GPT header CRC mismatch on ${device}`);
  const entriesLba = Number(h.readBigUInt64LE(72));
  const count = h.readUInt32LE(80);
  const entrySize = h.readUInt32LE(84);
  if (entrySize < GPT_ENTRY_SIZE || count > 1024) {
    throw new Error(`GPT on ${device} has an unexpected entry array (${count} x ${entrySize} bytes)`);
  }
  const entries = readAt(fd, entriesLba * sectorSize, count * entrySize);
  if (crc32(entries) !== h.readUInt32LE(88)) throw new Error(`GPT entry array CRC mismatch on ${device}`);
  const partitions: GptPartition[] = [];
  for (let i = 0; i < count; i++) {
    const e = entries.subarray(i * entrySize, (i + 1) * entrySize);
    // An all-zero type GUID marks an unused entry.
    if (e.subarray(0, 16).every((b) => b === 0)) continue;
    const name = e.subarray(56, 128).toString('utf16le');
    const end = name.indexOf('\0');
    partitions.push({
      index: i + 1,
      name: end < 0 ? name : name.slice(0, end),
      typeGuid: decodeGuid(e.subarray(0, 16)),
      uniqueGuid: decodeGuid(e.subarray(16, 32)),
      firstLba: Number(e.readBigUInt64LE(32)),
      lastLba: Number(e.readBigUInt64LE(40)),
    });
  }
  return { sectorSize, diskGuid: decodeGuid(h.subarray(56, 72)), partitions };
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, offset);
  return buf.subarray(0, n);
}
