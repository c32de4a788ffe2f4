// Restart policy around a runner. Talos restarts system daemons forever; we add exponential back-off
// (reset after a stable run) so that a crash loop does not burn the CPU.
import {
  SERVICE_RESTART_INITIAL_MS,
  SERVICE_RESTART_MAX_MS,
  SERVICE_RESTART_STABLE_MS,
} from '@talos/constants';
import { errorMessage, sleep } from './health';
import type { ServiceRunner } from './runner';
import { ServiceState, type EventSink } from './service-state';

export type RestartPolicy = 'forever' | 'untilSuccess' | 'once';

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** A run at least this long resets the delay to `initialMs`. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = {
  initialMs: SERVICE_RESTART_INITIAL_MS,
  maxMs: SERVICE_RESTART_MAX_MS,
  stableMs: SERVICE_RESTART_STABLE_MS,
};

export class Backoff {
  private current: number;

  constructor(private readonly opts: BackoffOptions = DEFAULT_BACKOFF) {
    this.current = opts.initialMs;
  }

  /** The delay before the next start, given how long the last run lasted. */
  next(lastRunMs: number): number {
    if (lastRunMs >= this.opts.stableMs) this.current = this.opts.initialMs;
    const delay = this.current;
    this.current = Math.min(this.current * 2, this.opts.maxMs);
    return delay;
  }
}

export interface RestartingRunnerOptions {
  policy?: RestartPolicy;
  backoff?: BackoffOptions;
  now?: () => number;
}

export class RestartingRunner implements ServiceRunner {
  private readonly policy: RestartPolicy;

  constructor(
    private readonly inner: ServiceRunner,
    private readonly opts: RestartingRunnerOptions = {},
  ) {
    this.policy = opts.policy ?? 'forever';
  }

  async run(sink: EventSink, signal: AbortSignal): Promise<void> {
    const backoff = new Backoff(this.opts.backoff ?? DEFAULT_BACKOFF);
    const now = this.opts.now ?? Date.now;
    for (;;) {
      const started = now();
      let failure: unknown;
      let failed = false;
      try {
        await this.inner.run(sink, signal);
      } catch (err) {
        failed = true;
        failure = err;
      }
      if (signal.aborted) return;

      switch (this.policy) {
        case 'once':
          if (failed) throw failure;
          return;
        case 'untilSuccess':
          if (!failed) return;
          sink(
            ServiceState.Waiting,
            `Error running ${this.inner}, going to restart until it succeeds: ${errorMessage(failure)}`,
          );
          break;
        case 'forever':
          sink(
            ServiceState.Waiting,
            failed
              ? `Error running ${this.inner}, going to restart forever: ${errorMessage(failure)}`
              : `Runner ${this.inner} exited without error, going to restart it`,
          );
          break;
      }

      if (!(await sleep(backoff.next(now() - started), signal))) {
        sink(ServiceState.Stopping, 'Aborting restart sequence');
        return;
      }
    }
  }

  toString(): string {
    return `Restart(${this.policy}, ${this.inner})`;
  }
}
