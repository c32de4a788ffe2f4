import { setTimeout as delay } from 'node:timers/promises';
import { HealthState, runHealthChecks } from './health';

describe('runHealthChecks', () => {
  it('checks every startPeriodMs until the first success, then every periodMs', async () => {
    let calls = 0;
    const check = async (): Promise<void> => {
      calls++;
      if (calls < 3) throw new Error(`not yet (${calls})`);
    };
    const state = new HealthState();
    const stop = new AbortController();
    const run = runHealthChecks(
      check,
      { initialDelayMs: 0, startPeriodMs: 5, periodMs: 60_000, timeoutMs: 1000 },
      state,
      stop.signal,
    );
    await delay(300);
    stop.abort();
    await run;
    // Two failures 5 ms apart, the success, then a 60 s wait: never a fourth call.
    expect(calls).toBe(3);
    expect(state.get().healthy).toBe(true);
  });

  it('keeps periodMs between checks when no start period is given', async () => {
    let calls = 0;
    const state = new HealthState();
    const stop = new AbortController();
    const run = runHealthChecks(
      async () => {
        calls++;
        throw new Error('down');
      },
      { initialDelayMs: 0, periodMs: 60_000, timeoutMs: 1000 },
      state,
      stop.signal,
    );
    await delay(100);
    stop.abort();
    await run;
    expect(calls).toBe(1);
    expect(state.get()).toMatchObject({ healthy: false, lastMessage: 'down' });
  });
});
