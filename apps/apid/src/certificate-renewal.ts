// Keeps apid's serving certificate fresh: trustd signs for a day, so apid asks again half-way
// through each certificate's life, and keeps asking with back-off while trustd cannot answer.
// A new certificate reaches listeners through the provider (Apid swaps its TLS context: new
// connections get it, open ones and their streams carry on).
import {
  SERVING_CERT_RENEW_HOURS,
  SERVING_CERT_RENEW_RETRY_MAX_MS,
  SERVING_CERT_RENEW_RETRY_MIN_MS,
} from '@talos/constants';
import type { Logger } from '@talos/log';
import { certificateNotAfter } from '@talos/pki';
import type { ServingCertificate } from './certificate-provider';

const HOUR_MS = 60 * 60 * 1000;

/** A provider that can ask for a new certificate (TrustdCertificateProvider). */
export interface RenewableCertificates {
  current(): ServingCertificate;
  /** Obtains a new certificate and makes it current; rejects when none could be had. */
  renew(): Promise<void>;
}

/** The clock and timer renewal runs on (tests drive their own). */
export interface RenewalTimers {
  now(): number;
  /** Runs `fn` after `ms`; returns the function that cancels it. */
  schedule(fn: () => void, ms: number): () => void;
}

export const realTimers: RenewalTimers = {
  now: () => Date.now(),
  schedule: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    // Renewal alone must not keep a stopping process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface CertificateRenewalOptions {
  certificates: RenewableCertificates;
  logger: Logger;
  timers?: RenewalTimers;
  /** Longest wait between renewals, whatever the lifetime (SERVING_CERT_RENEW_HOURS). */
  maxIntervalMs?: number;
  /** First retry delay after a failed renewal, doubled on each failure up to retryMaxMs. */
  retryMinMs?: number;
  retryMaxMs?: number;
}

/**
 * When to renew `crt`, in ms from `now`: half of what is left of its life (notBefore is
 * back-dated for clock skew, so the time it arrived stands for the start), at most `maxMs`,
 * and at least `minMs` so that a certificate already near its end cannot make a busy loop.
 */
export function renewalDelayMs(crt: string, now: number, maxMs: number, minMs: number): number {
  const remaining = certificateNotAfter(crt).getTime() - now;
  return Math.max(minMs, Math.min(Math.floor(remaining / 2), maxMs));
}

export class CertificateRenewal {
  private readonly timers: RenewalTimers;
  private readonly maxIntervalMs: number;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private cancel: (() => void) | undefined;
  private running = false;
  private failures = 0;

  constructor(private readonly opts: CertificateRenewalOptions) {
    this.timers = opts.timers ?? realTimers;
    this.maxIntervalMs = opts.maxIntervalMs ?? SERVING_CERT_RENEW_HOURS * HOUR_MS;
    this.retryMinMs = opts.retryMinMs ?? SERVING_CERT_RENEW_RETRY_MIN_MS;
    this.retryMaxMs = opts.retryMaxMs ?? SERVING_CERT_RENEW_RETRY_MAX_MS;
  }

  /** Schedules the renewal of the current certificate (and every one after it). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.scheduleRenewal();
  }

  /** Cancels the next renewal; one already asking trustd finishes but schedules nothing. */
  stop(): void {
    this.running = false;
    this.cancel?.();
    this.cancel = undefined;
  }

  private scheduleRenewal(): void {
    const crt = this.opts.certificates.current().crt;
    const delay = renewalDelayMs(crt, this.timers.now(), this.maxIntervalMs, this.retryMinMs);
    this.opts.logger.info(
      {
        notAfter: certificateNotAfter(crt).toISOString(),
        renewAt: new Date(this.timers.now() + delay).toISOString(),
      },
      'serving certificate renewal scheduled',
    );
    this.cancel = this.timers.schedule(() => void this.renew(), delay);
  }

  private async renew(): Promise<void> {
    this.cancel = undefined;
    try {
      await this.opts.certificates.renew();
    } catch (err) {
      if (!this.running) return;
      this.failures++;
      const delay = Math.min(this.retryMinMs * 2 ** (this.failures - 1), this.retryMaxMs);
      this.opts.logger.warn(
        { err: (err as Error).message, attempt: this.failures, retryInMs: delay },
        'serving certificate renewal failed, will retry',
      );
      this.cancel = this.timers.schedule(() => void this.renew(), delay);
      return;
    }
    this.failures = 0;
    if (this.running) this.scheduleRenewal();
  }
}
