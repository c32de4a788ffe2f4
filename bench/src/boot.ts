// Figures of the node image (issue 5): artifact sizes, the boot timeline of one node under QEMU
// (launcher starts QEMU → kernel → init → machined → apid answers Version → every service
// healthy), and memory per daemon inside the VM after boot, as talosctl processes/memory show it.
// Usage: nx run bench:boot [-- --image-dir DIR --accel auto|kvm|tcg --profile SECONDS]
// --profile: every Node process in the VM records a V8 CPU profile of its first SECONDS
// (talos.cpuprofile=, image/src/cpu-profile.ts); they are copied to _out/artifacts/<name>.cpuprofile.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, contextCredentials, loadClientConfig } from '@talos/client';
import {
  DAEMONS,
  DEFAULT_IMAGE_DIR,
  IMAGE_INITRAMFS_FILE,
  IMAGE_KERNEL_FILE,
  IMAGE_ROOTFS_FILE,
  KERNEL_ARG_CPU_PROFILE,
  NodePaths,
} from '@talos/constants';
import { QemuProvisioner } from '@talos/provision';
import { Report, table } from './report';

const ROOTFS_TARGET_MB = 80;
const APID_TARGET_S = 15;
const SERVICES = ['machined', 'containerd', 'apid', 'routerd', 'networkd', 'timed', 'trustd', 'udevd'];

/** Console lines that mark the boot's stages, first match wins. */
const CONSOLE_MARKERS: ReadonlyArray<[string, RegExp]> = [
  ['kernel starts', /Linux version/],
  ['kernel runs /init', /Run \/init as init process/],
  ['init switches root', /init: .*(switch|exec)/i],
  ['machined starts', /machined/],
  ['containerd starts', /containerd/],
];

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number | undefined): string =>
  ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`;
/** A protobuf Timestamp in milliseconds since the epoch (the VM's clock; see vmClockAheadMs). */
const timestampMs = (ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number =>
  Number(ts?.seconds ?? 0) * 1000 + Math.round((ts?.nanos ?? 0) / 1e6);
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Watches the console log and records when (host time) each marker first shows up. */
class ConsoleWatch {
  readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  /** `from`: where in the file to start looking (a reboot's console follows the first boot's). */
  constructor(
    private readonly file: () => string | undefined,
    private readonly from = 0,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.poll(), 100);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private poll(): void {
    const file = this.file();
    if (!file || !fs.existsSync(file)) return;
    const text = fs.readFileSync(file).subarray(this.from).toString('utf8');
    // In order, each after the one before (a reboot's console starts with the shutdown's lines).
    let at = 0;
    for (const [label, pattern] of CONSOLE_MARKERS) {
      const match = pattern.exec(text.slice(at));
      if (!match) return;
      at += match.index + match[0].length;
      if (!this.seen.has(label)) this.seen.set(label, Date.now());
    }
  }
}

/** A process's proportional set size, read from the node through machine.Read (smaps_rollup). */
/** A file of the node's, through machine.Read; '' when it cannot be read. */
async function readNodeFile(client: Client, file: string): Promise<string> {
  let text = '';
  try {
    for await (const part of client.read(file, { signal: AbortSignal.timeout(5000) })) {
      if (part.message.bytes) text += Buffer.from(part.message.bytes).toString();
    }
  } catch {
    return '';
  }
  return text;
}

async function pssBytes(client: Client, pid: number): Promise<number> {
  const kb = /^Pss:\s+(\d+) kB/m.exec(await readNodeFile(client, `/proc/${pid}/smaps_rollup`))?.[1];
  return kb === undefined ? NaN : Number(kb) * 1024;
}

/**
 * Where the VM's CPU time went by the time apid first answered: per process (those still running;
 * mkfs, runc and other short-lived ones are only in the total), and the whole VM's busy and idle
 * time from /proc/stat, in seconds of one vCPU.
 */
async function cpuUse(client: Client): Promise<string[]> {
  const [procs] = await client.processes({ timeoutMs: 10_000 });
  const list = (procs?.message.processes ?? []).filter((p) => Number(p.cpuTime ?? 0) >= 0.05);
  list.sort((a, b) => Number(b.cpuTime) - Number(a.cpuTime));
  const lines = table(
    ['PID', 'CPU', 'COMMAND'],
    list.map((p) => [
      Number(p.pid),
      `${Number(p.cpuTime).toFixed(2)} s`,
      (p.args || p.command || '').slice(0, 90),
    ]),
  ).split('\n');
  // cpu  user nice system idle iowait irq softirq steal ... (USER_HZ ticks)
  const cpu = /^cpu\s+(.*)$/m.exec(await readNodeFile(client, '/proc/stat'))?.[1];
  if (cpu) {
    const ticks = cpu.trim().split(/\s+/).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const busy = ticks.slice(0, 8).reduce((a, b) => a + b, 0) - idle;
    lines.push(
      `whole VM: busy ${(busy / 100).toFixed(1)} s, idle ${(idle / 100).toFixed(1)} s (vCPU seconds)`,
    );
  }
  return lines;
}

/**
 * When `call` first succeeds, polling with a fresh channel per attempt (one channel retrying a
 * refused port backs off for tens of seconds, which would be measured as boot time). `then` runs
 * on the same channel once the time is taken, so that what it asks is not counted.
 */
async function firstAnswer(
  connect: () => Client,
  deadline: number,
  call: (probe: Client) => Promise<void>,
  then: (probe: Client) => Promise<void> = async () => undefined,
): Promise<number | undefined> {
  while (Date.now() < deadline) {
    const probe = connect();
    try {
      await call(probe);
      const at = Date.now();
      await then(probe);
      return at;
    } catch {
      await sleep(200);
    } finally {
      probe.close();
    }
  }
  return undefined;
}

/**
 * When every service is first Running and healthy. Each has a health check: one whose first check
 * has not run yet (health unknown, as right after its task started) is not healthy yet.
 */
async function allHealthy(client: Client, deadline: number): Promise<number | undefined> {
  while (Date.now() < deadline) {
    try {
      const [list] = await client.serviceList({ timeoutMs: 2000 });
      const services = list?.message.services ?? [];
      const up = SERVICES.every((id) =>
        services.some((s) => s.id === id && s.state === 'Running' && s.health?.healthy === true),
      );
      if (up) return Date.now();
    } catch {
      // not yet
    }
    await sleep(200);
  }
  return undefined;
}

/** One line of a daemon's log: its time (the VM's clock, ms since the epoch) and message. */
interface LogLine {
  at?: number;
  msg: string;
}

/** A daemon's log (pino JSON: time, msg), read once. */
async function daemonLog(client: Client, id: string): Promise<LogLine[]> {
  let text = '';
  try {
    for await (const part of client.logs(id, {}, { signal: AbortSignal.timeout(5000) })) {
      if (part.message.bytes) text += Buffer.from(part.message.bytes).toString();
    }
  } catch {
    // whatever came before the error
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        // pino writes the time as ISO 8601 or epoch milliseconds, depending on the logger.
        const { time, msg } = JSON.parse(line) as { time?: number | string; msg?: string };
        return { at: typeof time === 'string' ? Date.parse(time) : time, msg: msg ?? '' };
      } catch {
        return { msg: line };
      }
    });
}

/**
 * How far the VM's clock is ahead of the host's, in ms. QEMU's RTC hands the VM the host's time
 * to the second only, so the VM's time stamps (service events, daemon logs) can be up to a second
 * off. machined's first line ("machined started as PID 1 …") is in its log with the VM's time and
 * on the console, where the watch saw it at host time (polled every 0.1 s, so at most that late).
 */
function vmClockAheadMs(machinedLog: LogLine[], consoleSeenAt: number | undefined): number | undefined {
  const first = machinedLog.find((l) => l.msg.startsWith('machined started as PID'));
  return first?.at === undefined || consoleSeenAt === undefined ? undefined : first.at - consoleSeenAt;
}

/** Waits until the profiles are written (`writtenBy`, host time), then copies them out of the VM. */
async function copyProfiles(client: Client, report: Report, writtenBy: number): Promise<void> {
  report.section(
    'V8 CPU profiles (talos.cpuprofile; profiling slows the boot: its figures are not comparable)',
  );
  // A couple of seconds more: the VM's clock and the daemons' own starts lag the host's.
  await sleep(Math.max(0, writtenBy + 3000 - Date.now()));
  const out = path.resolve('_out', 'artifacts');
  fs.mkdirSync(out, { recursive: true });
  for (const name of DAEMONS) {
    const text = await readNodeFile(client, new NodePaths('/').cpuProfile(name));
    if (!text) {
      report.line(`  ${name}: no profile yet (it started later than the others, or could not write one)`);
      continue;
    }
    const file = path.join(out, `${name}.cpuprofile`);
    fs.writeFileSync(file, text);
    report.line(`  ${name}: ${file}`);
  }
}

async function main(): Promise<void> {
  const dist = path.resolve(path.dirname(process.argv[1] as string), '..', '..');
  const repo = path.resolve(dist, '..');
  const imageDir = path.resolve(flag('--image-dir', path.join(repo, DEFAULT_IMAGE_DIR)));
  const report = new Report();
  const profileSeconds = Number(flag('--profile', '0')) || undefined;

  report.section('image sizes');
  const sizes = [IMAGE_ROOTFS_FILE, IMAGE_INITRAMFS_FILE, IMAGE_KERNEL_FILE].map((name) => {
    const file = path.join(imageDir, name);
    return [name, fs.existsSync(file) ? fs.statSync(file).size : NaN] as const;
  });
  report.line(
    table(
      ['ARTIFACT', 'SIZE'],
      sizes.map(([n, s]) => [n, megabytes(s)]),
    ),
  );
  const rootfs = sizes[0]![1];
  report.check({
    figure: 'rootfs.sqsh size',
    target: `<= ${ROOTFS_TARGET_MB} MiB`,
    actual: megabytes(rootfs),
    pass: rootfs <= ROOTFS_TARGET_MB * 1024 * 1024,
  });

  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'talos-bench-boot-'));
  const talosconfig = path.join(home, 'talosconfig');
  const clustersDir = path.join(home, 'clusters');
  const provisioner = new QemuProvisioner({
    launcher: [process.execPath, path.join(dist, 'tools', 'talosctl', 'main.js'), 'cluster', 'qemu-launch'],
    progress: (line) => report.line(`  ${line}`),
    // The bench polls apid itself, from the moment QEMU starts.
    probe: async () => undefined,
  });
  let consoleLog: string | undefined;
  const watch = new ConsoleWatch(() => consoleLog);
  report.section('boot under QEMU');
  const started = Date.now();
  watch.start();
  try {
    const state = await provisioner.create({
      name: 'bench-boot',
      controlplanes: 1,
      workers: 0,
      imageDir,
      talosconfig,
      clustersDir,
      accel: flag('--accel', 'auto') as 'auto' | 'kvm' | 'tcg',
      extraKernelArgs: profileSeconds ? [`${KERNEL_ARG_CPU_PROFILE}=${profileSeconds}`] : [],
    });
    const node = state.nodes[0]!;
    consoleLog = node.consoleLog;
    // QEMU starts once the launcher is up; the launcher's start is our zero.
    const zero = fs.statSync(node.pidFile).mtimeMs;
    const cfg = loadClientConfig(talosconfig);
    const connect = (): Client =>
      Client.connect({
        ...contextCredentials(cfg.contexts[cfg.context!]!, 'bench'),
        endpoints: [node.address],
      });
    let cpuAtApid: string[] = [];
    const deadline = Date.now() + 10 * 60_000;
    const apidAt = await firstAnswer(
      connect,
      deadline,
      async (probe) => {
        await probe.version({ timeoutMs: 2000 });
      },
      async (probe) => {
        cpuAtApid = await cpuUse(probe).catch((err: Error) => [`(no CPU figures: ${err.message})`]);
      },
    );
    const client = connect();
    const healthyAt = await allHealthy(client, deadline);
    watch.stop();
    const rows: Array<[string, number | undefined]> = [
      ...CONSOLE_MARKERS.map(([label]) => [label, watch.seen.get(label)] as [string, number | undefined]),
      ['apid answers Version', apidAt],
      ['every service healthy', healthyAt],
    ];
    report.line(
      table(
        ['STAGE', 'SINCE QEMU START'],
        rows.map(([l, t]) => [l, seconds(t && t - zero)]),
      ),
    );
    report.line(
      `(talosctl cluster create → QEMU start: ${seconds(zero - started)}, PKI generation included)`,
    );
    // VM time stamps are put on the host's clock before they are shown.
    const machinedLog = await daemonLog(client, 'machined');
    const ahead = vmClockAheadMs(machinedLog, watch.seen.get('machined starts')) ?? 0;
    const vmSeconds = (at: number | undefined): string => seconds(at === undefined ? at : at - ahead - zero);
    report.section('service timeline (events, seconds since QEMU start)');
    report.line(
      `(the VM's clock ran ${(ahead / 1000).toFixed(2)} s ahead of the host's, taken from machined's first line; corrected)`,
    );
    const [final] = await client.serviceList({ timeoutMs: 10_000 });
    report.line(
      table(
        ['SERVICE', 'EVENTS'],
        (final?.message.services ?? []).map((s) => [
          s.id ?? '',
          (s.events?.events ?? [])
            .map((e) => `${vmSeconds(timestampMs(e.ts))} ${e.state}${e.msg ? `: ${e.msg}` : ''}`)
            .join(' | '),
        ]),
      ),
    );
    // Each daemon's log, read once: apid's and trustd's lines show the certificate hand-off, and
    // every daemon logs once how its start was spent (Node, bundle, its own start, CPU).
    const logs = new Map<string, string[]>();
    for (const id of DAEMONS) {
      if (id === 'machined') continue;
      logs.set(
        id,
        (await daemonLog(client, id)).map((l) =>
          l.at === undefined ? l.msg : `${vmSeconds(l.at)} ${l.msg}`,
        ),
      );
    }
    for (const id of ['trustd', 'apid']) {
      report.line(`${id} log (seconds since QEMU start):`);
      for (const line of (logs.get(id) ?? []).slice(0, 12)) report.line(`  ${line.slice(0, 150)}`);
    }
    report.line('daemon starts (seconds since QEMU start):');
    for (const [id, lines] of logs) {
      const started = lines.filter((l) => l.includes(' started in '));
      report.line(`  ${id.padEnd(9)} ${started.join(' | ') || '(no start line)'}`);
    }
    report.check({
      figure: 'QEMU start → apid answers',
      target: `<= ${APID_TARGET_S} s`,
      actual: seconds(apidAt && apidAt - zero),
      pass: apidAt !== undefined && apidAt - zero <= APID_TARGET_S * 1000,
    });

    if (profileSeconds) await copyProfiles(client, report, zero + profileSeconds * 1000);
    report.section('CPU used inside the VM when apid first answered');
    for (const line of cpuAtApid) report.line(line);

    report.section('memory inside the VM after boot');
    const [procs] = await client.processes({ timeoutMs: 10_000 });
    const list = (procs?.message.processes ?? []).filter((p) => Number(p.residentMemory ?? 0) > 0);
    list.sort((a, b) => Number(b.residentMemory) - Number(a.residentMemory));
    const pss = new Map<number, number>();
    for (const p of list) pss.set(Number(p.pid), await pssBytes(client, Number(p.pid)));
    report.line(
      table(
        ['PID', 'RSS', 'PSS', 'COMMAND'],
        list.map((p) => [
          Number(p.pid),
          megabytes(Number(p.residentMemory)),
          megabytes(pss.get(Number(p.pid)) ?? NaN),
          (p.args || p.command || '').slice(0, 90),
        ]),
      ),
    );
    const total = list.reduce((sum, p) => sum + Number(p.residentMemory ?? 0), 0);
    const totalPss = [...pss.values()].filter(Number.isFinite).reduce((a, b) => a + b, 0);
    report.line(`total of all processes: RSS ${megabytes(total)}, PSS ${megabytes(totalPss)}`);
    const [mem] = await client.memory({ timeoutMs: 10_000 });
    const info = mem?.message.meminfo;
    if (info) {
      // meminfo is in KiB, as /proc/meminfo has it.
      const used = Number(info.memtotal) - Number(info.memfree) - Number(info.cached) - Number(info.buffers);
      report.line(`memory: total ${megabytes(Number(info.memtotal) * 1024)}, used ${megabytes(used * 1024)}`);
    }

    // A later boot: the config comes from STATE and the disk is already formatted.
    report.section('reboot (talosctl reboot), seconds since the request');
    const bootId = (c: Client): Promise<string> =>
      readNodeFile(c, '/proc/sys/kernel/random/boot_id').then((t) => t.trim());
    const firstBootId = await bootId(client);
    const rebootWatch = new ConsoleWatch(
      () => consoleLog,
      consoleLog && fs.existsSync(consoleLog) ? fs.statSync(consoleLog).size : 0,
    );
    rebootWatch.start();
    const requested = Date.now();
    await client.reboot({ timeoutMs: 10_000 });
    client.close();
    const rebootDeadline = Date.now() + 10 * 60_000;
    const answeredAt = await firstAnswer(connect, rebootDeadline, async (probe) => {
      const id = await bootId(probe);
      if (!id || id === firstBootId) throw new Error('still the first boot');
    });
    const after = connect();
    const rebootHealthyAt = await allHealthy(after, rebootDeadline);
    after.close();
    rebootWatch.stop();
    const kernelAt = rebootWatch.seen.get('kernel starts');
    const sinceRequest = (t: number | undefined): number | undefined => (t === undefined ? t : t - requested);
    report.line(
      table(
        ['STAGE', 'SINCE REBOOT REQUEST'],
        [
          ...CONSOLE_MARKERS.map(([label]): [string, string] => [
            label,
            seconds(sinceRequest(rebootWatch.seen.get(label))),
          ]),
          ['apid answers (new boot id)', seconds(answeredAt && answeredAt - requested)],
          ['every service healthy', seconds(rebootHealthyAt && rebootHealthyAt - requested)],
        ],
      ),
    );
    report.line(
      `second boot, kernel start → apid answers: ${seconds(kernelAt && answeredAt && answeredAt - kernelAt)}`,
    );
  } finally {
    watch.stop();
    if (consoleLog && fs.existsSync(consoleLog)) {
      // Kept for reading the boot's timeline line by line (kernel timestamps on every line).
      const kept = path.resolve('_out', 'artifacts', 'bench-boot.console.log');
      fs.mkdirSync(path.dirname(kept), { recursive: true });
      fs.copyFileSync(consoleLog, kept);
      report.line(`console log kept in ${kept}`);
    }
    await provisioner.destroy({ name: 'bench-boot', clustersDir, talosconfig }).catch(() => undefined);
    fs.rmSync(home, { recursive: true, force: true });
  }
  report.summary();
}

main().catch((err: Error) => {
  process.stderr.write(`bench:boot failed: ${err.message}\n`);
  process.exit(1);
});
