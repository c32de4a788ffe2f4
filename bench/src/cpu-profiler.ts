// `--cpu-prof` is refused in NODE_OPTIONS, and machined starts the daemons itself, so profiling a
// node goes through a preload (`NODE_OPTIONS=--require FILE`, which is allowed). The preload waits
// for SIGUSR2 (so start-up stays out of the profile), profiles from then on, and writes
// <dir>/<daemon>.<pid>.cpuprofile when the daemon exits (SIGTERM at `cluster destroy`).
// talosctl and other scripts are left alone.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const PROFILE_DIR_ENV = 'TALOS_BENCH_PROFILE_DIR';

const PRELOAD = `
const bundle = /\\/apps\\/([a-z]+)\\/main\\.js$/.exec(process.argv[1] || '');
if (bundle) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const path = require('node:path');
  let session;
  process.on('SIGUSR2', () => {
    if (session) return;
    session = new inspector.Session();
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.start');
  });
  // Same-thread inspector sessions answer synchronously, so this completes inside 'exit'.
  process.on('exit', () => {
    if (!session) return;
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      const file = path.join(process.env.${PROFILE_DIR_ENV}, bundle[1] + '.' + process.pid + '.cpuprofile');
      fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
`;

/** Writes the preload into `scratch` and returns the environment that loads it, writing to `outDir`. */
export function profilerEnv(scratch: string, outDir: string): NodeJS.ProcessEnv {
  const preload = path.join(scratch, 'cpu-profiler.js');
  fs.writeFileSync(preload, PRELOAD);
  fs.mkdirSync(outDir, { recursive: true });
  return { NODE_OPTIONS: `--require ${preload}`, [PROFILE_DIR_ENV]: path.resolve(outDir) };
}

/** Starts the profiler in daemons started with profilerEnv (others would die of SIGUSR2: not ours). */
export function startProfiling(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGUSR2');
    } catch {
      // gone meanwhile
    }
  }
}
