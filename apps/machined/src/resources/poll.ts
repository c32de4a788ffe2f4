// A polling loop for controllers whose source is another daemon rather than a resource: the
// controller runtime only wakes on input changes, so such a controller's reconcile runs this loop
// until the runtime stops. A throw from `step` ends the loop (the runtime restarts the controller
// with back-off).
import { setTimeout as delay } from 'node:timers/promises';

/** Runs `step` now and then every `periodMs` until `signal` aborts. */
export async function pollEvery(
  periodMs: number,
  signal: AbortSignal,
  step: () => Promise<void>,
): Promise<void> {
  while (!signal.aborted) {
    await step();
    await delay(periodMs, undefined, { signal }).catch(() => undefined); // an abort ends the wait
  }
}
