// Unary throughput and latency through the request path: client -> apid (mutual TLS) -> routerd
// -> backend, against the same client calling the backend directly. Each hop is its own process,
// as on a node. A micro-benchmark of the proxies alone (echo backend, no cluster); the official
// figures are `nx run bench:api`. Run: npx nx run bench:proxy -- [seconds] [concurrency]
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { silentLogger } from '@talos/log';
import { unixBackend } from '@talos/rpc';
import { createTestPKI, EchoServer, echoClient, type EchoClient } from '@talos/testing';
import { Apid } from '../../apps/apid/src/apid';
import { CertificateStore } from '../../apps/apid/src/certificate-provider';
import { RouteTable } from '../../apps/routerd/src/route-table';
import { Router } from '../../apps/routerd/src/router';

type Role = 'backend' | 'routerd' | 'apid';

async function runRole(role: Role, dir: string): Promise<void> {
  const backendSocket = path.join(dir, 'backend.sock');
  const routerSocket = path.join(dir, 'routerd.sock');
  if (role === 'backend') {
    await new EchoServer('backend').listen(`unix:${backendSocket}`);
  } else if (role === 'routerd') {
    await new Router({
      table: new RouteTable({ 'test.echo.Echo': backendSocket }),
      logger: silentLogger(),
    }).listen(routerSocket);
  } else {
    const pki = JSON.parse(fs.readFileSync(path.join(dir, 'pki.json'), 'utf8'));
    const apid = new Apid({
      certificates: new CertificateStore(pki.serving),
      local: unixBackend(routerSocket),
      logger: silentLogger(),
    });
    const port = await apid.listenTls('127.0.0.1', 0);
    fs.writeFileSync(path.join(dir, 'apid.port'), String(port));
  }
  process.on('message', (m) => {
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send?.({ cpuMs: (u.user + u.system) / 1000 });
    }
  });
  process.send?.('ready');
  // SIGINT lets a profiled child write its profile on the way out.
  process.once('SIGINT', () => process.exit(0));
}

function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m: { cpuMs: number }) => resolve(m.cpuMs));
    child.send('cpu');
  });
}

async function measure(
  client: EchoClient,
  seconds: number,
  concurrency: number,
): Promise<{ rate: number; p50: number; p99: number; calls: number }> {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  const md = new grpc.Metadata();
  const worker = async () => {
    while (Date.now() < end) {
      const start = process.hrtime.bigint();
      await new Promise<void>((resolve, reject) =>
        client.Unary({ text: 'ping' }, md, {}, (err) => (err ? reject(err) : resolve())),
      );
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rate: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), calls: latencies.length };
}

async function main(): Promise<void> {
  const role = process.env.BENCH_ROLE as Role | undefined;
  if (role) return runRole(role, process.env.BENCH_DIR!);

  const seconds = Number(process.argv[2] ?? 5);
  const concurrency = Number(process.argv[3] ?? 32);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const pki = createTestPKI();
  const serving = pki.issue({ commonName: 'apid', usage: 'both', ipAddresses: ['127.0.0.1'] });
  const admin = pki.issue({ commonName: 'admin', usage: 'client' });
  fs.writeFileSync(
    path.join(dir, 'pki.json'),
    JSON.stringify({ serving: { ca: pki.ca.crt, crt: serving.crt, key: serving.key } }),
  );

  const children: ChildProcess[] = [];
  for (const r of ['backend', 'routerd', 'apid'] as Role[]) {
    const execArgv =
      process.env.BENCH_PROFILE === r
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? '.'}`]
        : [];
    const child = fork(__filename, [], { env: { ...process.env, BENCH_ROLE: r, BENCH_DIR: dir }, execArgv });
    children.push(child);
    await new Promise((resolve) => child.once('message', resolve));
  }
  try {
    const port = fs.readFileSync(path.join(dir, 'apid.port'), 'utf8');
    const direct = echoClient(`unix:${path.join(dir, 'backend.sock')}`);
    const viaRouterd = echoClient(`unix:${path.join(dir, 'routerd.sock')}`);
    const viaApid = echoClient(
      `127.0.0.1:${port}`,
      grpc.credentials.createSsl(Buffer.from(pki.ca.crt), Buffer.from(admin.key), Buffer.from(admin.crt)),
    );
    for (const [name, client] of [
      ['direct', direct],
      ['routerd', viaRouterd],
      ['apid+routerd', viaApid],
    ] as const) {
      if (process.env.BENCH_ONLY && process.env.BENCH_ONLY !== name) continue;
      await measure(client, 1, concurrency); // warm-up
      const before = await Promise.all(children.map(cpuOf));
      const self0 = process.cpuUsage();
      const r = await measure(client, seconds, concurrency);
      const after = await Promise.all(children.map(cpuOf));
      const self1 = process.cpuUsage(self0);
      const perCall = (ms: number) => ((ms * 1000) / r.calls).toFixed(0);
      const cpu = ['backend', 'routerd', 'apid']
        .map((n, i) => `${n} ${perCall(after[i]! - before[i]!)}`)
        .join(' ');
      console.log(
        `${name.padEnd(14)} ${r.rate.toFixed(0).padStart(6)} calls/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   ` +
          `cpu µs/call: client ${perCall((self1.user + self1.system) / 1000)} ${cpu}`,
      );
      client.close();
    }
  } finally {
    for (const child of children) child.kill(process.env.BENCH_PROFILE ? 'SIGINT' : 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
