// Runs a service as a containerd task: one container per service in the system namespace, its
// output through FIFOs into the service's LogBuffer. Like ProcessRunner, one run() is one life of
// the workload; RestartingRunner around it brings it back when it ends.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isAlreadyExists, isNotFound, type ContainerdClient, type OciSpec } from '@talos/containerd';
import { SERVICE_STOP_GRACE_MS } from '@talos/constants';
import type { LogBuffer } from '../system/log-buffer';
import type { ServiceRunner } from '../system/runner';
import { ServiceState, type EventSink } from '../system/service-state';
import { LogFifo } from './log-fifo';
import type { TaskGate } from './task-gates';

const SIGKILL = 9;
const SIGTERM = 15;
/** How long the last output may take to drain from the FIFOs after the task exited. */
const LOG_DRAIN_MS = 1000;

export interface ContainerdRunnerOptions {
  /** A client for the namespace the container lives in. */
  client: ContainerdClient;
  /** Container (and task) id. */
  id: string;
  /** The OCI spec, built at each start (so it sees the current config). */
  spec: () => OciSpec | Promise<OciSpec>;
  log: LogBuffer;
  /** Where the stdout/stderr FIFOs are made. */
  fifoDir: string;
  graceMs?: number;
  /** What the task's creation goes through (task-gates.ts); default: nothing. */
  taskGate?: TaskGate;
}

export class ContainerdRunner implements ServiceRunner {
  constructor(private readonly opts: ContainerdRunnerOptions) {}

  async run(sink: EventSink, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const { client, id } = this.opts;
    const spec = await this.opts.spec();
    try {
      await client.createContainer({ id, spec });
    } catch (err) {
      // Only then look for what an earlier run left: on a fresh boot there is nothing, and the
      // three calls that find so cost a third of a second under emulation.
      if (!isAlreadyExists(err)) throw err;
      await this.removeStale();
      await client.createContainer({ id, spec });
    }

    const fifos: LogFifo[] = [];
    let stopping = false;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      stopping = true;
      sink(ServiceState.Stopping, `Sending SIGTERM to ${this}`);
      client.killTask(id, SIGTERM).catch(() => undefined);
      killTimer = setTimeout(() => {
        sink(ServiceState.Stopping, `Sending SIGKILL to ${this}`);
        client.killTask(id, SIGKILL, true).catch(() => undefined);
      }, this.opts.graceMs ?? SERVICE_STOP_GRACE_MS);
    };

    try {
      await mkdir(this.opts.fifoDir, { recursive: true, mode: 0o700 });
      const stdout = await LogFifo.create(
        path.join(this.opts.fifoDir, `${id}-stdout`),
        this.opts.log.writer(),
      );
      fifos.push(stdout);
      const stderr = await LogFifo.create(
        path.join(this.opts.fifoDir, `${id}-stderr`),
        this.opts.log.writer(),
      );
      fifos.push(stderr);

      const createTask = () =>
        client.createTask({ containerId: id, stdout: stdout.path, stderr: stderr.path });
      await (this.opts.taskGate ? this.opts.taskGate.run(id, createTask) : createTask());
      for (const f of fifos) f.releaseKeepalive();
      // Wait before Start so that an exit right after start is not missed.
      const exit = client.waitTask(id);
      exit.catch(() => undefined);
      const pid = await client.startTask(id);
      sink(ServiceState.Running, `Started task ${id} (PID ${pid}) for container ${id}`);
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });

      const { exitStatus } = await exit;
      if (stopping || exitStatus === 0) return;
      throw new Error(exitMessage(exitStatus));
    } finally {
      signal.removeEventListener('abort', stop);
      if (killTimer) clearTimeout(killTimer);
      await Promise.all(fifos.map((f) => f.close(LOG_DRAIN_MS)));
      await this.cleanup();
    }
  }

  toString(): string {
    return `Containerd(${this.opts.client.namespace}/${this.opts.id})`;
  }

  /** A container left from an earlier run (machined restarted, or a failed cleanup) is in the way. */
  private async removeStale(): Promise<void> {
    const { client, id } = this.opts;
    try {
      const task = await client.getTask(id);
      if (task.status !== 'STOPPED') {
        const exited = client.waitTask(id).catch(() => undefined);
        await client.killTask(id, SIGKILL, true);
        await exited;
      }
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    await this.cleanup(true);
  }

  private async cleanup(strict = false): Promise<void> {
    const { client, id } = this.opts;
    for (const remove of [() => client.deleteTask(id), () => client.deleteContainer(id)]) {
      try {
        await remove();
      } catch (err) {
        // After a failure the original error is the one worth reporting.
        if (strict && !isNotFound(err)) throw err;
      }
    }
  }
}

/** containerd reports a task killed by signal N as exit status 128+N (as a shell would). */
function exitMessage(status: number): string {
  if (status > 128 && status < 128 + 65) {
    const sig = status - 128;
    return `task exited with signal: ${sig === SIGKILL ? 'killed' : sig === SIGTERM ? 'terminated' : `signal ${sig}`}`;
  }
  return `task exited with status ${status}`;
}
