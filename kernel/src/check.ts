// `nx run kernel:check [-- CONFIG] [--min N]`: the KSPP figure for a kernel config, by default
// the pinned Debian cloud kernel's. With --min, exits 1 when fewer than N recommendations are met.
import * as fs from 'node:fs';
import { checkKernelConfig, formatKsppReport } from '@talos/kernel';
import { DEBIAN_KERNEL, debianKernelConfigPath } from './debian-kernel';

function main(argv: string[]): number {
  let file: string | undefined;
  let min: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--min') {
      min = Number(argv[++i]);
      if (!Number.isInteger(min)) {
        process.stderr.write('error: --min needs an integer\n');
        return 2;
      }
    } else if (arg.startsWith('-')) {
      process.stderr.write(`error: unknown flag ${arg}\nusage: check [CONFIG] [--min N]\n`);
      return 2;
    } else {
      file = arg;
    }
  }
  const source = file ?? debianKernelConfigPath();
  let text: string;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch (err) {
    const hint =
      file === undefined
        ? `\n(install the pinned kernel: apt-get install ${DEBIAN_KERNEL.package}=${DEBIAN_KERNEL.version})`
        : '';
    process.stderr.write(`error reading kernel config ${source}: ${(err as Error).message}${hint}\n`);
    return 1;
  }
  const report = checkKernelConfig(text);
  process.stdout.write(formatKsppReport(report, source));
  if (min !== undefined && report.met.length < min) {
    process.stderr.write(`error: ${report.met.length} recommendations met, fewer than --min ${min}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
