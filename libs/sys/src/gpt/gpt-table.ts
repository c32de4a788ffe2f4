// The GUID partition table as data, and where its parts go on a disk of a given size (UEFI spec,
// chapter 5): LBA 0 a protective MBR, LBA 1 the header, then the entry array; a backup array and
// header at the end of the disk. Offsets and sizes are in logical sectors (LBAs).

/** One partition as GPT records it. Numbers are LBAs (sectors of `sectorSize` bytes). */
export interface GptPartition {
  /** 1-based, as the kernel numbers the partition's device (vda1, nvme0n1p1). */
  index: number;
  name: string;
  typeGuid: string;
  uniqueGuid: string;
  firstLba: number;
  /** Inclusive. */
  lastLba: number;
}

export interface GptTable {
  sectorSize: number;
  diskGuid: string;
  partitions: GptPartition[];
}

/** How many entries the array holds and how big each is: what every tool writes. */
export const GPT_ENTRY_COUNT = 128;
export const GPT_ENTRY_SIZE = 128;
export const GPT_HEADER_SIZE = 92;
export const GPT_SIGNATURE = 'EFI PART';
export const GPT_REVISION = 0x00010000;
/** The name field: 36 UTF-16LE code units. */
export const GPT_NAME_UNITS = 36;

/** The fixed places of a GPT on a disk of `totalSectors` sectors. */
export interface GptGeometry {
  totalSectors: number;
  entrySectors: number;
  primaryEntriesLba: number;
  firstUsableLba: number;
  lastUsableLba: number;
  backupEntriesLba: number;
  backupHeaderLba: number;
}

export function gptGeometry(sizeBytes: number, sectorSize: number): GptGeometry {
  const totalSectors = Math.floor(sizeBytes / sectorSize);
  const entrySectors = Math.ceil((GPT_ENTRY_COUNT * GPT_ENTRY_SIZE) / sectorSize);
  const backupHeaderLba = totalSectors - 1;
  const backupEntriesLba = backupHeaderLba - entrySectors;
  return {
    totalSectors,
    entrySectors,
    primaryEntriesLba: 2,
    firstUsableLba: 2 + entrySectors,
    lastUsableLba: backupEntriesLba - 1,
    backupEntriesLba,
    backupHeaderLba,
  };
}
