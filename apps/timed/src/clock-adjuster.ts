// Applies a measured offset to the system clock: slew small offsets, step large ones (as Talos's
// timed did, with the same 128 ms limit). Where the clock must not or cannot be set (dev mode,
// not root, no CAP_SYS_TIME), it says why once and skips.
import { NTP_ADJUST_LIMIT_MS } from '@talos/constants';
import type { Logger } from '@talos/log';
import { SyscallError, slewClock, stepClock } from '@talos/sys';

export interface ClockControl {
  step(offsetMs: number): void;
  slew(offsetMs: number): void;
}

export const systemClock: ClockControl = { step: (ms) => stepClock(ms), slew: (ms) => slewClock(ms) };

export type Adjustment = 'stepped' | 'slewed' | 'skipped';

export interface ClockAdjusterOptions {
  logger: Logger;
  /** Why the clock must not be set (dev mode, not root); undefined when it may be. */
  disabledReason?: string;
  control?: ClockControl;
  adjustLimitMs?: number;
}

export class ClockAdjuster {
  private disabledReason: string | undefined;
  private told = false;
  private adjusted = false;
  private readonly control: ClockControl;
  private readonly limitMs: number;

  constructor(private readonly opts: ClockAdjusterOptions) {
    this.disabledReason = opts.disabledReason;
    this.control = opts.control ?? systemClock;
    this.limitMs = opts.adjustLimitMs ?? NTP_ADJUST_LIMIT_MS;
  }

  adjust(offsetMs: number): Adjustment {
    if (this.disabledReason !== undefined) {
      this.tellOnce(this.disabledReason);
      return 'skipped';
    }
    const step = Math.abs(offsetMs) > this.limitMs;
    try {
      if (step) this.control.step(offsetMs);
      else this.control.slew(offsetMs);
    } catch (err) {
      // Without the privilege it never comes back: say so once and stop trying.
      if (SyscallError.is(err, 'EPERM') || SyscallError.is(err, 'EACCES')) {
        this.disabledReason = (err as Error).message;
        this.tellOnce(this.disabledReason);
        return 'skipped';
      }
      throw new Error(`error ${step ? 'setting' : 'adjusting'} the system clock: ${(err as Error).message}`, {
        cause: err,
      });
    }
    // The first correction and every step are news; routine slews afterwards are not (a node
    // polls for ever, and its log should not fill with them).
    const level = step || !this.adjusted ? 'info' : 'debug';
    this.adjusted = true;
    this.opts.logger[level]({ offsetMs }, step ? 'stepped the system clock' : 'slewing the system clock');
    return step ? 'stepped' : 'slewed';
  }

  private tellOnce(reason: string): void {
    if (this.told) return;
    this.told = true;
    this.opts.logger.warn(`not setting the system clock: ${reason}`);
  }
}
