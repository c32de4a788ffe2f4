// Drives the system the way an operator does: the bundled talosctl, a process cluster it creates,
// and (for the checks no CLI command covers) raw gRPC over the same mTLS port talosctl uses.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { loadClusterState, type NodeState } from '@talos/provision';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const TALOSCTL = path.join(REPO, 'dist', 'tools', 'talosctl', 'main.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A talosctl with its own HOME (so its client config and cluster state are the test's own). */
export class Talosctl {
  readonly home: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(home = fs.mkdtempSync(path.join(os.tmpdir(), 'talos-e2e-'))) {
    if (!fs.existsSync(TALOSCTL))
      throw new Error(`${TALOSCTL} is missing: run \`npx nx run-many -t build\` first`);
    this.home = home;
    this.env = {
      ...process.env,
      HOME: home,
      TALOSCONFIG: path.join(home, '.talos', 'config'),
      XDG_CONFIG_HOME: '',
    };
    delete this.env.XDG_CONFIG_HOME;
  }

  get talosconfigPath(): string {
    return this.env.TALOSCONFIG as string;
  }

  /** Runs talosctl to completion. */
  run(args: string[], timeoutMs = 60_000): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [TALOSCTL, ...args], {
        env: this.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`talosctl ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
      }, timeoutMs);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  }

  /** Starts a long-running talosctl (`logs -f`, `events`) whose output can be awaited line by line. */
  follow(args: string[]): Follower {
    return new Follower(
      spawn(process.execPath, [TALOSCTL, ...args], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
  }

  /** The current context of the client config (base64 PEM credentials, endpoints). */
  context(): { endpoints: string[]; nodes?: string[]; ca: string; crt: string; key: string } {
    const cfg = YAML.parse(fs.readFileSync(this.talosconfigPath, 'utf8'));
    return cfg.contexts[cfg.context];
  }

  credentials(): { ca: Buffer; crt: Buffer; key: Buffer } {
    const c = this.context();
    return {
      ca: Buffer.from(c.ca, 'base64'),
      crt: Buffer.from(c.crt, 'base64'),
      key: Buffer.from(c.key, 'base64'),
    };
  }

  cleanup(): void {
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

export class Follower {
  private buffer = '';
  private stderrText = '';
  private waiters: Array<() => void> = [];
  readonly exited: Promise<number>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (d: Buffer) => {
      this.buffer += d.toString();
      this.waiters.splice(0).forEach((w) => w());
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.stderrText += d.toString();
      this.waiters.splice(0).forEach((w) => w());
    });
    this.exited = new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  }

  get output(): string {
    return this.buffer;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Resolves with the first line matching `pattern`, among lines printed so far or later. */
  async waitForLine(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.buffer.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) return line;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `no line matching ${pattern} within ${timeoutMs} ms; output:\n${this.buffer}\nstderr:\n${this.stderrText}`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<number> {
    this.child.kill('SIGINT');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    const code = await this.exited;
    clearTimeout(t);
    return code;
  }
}

export interface ProcessCluster {
  name: string;
  talosctl: Talosctl;
  /** Node addresses, control planes first. */
  nodes: string[];
  /** The node's root folder (its machined's --root). */
  nodeRoot(address: string): string;
  nodeState(address: string): NodeState;
  destroy(): Promise<void>;
}

/** `talosctl cluster create --provisioner process`, with every node answering before it resolves. */
export async function createProcessCluster(
  name: string,
  controlplanes: number,
  workers: number,
  cidr: string,
): Promise<ProcessCluster> {
  const talosctl = new Talosctl();
  const created = await talosctl.run(
    [
      'cluster',
      'create',
      '--provisioner',
      'process',
      '--name',
      name,
      '--cidr',
      cidr,
      '--controlplanes',
      String(controlplanes),
      '--workers',
      String(workers),
    ],
    180_000,
  );
  const destroy = async (): Promise<void> => {
    await talosctl.run(['cluster', 'destroy', '--name', name], 60_000);
    talosctl.cleanup();
  };
  if (created.code !== 0) {
    await destroy();
    throw new Error(`cluster create failed (${created.code}):\n${created.stdout}\n${created.stderr}`);
  }
  const state = loadClusterState(path.join(talosctl.home, '.talos', 'clusters', name));
  return {
    name,
    talosctl,
    nodes: state.nodes.map((n) => n.address),
    nodeRoot: (address) => state.nodes.find((n) => n.address === address)!.root,
    nodeState: (address) => state.nodes.find((n) => n.address === address)!,
    destroy,
  };
}

/** Splits a table printed by talosctl into rows of cells (header first). */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s{2,}/));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(250);
  }
}

/** Where suites keep what CI should show after a failure (QEMU console logs). */
export const ARTIFACTS_DIR = path.join(REPO, '_out', 'artifacts');
/** How many of the console's last lines a failure report carries. */
const FAILURE_TAIL_LINES = 80;

/** A file's last `n` lines ('(none)' when it cannot be read). */
export function tailLines(file: string | undefined, n: number): string {
  if (!file) return '(none)';
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch (err) {
    return `(${(err as Error).message})`;
  }
}

/**
 * Folds runs of lines that differ only after their first colon ("still waiting for X: …", one
 * every few seconds for minutes) into their last line and a count.
 */
export function foldRepeats(text: string): string {
  const out: string[] = [];
  let run = 0;
  const key = (line: string): string => line.split(':')[0]!;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next !== undefined && line.includes(':') && key(next) === key(line)) {
      run++;
      return;
    }
    out.push(run > 0 ? `${line} (and ${run} more like it before)` : line);
    run = 0;
  });
  return out.join('\n');
}

export interface QemuCluster {
  name: string;
  talosctl: Talosctl;
  node: NodeState;
  /**
   * The error a failed step throws: the node's console log copied into ARTIFACTS_DIR, and the
   * report led by the console's and the launcher's last lines (CI shows a failure's first lines).
   */
  failure(label: string, err: unknown): Error;
  destroy(): Promise<void>;
}

/** `talosctl cluster create --provisioner qemu` (one node, the image in _out/image). */
export async function createQemuCluster(
  name: string,
  timeoutMs: number,
  extraArgs: readonly string[] = [],
): Promise<QemuCluster> {
  const talosctl = new Talosctl();
  const stateDir = path.join(talosctl.home, '.talos', 'clusters', name);
  const failure = (label: string, err: unknown): Error => {
    // Where the provisioner put the node's files, as its state file says (saved before it waits).
    let node: NodeState | undefined;
    try {
      node = loadClusterState(stateDir).nodes[0];
    } catch {
      node = undefined;
    }
    let kept = 'none';
    if (node?.consoleLog && fs.existsSync(node.consoleLog)) {
      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      kept = path.join(ARTIFACTS_DIR, `${name}-${label}-console.log`);
      fs.copyFileSync(node.consoleLog, kept);
    }
    const message = err instanceof Error ? err.message : String(err);
    const [headline, ...rest] = message.split('\n');
    return new Error(
      [
        `${label}: ${headline}`,
        `--- console, last ${FAILURE_TAIL_LINES} lines (whole log: ${kept}) ---`,
        tailLines(node?.consoleLog, FAILURE_TAIL_LINES),
        `--- launcher log, last ${FAILURE_TAIL_LINES / 4} lines ---`,
        tailLines(node?.logFile, FAILURE_TAIL_LINES / 4),
        '--- the rest of the error ---',
        foldRepeats(rest.join('\n')),
      ].join('\n'),
    );
  };
  const destroy = async (): Promise<void> => {
    await talosctl.run(['cluster', 'destroy', '--provisioner', 'qemu', '--name', name], 60_000);
    talosctl.cleanup();
  };
  const created = await talosctl
    .run(
      [
        'cluster',
        'create',
        '--provisioner',
        'qemu',
        '--name',
        name,
        '--controlplanes',
        '1',
        '--workers',
        '0',
        ...extraArgs,
      ],
      timeoutMs,
    )
    .catch((err: Error) => ({ code: -1, stdout: '', stderr: err.message }));
  if (created.code !== 0) {
    const err = failure(
      'create',
      `cluster create failed (${created.code})\n${created.stdout}\n${created.stderr}`,
    );
    await destroy();
    throw err;
  }
  const state = loadClusterState(stateDir);
  return { name, talosctl, node: state.nodes[0]!, failure, destroy };
}
