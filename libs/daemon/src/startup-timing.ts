// How a process's start was spent, from Node's own clocks: Node's bootstrap, loading the bundle
// (compiling and running every module's top level), and the daemon's own start (until it serves).
// Logged once per start so that a slow boot can be taken apart from the node's logs alone.
import { performance } from 'node:perf_hooks';

export interface StartupTiming {
  /** Process start to Node's bootstrap complete (ms). */
  nodeMs: number;
  /** Bootstrap complete to the bundle's top level done (ms). */
  bundleMs: number;
  /** The daemon's start: bundle loaded to serving (ms). */
  startMs: number;
  /** CPU (user + system) the process used so far (ms). */
  cpuMs: number;
}

/** Times since the process started (`performance.now()` counts from there). */
export interface StartupMarks {
  /** When the bundle's top level finished (the daemon's entry was reached). */
  loaded: number;
  /** When the daemon served. */
  started: number;
}

export function startupTiming(marks: StartupMarks): StartupTiming {
  // Rounded marks, then differences: the parts add up to the whole.
  const bootstrap = Math.round(performance.nodeTiming.bootstrapComplete);
  const loaded = Math.round(marks.loaded);
  const cpu = process.cpuUsage();
  return {
    nodeMs: bootstrap,
    bundleMs: loaded - bootstrap,
    startMs: Math.round(marks.started) - loaded,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
}

/** `started in 812 ms (node 95 ms, bundle 240 ms, start 477 ms; 610 ms CPU)`. */
export function describeStartup(t: StartupTiming): string {
  const total = t.nodeMs + t.bundleMs + t.startMs;
  return `started in ${total} ms (node ${t.nodeMs} ms, bundle ${t.bundleMs} ms, start ${t.startMs} ms; ${t.cpuMs} ms CPU)`;
}
