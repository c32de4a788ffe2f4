// Dev-mode runner: the service is a child process. Its stdout and stderr go, line by line, into the
// service's LogBuffer; stop is SIGTERM, then SIGKILL when the grace period runs out.
import { spawn } from 'node:child_process';
import { SERVICE_STOP_GRACE_MS } from '@talos/constants';
import type { LogBuffer } from './log-buffer';
import type { ServiceRunner } from './runner';
import { ServiceState, type EventSink } from './service-state';

export interface ProcessRunnerOptions {
  /** argv[0] is the executable. */
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  log: LogBuffer;
  graceMs?: number;
}

export class ProcessRunner implements ServiceRunner {
  constructor(private readonly opts: ProcessRunnerOptions) {}

  run(sink: EventSink, signal: AbortSignal): Promise<void> {
    const [command, ...args] = this.opts.args;
    if (!command) return Promise.reject(new Error('error starting process: empty command'));
    if (signal.aborted) return Promise.resolve();

    return new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, {
        cwd: this.opts.cwd,
        env: this.opts.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out = this.opts.log.writer();
      const errOut = this.opts.log.writer();
      child.stdout.on('data', (c: Buffer) => out.write(c));
      child.stderr.on('data', (c: Buffer) => errOut.write(c));

      let stopping = false;
      let killTimer: NodeJS.Timeout | undefined;
      const stop = (): void => {
        stopping = true;
        sink(ServiceState.Stopping, `Sending SIGTERM to ${this}`);
        child.kill('SIGTERM');
        killTimer = setTimeout(() => {
          sink(ServiceState.Stopping, `Sending SIGKILL to ${this}`);
          child.kill('SIGKILL');
        }, this.opts.graceMs ?? SERVICE_STOP_GRACE_MS);
      };

      child.once('spawn', () => {
        sink(ServiceState.Running, `Process ${this} started with PID ${child.pid}`);
        if (signal.aborted) stop();
        else signal.addEventListener('abort', stop, { once: true });
      });
      child.once('error', (err) => {
        // 'error' without 'spawn' means the process never started; 'close' will not follow.
        if (child.pid === undefined) reject(new Error(`error starting process: ${err.message}`));
      });
      // 'close' (not 'exit') so that the last lines of output are captured before we report.
      child.once('close', (code, sig) => {
        signal.removeEventListener('abort', stop);
        if (killTimer) clearTimeout(killTimer);
        out.end();
        errOut.end();
        if (stopping || code === 0) return resolve();
        reject(new Error(sig ? `signal: ${signalName(sig)}` : `exit status ${code}`));
      });
    });
  }

  toString(): string {
    return `Process(${JSON.stringify(this.opts.args).replace(/","/g, '" "')})`;
  }
}

function signalName(sig: NodeJS.Signals): string {
  return sig === 'SIGKILL' ? 'killed' : sig === 'SIGTERM' ? 'terminated' : sig;
}
