// /proc/loadavg: the 1, 5 and 15 minute load averages.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

export interface LoadAverage {
  load1: number;
  load5: number;
  load15: number;
}

export function parseLoadAvg(text: string): LoadAverage {
  const [l1, l5, l15] = text.trim().split(/\s+/).map(Number);
  if ([l1, l5, l15].some((v) => v === undefined || Number.isNaN(v))) {
    throw new Error(`error parsing loadavg: ${JSON.stringify(text.slice(0, 64))}`);
  }
  return { load1: l1!, load5: l5!, load15: l15! };
}

export async function readLoadAvg(procDir = '/proc'): Promise<LoadAverage> {
  return parseLoadAvg(await readFile(path.join(procDir, 'loadavg'), 'utf8'));
}
