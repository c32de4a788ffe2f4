// Test entry run as PID 1 of a fresh pid and mount namespace (see pid1.spec.ts). Each scenario
// prints one JSON line with what it saw; the spec asserts on it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { clients } from '@talos/api';
import { NodePaths } from '@talos/constants';
import { createLogger } from '@talos/log';
import { syscalls } from '@talos/sys';
import { LogBuffer } from '../../system/log-buffer';
import { ProcessRunner } from '../../system/process-runner';
import { startDiscoveryNetwork } from '../discovery-network';
import { MetalBoot } from '../metal-boot';
import { BASE_MOUNTS, ETC_BIND_MOUNTS, MountedTable, varMount } from '../mount-table';
import { remainingProcesses } from '../power';
import { Reaper, zombieChildren } from '../reaper';
import { writeSystemFiles } from '../system-files';

const logger = createLogger({ name: 'pid1-fixture', destination: process.stderr });
const report = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function run(args: string[]): Promise<number | string> {
  return new Promise((resolve) => {
    const child = spawn(args[0]!, args.slice(1), { stdio: 'ignore' });
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
}

/** Orphans that exit while Node's own children exit too: the orphans are reaped, the children keep their codes. */
async function reap(): Promise<void> {
  const reaper = new Reaper({ logger, intervalMs: 1000 });
  reaper.start();

  // Deterministic first: with the event loop blocked, Node's children and an orphan are all zombies
  // when the reaper scans. It must take the orphan only; libuv then reports each child's code.
  const blocked = Array.from({ length: 5 }, () => run(['/bin/sh', '-c', 'true & exit 7']));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  const scanned = reaper.reap().length;
  const blockedCodes = await Promise.race([Promise.all(blocked), sleep(3000).then(() => 'hung')]);

  const codes = await Promise.all([
    ...Array.from({ length: 10 }, () => run(['/bin/sh', '-c', 'sleep 0.2 & sleep 0.1 & exit 0'])),
    ...Array.from({ length: 10 }, (_, i) => run(['/bin/sh', '-c', `sleep 0.${2 + (i % 3)}; exit 7`])),
    run(['/bin/sh', '-c', 'kill -TERM $$']),
  ]);
  // The orphans outlive their shells: give them time to exit and be reaped.
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && (zombieChildren(process.pid).length > 0 || reaper.count() < 25))
    await sleep(50);
  report({
    pid: process.pid,
    scanned,
    blockedCodes,
    codes,
    zombies: zombieChildren(process.pid),
    reaped: reaper.count(),
  });
  reaper.stop();
}

/** The mount table under a temporary root, then unmounted in reverse (one mount kept busy). */
function mounts(root: string): void {
  const mounted = new MountedTable(root, logger);
  mounted.apply(BASE_MOUNTS);
  writeSystemFiles(new NodePaths(root), 'node-1');
  mounted.apply(ETC_BIND_MOUNTS);
  mounted.apply([varMount()]);
  const before = mountsUnder(root);
  const hosts = fs.readFileSync(path.join(root, 'etc', 'hosts'), 'utf8');
  // An open file keeps /tmp busy: it must be detached, not left behind.
  const busy = fs.openSync(path.join(root, 'tmp', 'busy'), 'w');
  const failed = mounted.unmountAll();
  const after = mountsUnder(root);
  fs.closeSync(busy);
  report({ before, hosts, failed, after });
}

function mountsUnder(root: string): { target: string; fstype: string; options: string }[] {
  return fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const [left, right] = line.split(' - ');
      const f = left!.split(' ');
      return { target: f[4]!, options: f[5]!, fstype: right!.split(' ')[0]! };
    })
    .filter((m) => m.target.startsWith(`${root}/`))
    .map((m) => ({ ...m, target: m.target.slice(root.length) }));
}

/** reboot(2) from the init of a pid namespace ends the namespace. */
function poweroff(): void {
  report({ pid: process.pid });
  syscalls.reboot(syscalls.LINUX_REBOOT_CMD_POWER_OFF);
  report({ survived: true });
}

/**
 * machined's metal path on a node that cannot boot: refused by its command line, or failing once
 * it has its config (its service table cannot be made). Reports if the node stayed up.
 */
async function cannotBoot(root: string, cmdlineFile: string): Promise<void> {
  const boot = new MetalBoot({
    root,
    address: '127.0.0.1',
    logger: createLogger({ name: 'machined', destination: process.stdout }),
    machinedLog: new LogBuffer(),
    bundleDir: root,
    cmdline: () => fs.readFileSync(cmdlineFile, 'utf8'),
    services: () => {
      throw new Error('no service table here');
    },
    disks: { candidates: [] },
    fatalDelayMs: 300,
  });
  await boot.boot();
  report({ survived: true });
}

/**
 * A whole metal boot (config from talos.config=, mounts, an early service started before the
 * config, the API, one service leaving an orphan behind), then Reboot through the API (the reply
 * comes back, then the namespace is restarted) or SIGTERM (the namespace is powered off).
 */
async function node(root: string, cmdlineFile: string, action: string, disk?: string): Promise<void> {
  const log = new LogBuffer();
  const earlyLog = new LogBuffer();
  const nodeLogger = createLogger({ name: 'machined', destination: process.stderr });
  const boot = new MetalBoot({
    root,
    address: '127.0.0.1',
    logger: nodeLogger,
    machinedLog: new LogBuffer(),
    bundleDir: root,
    cmdline: () => fs.readFileSync(cmdlineFile, 'utf8'),
    services: () => [
      {
        id: 'sleeper',
        log,
        // The background sleep outlives the service: power down must kill it. (Its output goes
        // elsewhere: the process runner waits for the service's stdout to close.)
        runner: () =>
          new ProcessRunner({ args: ['/bin/sh', '-c', 'sleep 1000 >/dev/null 2>&1 & exec sleep 1000'], log }),
      },
    ],
    earlyServices: () => [
      {
        id: 'early',
        log: earlyLog,
        runner: () => new ProcessRunner({ args: ['/bin/sh', '-c', 'exec sleep 1000'], log: earlyLog }),
      },
    ],
    node: { kmsgPath: path.join(root, 'no-kmsg') },
    // Only the test's own loop device, if any: never the host's disks.
    disks: disk ? { candidates: [disk], installDisk: disk } : { candidates: [] },
    // Its root is not /: the discovery network starts and stops, but leaves the links alone.
    discoveryNetwork: () =>
      startDiscoveryNetwork({
        root,
        logger: nodeLogger,
        cmdline: () => fs.readFileSync(cmdlineFile, 'utf8'),
      }),
  });
  await boot.boot();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && remainingProcesses().length < 2) await sleep(50);
  const client = new clients.machine.MachineService(
    `unix:${boot.paths.socket('machined')}`,
    grpc.credentials.createInsecure(),
  );
  const platform = await new Promise<unknown>((resolve, reject) =>
    client.Version({}, (err, res) => (err ? reject(err) : resolve(res?.messages?.[0]?.platform))),
  );
  // The early service, handed over to the node: listed by the API with what happened before.
  const early = await new Promise<unknown>((resolve, reject) =>
    client.ServiceList({}, (err, res) => {
      if (err) return reject(err);
      const svc = res?.messages?.[0]?.services?.find((s) => s.id === 'early');
      resolve(svc && { state: svc.state, events: (svc.events?.events ?? []).map((e) => e.msg) });
    }),
  );
  const varMount = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .find((l) => l.split(' ')[4] === path.join(root, 'var'));
  const varFs = varMount?.split(' - ')[1]?.split(' ')[0];
  const stateMount = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .find((l) => l.split(' ')[4] === boot.paths.stateDir);
  const stateFs = stateMount?.split(' - ')[1]?.split(' ')[0] ?? 'tmpfs';
  // What the first boot leaves on the disk: the next boot must find it again.
  const marker = path.join(root, 'var', 'boot-marker');
  const markerBefore = fs.existsSync(marker);
  fs.writeFileSync(marker, 'x');
  const config = fs.statSync(boot.paths.configFile).mode & 0o777;
  if (action === 'sigterm') {
    // What `kill 1` (or ctrl-alt-del, as SIGINT) does to a node.
    process.kill(process.pid, 'SIGTERM');
  } else {
    await new Promise<void>((resolve, reject) => client.Reboot({}, (err) => (err ? reject(err) : resolve())));
  }
  report({
    action,
    varFs,
    stateFs,
    markerBefore,
    platform,
    hostname: os.hostname(),
    processes: remainingProcesses().length,
    config,
    early,
  });
  await sleep(10_000);
  report({ survived: true });
}

async function main(): Promise<void> {
  if (process.pid !== 1) throw new Error('the fixture must run as PID 1 (unshare --pid --fork)');
  const [scenario, ...args] = process.argv.slice(2);
  if (scenario === 'reap') return reap();
  if (scenario === 'mounts') return mounts(args[0]!);
  if (scenario === 'poweroff') return poweroff();
  if (scenario === 'cannot-boot') return cannotBoot(args[0]!, args[1]!);
  if (scenario === 'node') return node(args[0]!, args[1]!, args[2]!, args[3]);
  throw new Error(`unknown scenario ${scenario}`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
