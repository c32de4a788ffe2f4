// Runs the build's external tools (apt-get, dpkg-deb, mksquashfs, musl-gcc, cpio) and names the
// command in the error when one fails.
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  /** Throw on a non-zero exit (default). */
  check?: boolean;
  /** Write stdout to this file descriptor instead of collecting it. */
  stdoutFd?: number;
  /** Variables added to the environment. */
  env?: Record<string, string>;
}

export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ? { ...process.env, ...opts.env } : undefined,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', opts.stdoutFd ?? 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new Error(`error running ${cmd}: ${e.message}`)));
    child.on('close', (code) => {
      const res = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (res.code !== 0 && opts.check !== false) {
        reject(new Error(`error running ${cmd} ${args.join(' ')}: exit ${res.code}: ${res.stderr.trim()}`));
      } else resolve(res);
    });
    // A tool may exit without reading all its input; its exit status tells what went wrong.
    child.stdin?.on('error', () => {});
    child.stdin?.end(opts.input);
  });
}
