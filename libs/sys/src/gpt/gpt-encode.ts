// A GptTable as bytes: the protective MBR, both headers and both entry arrays, each with the
// offset it goes to on a disk of the given size.
import { crc32 } from 'node:zlib';
import {
  GPT_ENTRY_COUNT,
  GPT_ENTRY_SIZE,
  GPT_HEADER_SIZE,
  GPT_NAME_UNITS,
  GPT_REVISION,
  GPT_SIGNATURE,
  gptGeometry,
  type GptTable,
} from './gpt-table';
import { encodeGuid } from './guid';

export interface DiskWrite {
  offset: number;
  data: Buffer;
}

/** The writes that put `table` on a disk of `sizeBytes`: the start (MBR, header, entries) and the end (entries, header). */
export function encodeGpt(table: GptTable, sizeBytes: number): DiskWrite[] {
  const { sectorSize } = table;
  const geo = gptGeometry(sizeBytes, sectorSize);
  const entries = encodeEntries(table);
  // Only the array's own bytes count for its CRC, not any padding to a whole sector.
  const entriesCrc = crc32(entries.subarray(0, GPT_ENTRY_COUNT * GPT_ENTRY_SIZE));
  const header = (myLba: number, alternateLba: number, entriesLba: number): Buffer => {
    const h = Buffer.alloc(sectorSize);
    h.write(GPT_SIGNATURE, 0, 'latin1');
    h.writeUInt32LE(GPT_REVISION, 8);
    h.writeUInt32LE(GPT_HEADER_SIZE, 12);
    h.writeBigUInt64LE(BigInt(myLba), 24);
    h.writeBigUInt64LE(BigInt(alternateLba), 32);
    h.writeBigUInt64LE(BigInt(geo.firstUsableLba), 40);
    h.writeBigUInt64LE(BigInt(geo.lastUsableLba), 48);
    encodeGuid(table.diskGuid).copy(h, 56);
    h.writeBigUInt64LE(BigInt(entriesLba), 72);
    h.writeUInt32LE(GPT_ENTRY_COUNT, 80);
    h.writeUInt32LE(GPT_ENTRY_SIZE, 84);
    h.writeUInt32LE(entriesCrc, 88);
    // The header's CRC covers its 92 bytes with the CRC field itself zero.
    h.writeUInt32LE(crc32(h.subarray(0, GPT_HEADER_SIZE)), 16);
    return h;
  };
  const start = Buffer.alloc(geo.firstUsableLba * sectorSize);
  protectiveMbr(geo.totalSectors).copy(start, 0);
  header(1, geo.backupHeaderLba, geo.primaryEntriesLba).copy(start, sectorSize);
  entries.copy(start, geo.primaryEntriesLba * sectorSize);
  const end = Buffer.alloc((geo.entrySectors + 1) * sectorSize);
  entries.copy(end, 0);
  header(geo.backupHeaderLba, 1, geo.backupEntriesLba).copy(end, geo.entrySectors * sectorSize);
  return [
    { offset: 0, data: start },
    { offset: geo.backupEntriesLba * sectorSize, data: end },
  ];
}

function encodeEntries(table: GptTable): Buffer {
  const { sectorSize } = table;
  const size = Math.ceil((GPT_ENTRY_COUNT * GPT_ENTRY_SIZE) / sectorSize) * sectorSize;
  const buf = Buffer.alloc(size);
  for (const p of table.partitions) {
    if (p.index < 1 || p.index > GPT_ENTRY_COUNT) throw new Error(`partition index ${p.index} out of range`);
    if (p.name.length > GPT_NAME_UNITS) throw new Error(`partition name ${p.name} is too long`);
    const at = (p.index - 1) * GPT_ENTRY_SIZE;
    encodeGuid(p.typeGuid).copy(buf, at);
    encodeGuid(p.uniqueGuid).copy(buf, at + 16);
    buf.writeBigUInt64LE(BigInt(p.firstLba), at + 32);
    buf.writeBigUInt64LE(BigInt(p.lastLba), at + 40);
    buf.write(p.name, at + 56, GPT_NAME_UNITS * 2, 'utf16le');
  }
  return buf;
}

/**
 * A legacy MBR with one partition of type 0xEE over the whole disk (capped at 2^32-1 sectors), so
 * that MBR-only tools see the disk as in use.
 */
function protectiveMbr(totalSectors: number): Buffer {
  const mbr = Buffer.alloc(512);
  const entry = 446;
  mbr.writeUInt8(0x00, entry); // not bootable
  mbr.writeUInt8(0x00, entry + 1); // start CHS 0/0/2: LBA 1
  mbr.writeUInt8(0x02, entry + 2);
  mbr.writeUInt8(0x00, entry + 3);
  mbr.writeUInt8(0xee, entry + 4); // GPT protective
  mbr.writeUInt8(0xff, entry + 5); // end CHS: beyond what CHS can say
  mbr.writeUInt8(0xff, entry + 6);
  mbr.writeUInt8(0xff, entry + 7);
  mbr.writeUInt32LE(1, entry + 8);
  mbr.writeUInt32LE(Math.min(totalSectors - 1, 0xffffffff), entry + 12);
  mbr.writeUInt16LE(0xaa55, 510);
  return mbr;
}
