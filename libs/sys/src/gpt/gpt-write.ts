// Putting a new GPT on a disk (or image file): the partitions planned, the table encoded and
// written at both ends, and flushed before the caller asks the kernel to re-read it.
import * as fs from 'node:fs';
import { encodeGpt } from './gpt-encode';
import { planPartitions, type PartitionSpec } from './gpt-plan';
import type { GptTable } from './gpt-table';

export interface WriteGptOptions {
  /** The device's size in bytes (a block device's stat says 0; see blockDeviceSize). */
  sizeBytes: number;
  sectorSize?: number;
  alignmentBytes?: number;
}

export function writeGpt(device: string, specs: readonly PartitionSpec[], opts: WriteGptOptions): GptTable {
  const table = planPartitions(specs, opts);
  const fd = fs.openSync(device, 'r+');
  try {
    for (const { offset, data } of encodeGpt(table, opts.sizeBytes)) {
      let done = 0;
      while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done, offset + done);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return table;
}
