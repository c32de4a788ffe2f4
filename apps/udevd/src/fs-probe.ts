// Reads a filesystem's type, UUID and label from its superblock, as blkid does, for the
// filesystems a Talos node meets: xfs (EPHEMERAL), ext4, vfat (EFI, config drives) and squashfs
// (the rootfs; it has neither UUID nor label). Formats: xfs_sb (fs/xfs/libxfs/xfs_format.h),
// ext4_super_block at 1024, the FAT boot sector (BPB).
import * as fs from 'node:fs';

export interface FsInfo {
  type: 'xfs' | 'ext2' | 'ext3' | 'ext4' | 'vfat' | 'squashfs';
  uuid?: string;
  label?: string;
}

/** Bytes read from the start of the device: covers every superblock above. */
const PROBE_BYTES = 4096;

const EXT_SB = 1024;
const EXT_MAGIC = 0xef53;
const EXT_COMPAT_HAS_JOURNAL = 0x4;
// Any of these means the filesystem needs ext4 (extents, 64bit, flex_bg, metadata_csum...).
const EXT4_INCOMPAT = 0x40 | 0x80 | 0x200 | 0x10000;
const EXT4_RO_COMPAT = 0x8 | 0x10 | 0x20 | 0x40 | 0x400;

export function probeBuffer(b: Buffer): FsInfo | undefined {
  if (b.length >= 120 && b.toString('latin1', 0, 4) === 'XFSB') {
    return withNames('xfs', uuidString(b.subarray(32, 48)), cString(b.subarray(108, 120)));
  }
  if (b.length >= 4 && b.readUInt32LE(0) === 0x73717368) return { type: 'squashfs' };
  if (b.length >= EXT_SB + 136 && b.readUInt16LE(EXT_SB + 56) === EXT_MAGIC) {
    const compat = b.readUInt32LE(EXT_SB + 92);
    const incompat = b.readUInt32LE(EXT_SB + 96);
    const roCompat = b.readUInt32LE(EXT_SB + 100);
    const type =
      incompat & EXT4_INCOMPAT || roCompat & EXT4_RO_COMPAT
        ? 'ext4'
        : compat & EXT_COMPAT_HAS_JOURNAL
          ? 'ext3'
          : 'ext2';
    return withNames(
      type,
      uuidString(b.subarray(EXT_SB + 104, EXT_SB + 120)),
      cString(b.subarray(EXT_SB + 120, EXT_SB + 136)),
    );
  }
  if (b.length >= 512 && b.readUInt16LE(510) === 0xaa55) {
    // FAT32 keeps its extended BPB at 64, FAT12/16 at 36; the type string tells which.
    const fat32 = b.toString('latin1', 82, 87) === 'FAT32';
    const fat16 = b.toString('latin1', 54, 57) === 'FAT';
    if (!fat32 && !fat16) return undefined;
    const base = fat32 ? 64 : 36;
    if (b.readUInt8(base + 2) !== 0x29) return { type: 'vfat' }; // no extended boot signature
    const id = b.readUInt32LE(base + 3);
    const uuid =
      `${(id >>> 16).toString(16).padStart(4, '0')}-${(id & 0xffff).toString(16).padStart(4, '0')}`.toUpperCase();
    const label = b.toString('latin1', base + 7, base + 18).trimEnd();
    return withNames('vfat', uuid, label === 'NO NAME' ? '' : label);
  }
  return undefined;
}

/** Probes a device node or image file; undefined when no known filesystem is on it. */
export async function probeFilesystem(device: string): Promise<FsInfo | undefined> {
  const fh = await fs.promises.open(device, 'r');
  try {
    const buf = Buffer.alloc(PROBE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, PROBE_BYTES, 0);
    return probeBuffer(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

function withNames(type: FsInfo['type'], uuid: string | undefined, label: string): FsInfo {
  return { type, ...(uuid !== undefined ? { uuid } : {}), ...(label !== '' ? { label } : {}) };
}

function uuidString(b: Buffer): string | undefined {
  if (b.every((x) => x === 0)) return undefined;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return b.toString('utf8', 0, nul < 0 ? b.length : nul);
}
