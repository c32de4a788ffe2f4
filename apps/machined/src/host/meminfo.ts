// /proc/meminfo as machine.MemInfo. Values go on the wire as the kernel gives them (kB, counts for
// HugePages_*), as Talos sends them; talosctl divides by 1024 to print MB.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { machine } from '@talos/api';

/** "Active(anon)" -> "activeanon", "DirectMap2M" -> "directmap2m": the proto's field names. */
function fieldName(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const MEMINFO_FIELDS = new Set([
  'memtotal',
  'memfree',
  'memavailable',
  'buffers',
  'cached',
  'swapcached',
  'active',
  'inactive',
  'activeanon',
  'inactiveanon',
  'activefile',
  'inactivefile',
  'unevictable',
  'mlocked',
  'swaptotal',
  'swapfree',
  'dirty',
  'writeback',
  'anonpages',
  'mapped',
  'shmem',
  'slab',
  'sreclaimable',
  'sunreclaim',
  'kernelstack',
  'pagetables',
  'nfsunstable',
  'bounce',
  'writebacktmp',
  'commitlimit',
  'committedas',
  'vmalloctotal',
  'vmallocused',
  'vmallocchunk',
  'hardwarecorrupted',
  'anonhugepages',
  'shmemhugepages',
  'shmempmdmapped',
  'cmatotal',
  'cmafree',
  'hugepagestotal',
  'hugepagesfree',
  'hugepagesrsvd',
  'hugepagessurp',
  'hugepagesize',
  'directmap4k',
  'directmap2m',
  'directmap1g',
]);

export function parseMemInfo(text: string): machine.MemInfo.$Properties {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^([^:]+):\s+(\d+)/.exec(line);
    if (!m) continue;
    const name = fieldName(m[1]!);
    if (MEMINFO_FIELDS.has(name)) out[name] = Number(m[2]);
  }
  return out as machine.MemInfo.$Properties;
}

export async function readMemInfo(procDir = '/proc'): Promise<machine.MemInfo.$Properties> {
  return parseMemInfo(await readFile(path.join(procDir, 'meminfo'), 'utf8'));
}
