// What the supervisor needs to know about a service: its id, what it waits for, how it runs,
// how its health is checked and what the API may do with it.
import type { HealthCheck, HealthSettings } from './health';
import type { LogBuffer } from './log-buffer';
import type { ServiceRunner } from './runner';

export interface ServiceDefinition {
  id: string;
  /** Services that must be up (running and healthy, or finished, or skipped) before this one starts. */
  dependsOn?: readonly string[];
  /** Work before the runner is built ("Running pre state"), e.g. creating the run directory. */
  pre?(signal: AbortSignal): Promise<void>;
  /** A fresh runner for each start; null when the service does not apply here (Skipped). */
  runner(): ServiceRunner | null;
  health?: { check: HealthCheck; settings?: Partial<HealthSettings> };
  /** What ServiceStart/Stop/Restart may do (all allowed unless false). */
  api?: { start?: boolean; stop?: boolean; restart?: boolean };
  /** The service's captured output (`talosctl logs <id>`). */
  log?: LogBuffer;
}

export class ServiceNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`service ${JSON.stringify(id)} not found`);
    this.name = 'ServiceNotFoundError';
  }
}

/** The API asked for an operation the service refuses (e.g. stopping machined itself). */
export class ServiceOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceOperationError';
  }
}
