// /proc/cpuinfo as machine.CPUInfo, one entry per processor block.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { machine } from '@talos/api';

type CPUInfo = machine.CPUInfo.$Properties;
type Kind = 'string' | 'uint' | 'double' | 'list';

const FIELDS: Readonly<Record<string, [keyof CPUInfo, Kind]>> = {
  processor: ['processor', 'uint'],
  vendor_id: ['vendorId', 'string'],
  'cpu family': ['cpuFamily', 'string'],
  model: ['model', 'string'],
  'model name': ['modelName', 'string'],
  stepping: ['stepping', 'string'],
  microcode: ['microcode', 'string'],
  'cpu MHz': ['cpuMhz', 'double'],
  'cache size': ['cacheSize', 'string'],
  'physical id': ['physicalId', 'string'],
  siblings: ['siblings', 'uint'],
  'core id': ['coreId', 'string'],
  'cpu cores': ['cpuCores', 'uint'],
  apicid: ['apicId', 'string'],
  'initial apicid': ['initialApicId', 'string'],
  fpu: ['fpu', 'string'],
  fpu_exception: ['fpuException', 'string'],
  'cpuid level': ['cpuIdLevel', 'uint'],
  wp: ['wp', 'string'],
  flags: ['flags', 'list'],
  bugs: ['bugs', 'list'],
  bogomips: ['bogoMips', 'double'],
  'clflush size': ['clFlushSize', 'uint'],
  cache_alignment: ['cacheAlignment', 'uint'],
  'address sizes': ['addressSizes', 'string'],
  'power management': ['powerManagement', 'string'],
};

export function parseCpuInfo(text: string): CPUInfo[] {
  const cpus: CPUInfo[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const cpu: Record<string, unknown> = {};
    for (const line of block.split('\n')) {
      const sep = line.indexOf(':');
      if (sep === -1) continue;
      const field = FIELDS[line.slice(0, sep).trim()];
      if (!field) continue;
      const [name, kind] = field;
      const value = line.slice(sep + 1).trim();
      cpu[name] =
        kind === 'string'
          ? value
          : kind === 'list'
            ? value.split(/\s+/).filter(Boolean)
            : Number.parseFloat(value) || 0;
    }
    if (Object.keys(cpu).length > 0) cpus.push(cpu as CPUInfo);
  }
  return cpus;
}

export async function readCpuInfo(procDir = '/proc'): Promise<CPUInfo[]> {
  return parseCpuInfo(await readFile(path.join(procDir, 'cpuinfo'), 'utf8'));
}
