// Helpers for this app's specs only.
import type { SupervisedService } from '../system/supervised-service';

/** Retries `assertion` until it passes or `timeoutMs` elapses (then rethrows its last error). */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  timeoutMs = 5000,
  stepMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }
}

export function messages(svc: SupervisedService): string[] {
  return svc.events().map((e) => e.msg);
}

/** A node one-liner as a process argv. */
export function nodeScript(code: string): string[] {
  return [process.execPath, '-e', code];
}
