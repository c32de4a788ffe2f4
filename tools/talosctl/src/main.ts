// talosctl: parse the command line, run it, exit with its code. Ctrl-C ends streams quietly.
import { runTalosctl } from './program';

// grpc-js sets the TLS server name to the endpoint even when it is an IP, which Node reports
// as a deprecation on stderr; it says nothing to an operator, so talosctl keeps it quiet.
process.noDeprecation = true;

const abort = new AbortController();
process.once('SIGINT', () => abort.abort());
// Output piped into `head` closes early: stop quietly, as the reader has all it wants.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  abort.abort();
  process.exit(process.exitCode ?? 0);
});

runTalosctl(process.argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: abort.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
