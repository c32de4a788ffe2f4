// The sync loop: query the configured servers (first that answers wins), correct the clock,
// sleep MIN_POLL + random(MAX_POLL), again; retry sooner until the first sync succeeds.
import { setTimeout as delay } from 'node:timers/promises';
import { NTP_INITIAL_RETRY_MS, NTP_MAX_POLL_MS, NTP_MIN_POLL_MS } from '@talos/constants';
import type { Logger } from '@talos/log';
import type { Adjustment } from './clock-adjuster';
import type { NtpResult } from './sntp-client';

export type NtpQuery = (server: string, signal?: AbortSignal) => Promise<NtpResult>;

/** Asks each server in turn; the first good answer wins, else one error naming every failure. */
export async function queryFirst(
  servers: readonly string[],
  query: NtpQuery,
  signal?: AbortSignal,
): Promise<NtpResult> {
  if (servers.length === 0) throw new Error('no NTP servers configured');
  const errors: string[] = [];
  for (const server of servers) {
    try {
      return await query(server, signal);
    } catch (err) {
      errors.push((err as Error).message);
      if (signal?.aborted) break;
    }
  }
  throw new Error(errors.join('; '));
}

export interface TimeSyncerOptions {
  servers: () => readonly string[];
  query: NtpQuery;
  adjust: (offsetMs: number) => Adjustment;
  logger: Logger;
  /** Called after each successful sync (timed publishes its sync state through health). */
  onSynced?: (res: NtpResult) => void;
  minPollMs?: number;
  maxPollMs?: number;
  initialRetryMs?: number;
  random?: () => number;
}

export class TimeSyncer {
  private lastResult: NtpResult | undefined;

  constructor(private readonly opts: TimeSyncerOptions) {}

  /** True once a sync has succeeded (Talos's timed "ready"). */
  get ready(): boolean {
    return this.lastResult !== undefined;
  }

  get last(): NtpResult | undefined {
    return this.lastResult;
  }

  /** One query and clock correction. */
  async syncOnce(signal?: AbortSignal): Promise<NtpResult> {
    const res = await queryFirst(this.opts.servers(), this.opts.query, signal);
    const adjustment = this.opts.adjust(res.offsetMs);
    this.opts.logger.debug(
      { server: res.server, offsetMs: res.offsetMs, delayMs: res.delayMs, stratum: res.stratum, adjustment },
      'time sync',
    );
    this.lastResult = res;
    this.opts.onSynced?.(res);
    return res;
  }

  /** Syncs until `signal` aborts; failures are logged, never fatal. */
  async run(signal: AbortSignal): Promise<void> {
    const minPoll = this.opts.minPollMs ?? NTP_MIN_POLL_MS;
    const maxPoll = this.opts.maxPollMs ?? NTP_MAX_POLL_MS;
    const retry = this.opts.initialRetryMs ?? NTP_INITIAL_RETRY_MS;
    const random = this.opts.random ?? Math.random;
    while (!signal.aborted) {
      try {
        await this.syncOnce(signal);
      } catch (err) {
        if (signal.aborted) return;
        this.opts.logger.warn({ err: (err as Error).message }, 'time sync failed');
      }
      const wait = this.ready ? minPoll + Math.floor(random() * maxPoll) : retry;
      await delay(wait, undefined, { signal }).catch(() => undefined); // an abort ends the wait
    }
  }
}
