// v1alpha1.TimeStatusController: TimeStatus (runtime/node, {synced}) from timed. timed knows nothing
// of resources; it reports its sync state as a grpc.health.v1 status on its own socket, and this
// controller, the type's only writer, asks for it every period (docs/decisions/0005).
import { TIME_SYNC_HEALTH_SERVICE } from '@talos/constants';
import type { Controller } from '@talos/resources';
import { grpcHealthCheck } from '../system/grpc-health';
import { TIME_STATUS_ID, TimeStatusKind } from './kinds';
import { pollEvery } from './poll';

export const TIME_STATUS_CONTROLLER = 'v1alpha1.TimeStatusController';

/** How often timed is asked (a sync happens at most every NTP poll, so seconds are plenty). */
export const TIME_STATUS_POLL_MS = 5_000;

/** True when timed says its clock is in sync; false when it says not, or does not answer. */
export type TimeSyncProbe = (signal: AbortSignal) => Promise<boolean>;

/** The probe asking timed's health service on `socketPath`. */
export function timedSyncProbe(socketPath: string): TimeSyncProbe {
  const check = grpcHealthCheck(socketPath, TIME_SYNC_HEALTH_SERVICE);
  return (signal) =>
    check(signal).then(
      () => true,
      () => false,
    );
}

export function timeStatusController(probe: TimeSyncProbe, periodMs = TIME_STATUS_POLL_MS): Controller {
  return {
    name: TIME_STATUS_CONTROLLER,
    inputs: [],
    outputs: [{ type: TimeStatusKind.definition.type, kind: 'exclusive' }],
    // No inputs to wake it: one reconcile that polls until the runtime stops.
    async reconcile({ state, signal }) {
      await pollEvery(periodMs, signal, async () => {
        const synced = await probe(signal);
        if (signal.aborted) return;
        await state.modify(TimeStatusKind.pointer(TIME_STATUS_ID), () => ({ synced }));
      });
    },
  };
}
