// `nx run kernel:fragment [-- --check]`: writes kernel/kspp.fragment from the TypeScript data, or
// with --check fails when the committed file differs (the data lives in libs/kernel).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ksppFragment } from '@talos/kernel';

const target = path.resolve(process.cwd(), 'kernel', 'kspp.fragment');
const want = ksppFragment();
if (process.argv.includes('--check')) {
  const have = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (have !== want) {
    process.stderr.write(`error: ${target} is out of date; run nx run kernel:fragment\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${target} is up to date\n`);
  }
} else {
  fs.writeFileSync(target, want);
  process.stdout.write(`wrote ${target}\n`);
}
