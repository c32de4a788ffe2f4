// Where the partitions go: in order, each starting on an alignment boundary; a partition without a
// size takes the rest of the disk (its end rounded down to a boundary too).
import { gptGeometry, type GptTable } from './gpt-table';
import { LINUX_FILESYSTEM_TYPE, randomGuid } from './guid';

export interface PartitionSpec {
  name: string;
  /** Undefined: everything left (only the last partition). */
  sizeBytes?: number;
  /** Default: Linux filesystem data. */
  typeGuid?: string;
}

export interface PlanOptions {
  sizeBytes: number;
  sectorSize?: number;
  alignmentBytes?: number;
}

export function planPartitions(specs: readonly PartitionSpec[], opts: PlanOptions): GptTable {
  const sectorSize = opts.sectorSize ?? 512;
  const align = Math.max(1, Math.floor((opts.alignmentBytes ?? 1024 * 1024) / sectorSize));
  const geo = gptGeometry(opts.sizeBytes, sectorSize);
  const roundUp = (lba: number): number => Math.ceil(lba / align) * align;
  const table: GptTable = { sectorSize, diskGuid: randomGuid(), partitions: [] };
  let next = roundUp(geo.firstUsableLba);
  for (const [i, spec] of specs.entries()) {
    if (spec.sizeBytes === undefined && i !== specs.length - 1) {
      throw new Error(`partition ${spec.name} takes the rest of the disk but is not the last one`);
    }
    const lastLba =
      spec.sizeBytes === undefined
        ? Math.floor((geo.lastUsableLba + 1) / align) * align - 1
        : next + Math.ceil(spec.sizeBytes / sectorSize) - 1;
    if (lastLba > geo.lastUsableLba || lastLba < next) {
      throw new Error(`disk of ${opts.sizeBytes} bytes is too small for partition ${spec.name}`);
    }
    table.partitions.push({
      index: i + 1,
      name: spec.name,
      typeGuid: spec.typeGuid ?? LINUX_FILESYSTEM_TYPE,
      uniqueGuid: randomGuid(),
      firstLba: next,
      lastLba,
    });
    next = roundUp(lastLba + 1);
  }
  return table;
}
