// Runs a daemon the way machined does: its main.ts bundled into one file (as scripts/bundle.mjs
// does, but into a temporary folder), started with node, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '..', '..', '..');

/**
 * Bundles a TypeScript entry into `<parentDir>/<tmp>/apps/<name>/main.js`, with the .proto files
 * @grpc/reflection reads at run time in `<tmp>/proto` (the layout
 * scripts/bundle.mjs gives dist/). koffi stays external: run the bundle with NODE_PATH at the
 * workspace's node_modules when it uses @talos/sys.
 */
export async function bundleEntry(
  entry: string,
  name: string,
  parentDir: string = os.tmpdir(),
): Promise<DaemonBundle> {
  // Loaded lazily: only the tests that start processes pay for esbuild.
  const { build } = await import('esbuild');
  await fs.promises.mkdir(parentDir, { recursive: true });
  const dir = await fs.promises.mkdtemp(path.join(parentDir, `bundle-${name}-`));
  const outfile = path.join(dir, 'apps', name, 'main.js');
  fs.cpSync(
    path.join(WORKSPACE, 'node_modules/@grpc/reflection/build/proto/grpc'),
    path.join(dir, 'proto', 'grpc'),
    { recursive: true },
  );
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    tsconfig: path.join(WORKSPACE, 'tsconfig.base.json'),
    external: ['koffi'],
    logLevel: 'error',
  });
  return { main: outfile, cleanup: () => fs.promises.rm(dir, { recursive: true, force: true }) };
}

/** A daemon's `apps/<daemon>/src/main.ts` bundled as machined finds it: `.../apps/<daemon>/main.js`. */
export function bundleDaemon(daemon: string, parentDir?: string): Promise<DaemonBundle> {
  return bundleEntry(path.join(WORKSPACE, 'apps', daemon, 'src', 'main.ts'), daemon, parentDir);
}

export interface DaemonBundle {
  /** The bundled main.js. */
  main: string;
  cleanup(): Promise<void>;
}

export interface DaemonProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process ends. */
  exited: Promise<number | string>;
  /** Sends SIGTERM and waits for the exit; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number | string>;
}

export function startDaemon(bundle: string, args: string[], env: NodeJS.ProcessEnv = {}): DaemonProcess {
  const child = spawn(process.execPath, [bundle, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The bundle keeps koffi external; resolve it from the workspace's node_modules.
    env: { ...process.env, NODE_PATH: path.join(WORKSPACE, 'node_modules'), ...env },
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    output: () => out,
    exited,
    stop: async (graceMs = 5000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `probe` until it resolves true or `timeoutMs` passes. */
export async function waitFor(
  probe: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
