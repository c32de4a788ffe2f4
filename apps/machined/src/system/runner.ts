// How a service's workload runs. The supervisor does not care whether it is a child process (dev
// mode), a containerd task (the image) or a function in machined itself: each is a ServiceRunner.
import type { EventSink } from './service-state';

export interface ServiceRunner {
  /**
   * Runs the workload once. Resolves when it ends successfully, rejects with the reason when it
   * fails. Aborting `signal` stops it (gracefully, then by force); the promise then resolves.
   * Reports progress ("... started with PID n", "Sending SIGTERM ...") through `sink`.
   */
  run(sink: EventSink, signal: AbortSignal): Promise<void>;
  /** How events name this runner, e.g. Process(["node" "apid/main.js"]). */
  toString(): string;
}
