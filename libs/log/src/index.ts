// The structured logger every daemon uses: pino, JSON lines on stdout, context bound once.
// Secrets never reach it: callers log names and fingerprints, never key or token material.
import pino from 'pino';

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** The daemon (or tool) name, bound to every line. */
  name: string;
  level?: string;
  /** Where lines go; stdout by default (machined captures it per service). */
  destination?: NodeJS.WritableStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const level = opts.level ?? process.env.TALOS_LOG_LEVEL ?? 'info';
  return pino(
    {
      name: opts.name,
      level,
      base: { daemon: opts.name },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['token', '*.token', 'key', '*.key', 'password'], censor: '[redacted]' },
    },
    opts.destination ?? process.stdout,
  );
}

/** A logger that writes nothing, for tests and for library code called without one. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
