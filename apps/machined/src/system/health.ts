// Health of a running service: a check function run on a schedule (Talos: first after 1 s, then every
// 5 s, each bounded by 500 ms; here checked more often until the first success), folded into a
// HealthState that notifies only on transitions.
import {
  HEALTH_INITIAL_DELAY_MS,
  HEALTH_PERIOD_MS,
  HEALTH_START_PERIOD_MS,
  HEALTH_TIMEOUT_MS,
} from '@talos/constants';
import type { HealthStatus } from './service-state';

/** Resolves when healthy; rejects with the reason otherwise. Must honour `signal` (the timeout). */
export type HealthCheck = (signal: AbortSignal) => Promise<void>;

export interface HealthSettings {
  initialDelayMs: number;
  periodMs: number;
  /** The period until the first successful check of a run (default: periodMs). */
  startPeriodMs?: number;
  timeoutMs: number;
}

export const DEFAULT_HEALTH_SETTINGS: Readonly<HealthSettings> = {
  initialDelayMs: HEALTH_INITIAL_DELAY_MS,
  periodMs: HEALTH_PERIOD_MS,
  startPeriodMs: HEALTH_START_PERIOD_MS,
  timeoutMs: HEALTH_TIMEOUT_MS,
};

export type HealthListener = (status: HealthStatus) => void;

export class HealthState {
  private status: HealthStatus = { healthy: undefined, lastMessage: '', lastChange: undefined };
  private readonly listeners = new Set<HealthListener>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  get(): HealthStatus {
    return { ...this.status };
  }

  /** Records a check result; listeners hear only about changes of `healthy`. */
  update(healthy: boolean, message: string): void {
    const changed = this.status.healthy !== healthy;
    this.status = {
      healthy,
      lastMessage: message,
      lastChange: changed ? this.now() : this.status.lastChange,
    };
    if (!changed) return;
    const snapshot = this.get();
    for (const l of [...this.listeners]) l(snapshot);
  }

  /** Back to unknown (a new run of the service). */
  reset(): void {
    this.status = { healthy: undefined, lastMessage: '', lastChange: undefined };
  }

  subscribe(listener: HealthListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Runs `check` on the schedule until `signal` aborts. */
export async function runHealthChecks(
  check: HealthCheck,
  settings: HealthSettings,
  state: HealthState,
  signal: AbortSignal,
): Promise<void> {
  if (!(await sleep(settings.initialDelayMs, signal))) return;
  let passed = false;
  while (!signal.aborted) {
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const both = AbortSignal.any([signal, timeout]);
    try {
      await withDeadline(check(both), both);
      if (signal.aborted) return;
      state.update(true, '');
      passed = true;
    } catch (err) {
      if (signal.aborted) return;
      state.update(false, timeout.aborted ? 'health check timed out' : errorMessage(err));
    }
    const period = passed ? settings.periodMs : (settings.startPeriodMs ?? settings.periodMs);
    if (!(await sleep(period, signal))) return;
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

// A check that ignores its signal must still not hold the loop past the timeout.
function withDeadline(p: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new Error('health check timed out'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
