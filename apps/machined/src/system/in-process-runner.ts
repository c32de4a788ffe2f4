// A workload that lives inside machined (machined's own pseudo service, later its API servers):
// an async function that runs until its signal aborts.
import type { ServiceRunner } from './runner';
import { ServiceState, type EventSink } from './service-state';

export type InProcessTask = (signal: AbortSignal) => Promise<void>;

/** Waits until aborted: a service that is simply Running while machined is. */
export const idleTask: InProcessTask = (signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });

export class InProcessRunner implements ServiceRunner {
  constructor(
    private readonly name: string,
    private readonly task: InProcessTask = idleTask,
  ) {}

  async run(sink: EventSink, signal: AbortSignal): Promise<void> {
    sink(ServiceState.Running, 'Service started in machined');
    await this.task(signal);
  }

  toString(): string {
    return `InProcess(${JSON.stringify(this.name)})`;
  }
}
