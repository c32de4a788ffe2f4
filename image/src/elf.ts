// Reads what an ELF64 executable or library needs from the dynamic linker: its DT_NEEDED sonames
// and PT_INTERP. Enough to copy exactly the shared libraries the rootfs's binaries load.
import * as fs from 'node:fs';

export interface ElfDynamicInfo {
  /** PT_INTERP, when the file is a dynamically linked executable. */
  interpreter?: string;
  /** DT_NEEDED sonames, in file order. */
  needed: string[];
}

const PT_INTERP = 3;
const SHT_DYNAMIC = 6;
const DT_NEEDED = 1n;

function cstr(buf: Buffer, offset: number): string {
  const end = buf.indexOf(0, offset);
  return buf.toString('latin1', offset, end < 0 ? buf.length : end);
}

export function isElf(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x7f && buf.toString('latin1', 1, 4) === 'ELF';
}

export function readElfDynamic(buf: Buffer, name = 'file'): ElfDynamicInfo {
  if (!isElf(buf)) throw new Error(`${name}: not an ELF file`);
  if (buf[4] !== 2 || buf[5] !== 1) throw new Error(`${name}: not a little-endian ELF64 file`);
  const phoff = Number(buf.readBigUInt64LE(0x20));
  const shoff = Number(buf.readBigUInt64LE(0x28));
  const phentsize = buf.readUInt16LE(0x36);
  const phnum = buf.readUInt16LE(0x38);
  const shentsize = buf.readUInt16LE(0x3a);
  const shnum = buf.readUInt16LE(0x3c);

  const info: ElfDynamicInfo = { needed: [] };
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (buf.readUInt32LE(ph) === PT_INTERP) info.interpreter = cstr(buf, Number(buf.readBigUInt64LE(ph + 8)));
  }
  const section = (i: number) => {
    const sh = shoff + i * shentsize;
    return {
      type: buf.readUInt32LE(sh + 4),
      offset: Number(buf.readBigUInt64LE(sh + 0x18)),
      size: Number(buf.readBigUInt64LE(sh + 0x20)),
      link: buf.readUInt32LE(sh + 0x28),
    };
  };
  for (let i = 0; i < shnum; i++) {
    const dyn = section(i);
    if (dyn.type !== SHT_DYNAMIC) continue;
    const strtab = section(dyn.link);
    for (let off = dyn.offset; off + 16 <= dyn.offset + dyn.size; off += 16) {
      const tag = buf.readBigInt64LE(off);
      if (tag === 0n) break;
      if (BigInt(tag) === DT_NEEDED)
        info.needed.push(cstr(buf, strtab.offset + Number(buf.readBigUInt64LE(off + 8))));
    }
  }
  return info;
}

export function readElfDynamicFile(file: string): ElfDynamicInfo {
  return readElfDynamic(fs.readFileSync(file), file);
}
