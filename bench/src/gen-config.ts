// Figure: `talosctl gen config` wall time over N runs (the real CLI, node start-up included), the
// in-process split between secrets (key generation) and the rest, and which keys are made.
// Usage: nx run bench:gen [-- --runs N]
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateConfigs, generateSecrets, type SecretsBundle } from '@talos/config';
import { ms, table } from './report';

function parseRuns(argv: string[]): number {
  const i = argv.indexOf('--runs');
  const runs = i >= 0 ? Number(argv[i + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs: expected a positive integer, got ${argv[i + 1]}`);
  return runs;
}

function summary(samples: number[]): string[] {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return [ms(sorted[0] as number), ms(median), ms(sorted[sorted.length - 1] as number)];
}

function keyRow(name: string, pem: string): string[] {
  const key = createPrivateKey(pem);
  return [
    name,
    String(key.asymmetricKeyType).toUpperCase(),
    String(key.asymmetricKeyDetails?.modulusLength ?? ''),
  ];
}

function keyRows(secrets: SecretsBundle): string[][] {
  const { certs } = secrets;
  return [
    keyRow('OS CA (O=talos)', certs.os.key),
    keyRow('Kubernetes CA (O=kubernetes)', certs.k8s.key),
    keyRow('etcd CA (O=etcd)', certs.etcd.key),
    keyRow('aggregator CA (CN=front-proxy)', certs.k8sAggregator.key),
    keyRow('service-account key', certs.k8sServiceAccount.key),
  ];
}

function main(): void {
  const runs = parseRuns(process.argv);
  // The bundle sits at dist/bench/gen/main.js; talosctl at dist/tools/talosctl/main.js.
  const dist = path.resolve(path.dirname(process.argv[1] as string), '..', '..');
  const talosctl = path.join(dist, 'tools', 'talosctl', 'main.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
  try {
    const cli: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      execFileSync(
        process.execPath,
        [talosctl, 'gen', 'config', 'bench', 'https://10.5.0.2:6443', '-o', path.join(dir, String(i))],
        { stdio: 'ignore', env: { ...process.env, TALOSCONFIG: path.join(dir, 'talosconfig') } },
      );
      cli.push(performance.now() - t0);
    }
    const secretsTimes: number[] = [];
    const configTimes: number[] = [];
    let last: SecretsBundle | undefined;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = generateSecrets();
      const t1 = performance.now();
      generateConfigs({ clusterName: 'bench', endpoint: 'https://10.5.0.2:6443', secrets: last });
      secretsTimes.push(t1 - t0);
      configTimes.push(performance.now() - t1);
    }
    process.stdout.write(`== talosctl gen config, ${runs} run(s), ${os.cpus().length} CPU(s)\n`);
    process.stdout.write(
      `${table(
        ['WHAT', 'MIN', 'MEDIAN', 'MAX'],
        [
          ['talosctl gen config (process wall time)', ...summary(cli)],
          ['generateSecrets (4 CAs + service-account key)', ...summary(secretsTimes)],
          ['generateConfigs given secrets (admin cert + 3 configs)', ...summary(configTimes)],
        ],
      )}\n\n`,
    );
    process.stdout.write(
      `${table(['KEY', 'TYPE', 'BITS'], [...keyRows(last as SecretsBundle), ['admin client certificate', 'RSA', '2048']])}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
