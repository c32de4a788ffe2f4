// A metal node's console is the only place an operator can look while apid is not up. When a
// service fails (its run ends in error, or a health check fails), machined prints the last lines of
// that service's log there, once per distinct failure, so a node stuck at boot says why.
import type { Logger } from '@talos/log';
import type { MachineEventBus } from '../events/machine-event-bus';
import type { LogBuffer } from '../system/log-buffer';
import { ServiceState } from '../system/service-state';

export const FAILURE_TAIL_LINES = 8;

export function reportServiceFailures(opts: {
  bus: MachineEventBus;
  logOf: (service: string) => LogBuffer | undefined;
  logger: Logger;
  signal: AbortSignal;
}): void {
  const reported = new Set<string>();
  void (async () => {
    for await (const event of opts.bus.subscribe({ signal: opts.signal })) {
      const p = event.payload;
      if (p.type !== 'service') continue;
      const failing = p.state === ServiceState.Failed || p.health?.healthy === false;
      if (!failing) {
        // Recovered: a later failure with the same message is news again.
        for (const key of [...reported]) if (key.startsWith(`${p.service}\n`)) reported.delete(key);
        continue;
      }
      const why = p.health?.healthy === false ? p.health.lastMessage : p.msg;
      const key = `${p.service}\n${why}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const tail = opts.logOf(p.service)?.tail(FAILURE_TAIL_LINES).toString().trimEnd();
      if (!tail) continue;
      opts.logger.warn({ service: p.service }, `last lines of its log:\n${tail}`);
    }
  })().catch(() => undefined);
}
