// Setting the system clock: a step (clock_settime) for large corrections, a slew (adjtime) for
// small ones so that time never jumps backwards under running programs. Both need CAP_SYS_TIME.
import { CLOCK_REALTIME, adjtime, clockSettime } from './syscalls';

/** Steps the realtime clock by `offsetMs`. */
export function stepClock(offsetMs: number, now: () => number = Date.now): void {
  clockSettime(CLOCK_REALTIME, now() + offsetMs);
}

/** Asks the kernel to slew the realtime clock by `offsetMs`, gradually. */
export function slewClock(offsetMs: number): void {
  adjtime(offsetMs);
}
