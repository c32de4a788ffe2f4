// A metal node's console is the only place an operator can look while apid is not up. When a
// service fails (its run ends in error, or its health check keeps failing past a grace period, as
// every check does while a service starts), machined prints the last lines of that service's log
// there, once per distinct failure, so a node stuck at boot says why.
import type { Logger } from '@talos/log';
import type { MachineEventBus } from '../events/machine-event-bus';
import type { LogBuffer } from '../system/log-buffer';
import { ServiceState } from '../system/service-state';

export const FAILURE_TAIL_LINES = 8;
/** A health check may fail this long (a service starting) before it is worth a report. */
export const HEALTH_FAILURE_GRACE_MS = 30_000;

export interface FailureReportOptions {
  bus: MachineEventBus;
  logOf: (service: string) => LogBuffer | undefined;
  logger: Logger;
  signal: AbortSignal;
  graceMs?: number;
}

export function reportServiceFailures(opts: FailureReportOptions): void {
  const reported = new Set<string>();
  const pending = new Map<string, NodeJS.Timeout>();
  const report = (service: string, why: string): void => {
    const key = `${service}\n${why}`;
    if (reported.has(key)) return;
    reported.add(key);
    const tail = opts.logOf(service)?.tail(FAILURE_TAIL_LINES).toString().trimEnd();
    opts.logger.warn({ service }, `${why}; last lines of its log:\n${tail || '(empty)'}`);
  };
  const settle = (service: string): void => {
    clearTimeout(pending.get(service));
    pending.delete(service);
  };
  opts.signal.addEventListener('abort', () => [...pending.keys()].forEach(settle), { once: true });

  void (async () => {
    for await (const event of opts.bus.subscribe({ signal: opts.signal })) {
      const p = event.payload;
      if (p.type !== 'service') continue;
      if (p.state === ServiceState.Failed) {
        settle(p.service);
        report(p.service, p.msg);
      } else if (p.health?.healthy === false) {
        if (pending.has(p.service)) continue;
        const why = p.health.lastMessage;
        pending.set(
          p.service,
          setTimeout(() => {
            pending.delete(p.service);
            report(
              p.service,
              `health check failing for ${Math.round((opts.graceMs ?? HEALTH_FAILURE_GRACE_MS) / 1000)}s: ${why}`,
            );
          }, opts.graceMs ?? HEALTH_FAILURE_GRACE_MS),
        );
      } else if (p.health?.healthy === true || p.state !== ServiceState.Running) {
        // Recovered (or stopped): a later failure is news again.
        settle(p.service);
        for (const key of [...reported]) if (key.startsWith(`${p.service}\n`)) reported.delete(key);
      }
    }
  })().catch(() => undefined);
}
