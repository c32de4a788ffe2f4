// Test support for controllers: a runtime on an in-memory state, and the retrying assertion
// "eventually this resource looks like that". It throws plain errors, so any test runner works.
import type { Logger } from '@talos/log';
import type { Controller } from './controller';
import { ControllerRuntime, type BackoffOptions } from './controller-runtime';
import { InMemoryState } from './in-memory-state';
import { describePointer, matchesPartial, pointer, type Resource } from './resource';
import type { State } from './state';

export type ResourceExpectation<S> =
  ((r: Resource<S> | undefined) => boolean) | { metadata?: Record<string, unknown>; spec?: unknown };

/**
 * Resolves with the resource once it matches: a predicate (given undefined while the resource does
 * not exist), or a partial resource compared field by field. Rejects after timeoutMs with the last
 * state seen.
 */
export async function eventuallyResource<S = unknown>(
  state: State,
  namespace: string,
  type: string,
  id: string,
  expected: ResourceExpectation<S>,
  timeoutMs = 2000,
): Promise<Resource<S> | undefined> {
  const matches =
    typeof expected === 'function'
      ? expected
      : (r: Resource<S> | undefined) => r !== undefined && matchesPartial(r, expected);
  const ptr = pointer<S>(namespace, type, id);
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  let last: Resource<S> | undefined;
  try {
    for await (const ev of state.watch(ptr, { signal: ac.signal })) {
      if (ev.type === 'bootstrapped') {
        if (matches(last)) return last;
        continue;
      }
      last = ev.type === 'destroyed' ? undefined : ev.resource;
      if (matches(last)) return last;
    }
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
  throw new Error(
    `resource ${describePointer(ptr)} did not match within ${timeoutMs} ms; last seen: ${
      last ? JSON.stringify(last) : 'absent'
    }`,
  );
}

export interface ControllerRig {
  readonly state: InMemoryState;
  readonly runtime: ControllerRuntime;
  /** Stops the runtime and waits for every controller to finish. */
  stop(): Promise<void>;
}

/** Starts a runtime with these controllers on a fresh in-memory state. */
export function startControllers(
  controllers: Controller[],
  opts: { logger?: Logger; backoff?: BackoffOptions; watchCapacity?: number } = {},
): ControllerRig {
  const state = new InMemoryState({ watchCapacity: opts.watchCapacity });
  const runtime = new ControllerRuntime(state, { logger: opts.logger, backoff: opts.backoff });
  for (const c of controllers) runtime.register(c);
  const ac = new AbortController();
  const running = runtime.run(ac.signal);
  return {
    state,
    runtime,
    stop: async () => {
      ac.abort();
      await running;
    },
  };
}
