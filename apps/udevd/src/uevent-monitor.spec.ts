import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { silentLogger } from '@talos/log';
import { UeventMonitor } from './uevent-monitor';

describe('UeventMonitor', () => {
  it('reports an unavailable uevent socket and returns without failing', async () => {
    const logger = silentLogger();
    const warnings: unknown[] = [];
    logger.warn = ((...args: unknown[]) => void warnings.push(args)) as typeof logger.warn;
    const monitor = new UeventMonitor({
      logger,
      open: () => {
        throw new Error('error opening kernel uevent socket: bind: EPERM (operation not permitted)');
      },
    });
    await expect(monitor.run(new AbortController().signal)).resolves.toBe(false);
    expect(monitor.snapshot().listening).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it('counts real kernel uevents by subsystem until aborted', async () => {
    const monitor = new UeventMonitor({ logger: silentLogger() });
    const ac = new AbortController();
    const running = monitor.run(ac.signal);
    await new Promise((r) => setTimeout(r, 50));
    if (!monitor.snapshot().listening) {
      ac.abort();
      expect(await running).toBe(false); // sandbox without the uevent socket
      return;
    }
    let triggered = false;
    try {
      fs.writeFileSync('/sys/class/net/lo/uevent', `change ${randomUUID()}`);
      triggered = true;
    } catch {
      // not root: only the clean stop is checked
    }
    const deadline = Date.now() + 5000;
    while (triggered && !monitor.snapshot().bySubsystem.net && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    ac.abort();
    expect(await running).toBe(true);
    const stats = monitor.snapshot();
    expect(stats.listening).toBe(false);
    if (triggered) {
      expect(stats.total).toBeGreaterThanOrEqual(1);
      expect(stats.bySubsystem.net).toBeGreaterThanOrEqual(1);
    }
  });
});
