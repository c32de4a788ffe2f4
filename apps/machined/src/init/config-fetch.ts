// The machine config named by `talos.config=<URL>`: fetched over HTTP(S) with a timeout per attempt
// and retries with back-off (the network may still be coming up), then validated. The URL may carry
// a token (user info or query): logs show only its origin and path.
import {
  CONFIG_FETCH_ATTEMPTS,
  CONFIG_FETCH_BACKOFF_MAX_MS,
  CONFIG_FETCH_BACKOFF_MS,
  CONFIG_FETCH_TIMEOUT_MS,
} from '@talos/constants';
import { parseConfig, type MachineConfig } from '@talos/config';
import type { Logger } from '@talos/log';
import YAML from 'yaml';
import { httpGetText } from './http-get';

export interface FetchConfigOptions {
  logger: Logger;
  timeoutMs?: number;
  attempts?: number;
  backoffMs?: number;
  backoffMaxMs?: number;
  /** Waits between attempts (tests pass a quicker one). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /**
   * Settles once the network is first configured (the discovery network's DHCP lease): a wait
   * between attempts in progress then ends, and the next attempt goes at once.
   */
  networkReady?: Promise<unknown>;
}

export interface FetchedConfig {
  config: MachineConfig;
  /** The text as served: stored as is. */
  text: string;
}

/** A config that was served but is not valid: fetching it again will not help. */
export class InvalidConfigError extends Error {
  override name = 'InvalidConfigError';
}

/** The URL without user info and query values: safe to log. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '<invalid url>';
  }
}

/** Downloads and validates the config; throws once every attempt failed or the config is invalid. */
export async function fetchConfig(url: string, opts: FetchConfigOptions): Promise<FetchedConfig> {
  const safe = redactUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidConfigError(`error fetching machine config: invalid URL in talos.config`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidConfigError(
      `error fetching machine config from ${safe}: unsupported scheme ${parsed.protocol}`,
    );
  }
  const attempts = opts.attempts ?? CONFIG_FETCH_ATTEMPTS;
  const sleep = opts.sleep ?? defaultSleep;
  let backoff = opts.backoffMs ?? CONFIG_FETCH_BACKOFF_MS;
  let lastError = '';
  // The first attempts fail at once (ENETUNREACH) while DHCP has no lease yet; the lease ends the
  // back-off then running instead of leaving the node idle for the rest of it.
  let wake: (() => void) | undefined;
  void opts.networkReady?.then(
    () => wake?.(),
    () => undefined,
  );
  for (let attempt = 1; attempt <= attempts; attempt++) {
    opts.signal?.throwIfAborted();
    opts.logger.info({ url: safe, attempt }, `fetching machine config from ${safe}`);
    try {
      const text = await download(url, opts.timeoutMs ?? CONFIG_FETCH_TIMEOUT_MS, opts.signal);
      return { config: validate(text, safe), text };
    } catch (err) {
      if (err instanceof InvalidConfigError) throw err;
      lastError = (err as Error).message;
      opts.logger.warn({ url: safe, attempt }, `error fetching machine config from ${safe}: ${lastError}`);
    }
    if (attempt < attempts) {
      await new Promise<void>((resolve, reject) => {
        wake = resolve;
        sleep(backoff, opts.signal).then(resolve, reject);
      }).finally(() => (wake = undefined));
      backoff = Math.min(backoff * 2, opts.backoffMaxMs ?? CONFIG_FETCH_BACKOFF_MAX_MS);
    }
  }
  throw new Error(`error fetching machine config from ${safe}: ${lastError} (after ${attempts} attempts)`);
}

async function download(url: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await httpGetText(url, combined);
  } catch (err) {
    if (timeout.aborted) throw new Error(`timed out after ${timeoutMs} ms`);
    throw err;
  }
}

function validate(text: string, safeUrl: string): MachineConfig {
  try {
    return parseConfig(text);
  } catch (err) {
    // Syntax errors are reported with their line (the operator edits the file served at the URL):
    // the text is parsed again for that only when it failed, a parse being costly under emulation.
    const syntax = YAML.parseDocument(text, { prettyErrors: true }).errors[0];
    if (syntax) {
      // With prettyErrors the first line ends "at line L, column C:" (the excerpt follows).
      const message = (syntax.message.split('\n')[0] ?? '').replace(/:$/, '');
      throw new InvalidConfigError(`invalid machine config from ${safeUrl}: ${message}`);
    }
    throw new InvalidConfigError(`machine config from ${safeUrl}: ${(err as Error).message}`);
  }
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
