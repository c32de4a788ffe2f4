// One HTTP(S) GET of a small document, following redirects, through node:http and node:https.
// At boot this is fetch()'s job done without fetch: the first fetch() of a process loads undici
// and compiles its WebAssembly HTTP parser, about a second of machined's boot under emulation.
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';

/** How many redirects a GET follows (fetch's limit is 20; a config server needs few). */
export const MAX_REDIRECTS = 5;

export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(
    readonly status: number,
    statusText: string,
  ) {
    super(`HTTP ${status} ${statusText}`.trim());
  }
}

/** The body of `url` as text; rejects on a non-2xx answer, a network error or `signal`. */
export async function httpGetText(url: string, signal?: AbortSignal): Promise<string> {
  let target = new URL(url);
  for (let redirects = 0; ; redirects++) {
    const res = await request(target, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location) {
      res.resume();
      if (redirects === MAX_REDIRECTS) throw new Error(`too many redirects (more than ${MAX_REDIRECTS})`);
      target = new URL(location, target);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw new Error(`redirected to an unsupported scheme ${target.protocol}`);
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new HttpStatusError(status, res.statusMessage ?? '');
    }
    return await readText(res, signal);
  }
}

function request(url: URL, signal?: AbortSignal): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    // HTTPS checks the server against Node's own roots, named here: machined runs with
    // --use-openssl-ca (NODE_FLAGS), and the image has no OpenSSL store for that to find.
    const req =
      url.protocol === 'https:'
        ? https.get(url, { signal, ca: [...tls.rootCertificates] }, resolve)
        : http.get(url, { signal }, resolve);
    req.on('error', (err) => reject(signal?.aborted ? abortError(signal) : err));
  });
}

function readText(res: http.IncomingMessage, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', (err) => reject(signal?.aborted ? abortError(signal) : err));
    res.on('aborted', () =>
      reject(signal?.aborted ? abortError(signal) : new Error('connection closed before the body ended')),
    );
  });
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
