import { silentLogger } from '@talos/log';
import { SyscallError } from '@talos/sys';
import { ClockAdjuster, type ClockControl } from './clock-adjuster';

// Setting the host's clock cannot happen in a test: this control records what would have been done.
function recordingClock(fail?: SyscallError): ClockControl & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    step: (ms) => {
      if (fail) throw fail;
      calls.push(`step ${ms}`);
    },
    slew: (ms) => {
      if (fail) throw fail;
      calls.push(`slew ${ms}`);
    },
  };
}

function capturingLogger() {
  const lines: string[] = [];
  const logger = silentLogger();
  logger.warn = ((msg: string) => void lines.push(msg)) as typeof logger.warn;
  return { logger, lines };
}

describe('ClockAdjuster', () => {
  it('slews offsets up to 128 ms and steps larger ones', () => {
    const clock = recordingClock();
    const adj = new ClockAdjuster({ logger: silentLogger(), control: clock });
    expect(adj.adjust(100)).toBe('slewed');
    expect(adj.adjust(-128)).toBe('slewed');
    expect(adj.adjust(-129)).toBe('stepped');
    expect(adj.adjust(5000)).toBe('stepped');
    expect(clock.calls).toEqual(['slew 100', 'slew -128', 'step -129', 'step 5000']);
  });

  it('logs the first correction and every step at info, later slews at debug', () => {
    const logger = silentLogger();
    const lines: string[] = [];
    logger.info = ((_: unknown, msg: string) => void lines.push(`info ${msg}`)) as typeof logger.info;
    logger.debug = ((_: unknown, msg: string) => void lines.push(`debug ${msg}`)) as typeof logger.debug;
    const adj = new ClockAdjuster({ logger, control: recordingClock() });
    adj.adjust(10);
    adj.adjust(20);
    adj.adjust(500);
    adj.adjust(-5);
    expect(lines).toEqual([
      'info slewing the system clock',
      'debug slewing the system clock',
      'info stepped the system clock',
      'debug slewing the system clock',
    ]);
  });

  it('skips when disabled, saying why once', () => {
    const { logger, lines } = capturingLogger();
    const clock = recordingClock();
    const adj = new ClockAdjuster({ logger, control: clock, disabledReason: 'not running as root' });
    expect(adj.adjust(5000)).toBe('skipped');
    expect(adj.adjust(5000)).toBe('skipped');
    expect(clock.calls).toEqual([]);
    expect(lines).toEqual(['not setting the system clock: not running as root']);
  });

  it('stops trying after EPERM, saying so once', () => {
    const { logger, lines } = capturingLogger();
    const adj = new ClockAdjuster({ logger, control: recordingClock(new SyscallError('clock_settime', 1)) });
    expect(adj.adjust(5000)).toBe('skipped');
    expect(adj.adjust(10)).toBe('skipped');
    expect(lines).toEqual(['not setting the system clock: clock_settime: EPERM (operation not permitted)']);
  });

  it('reports other failures with context', () => {
    const adj = new ClockAdjuster({
      logger: silentLogger(),
      control: recordingClock(new SyscallError('adjtime', 22)),
    });
    expect(() => adj.adjust(1)).toThrow(
      'error adjusting the system clock: adjtime: EINVAL (invalid argument)',
    );
  });
});
