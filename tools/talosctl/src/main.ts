// talosctl: parse the command line, run it, exit with its code. Ctrl-C ends streams quietly.
import { runTalosctl } from './program';

const abort = new AbortController();
process.once('SIGINT', () => abort.abort());

runTalosctl(process.argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: abort.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
