// Health of a daemon that serves only TCP with TLS (trustd). Accepting a connection is not enough:
// another cluster's trustd on the same address would pass. The handshake must show a serving
// certificate issued by this node's OS CA for this address, so only our own trustd is healthy.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as tls from 'node:tls';
import type { HealthCheck } from './health';

/** TCP state LISTEN in /proc/net/tcp{,6} (include/net/tcp_states.h). */
const TCP_LISTEN = '0A';

/**
 * Whether a socket of this network namespace listens on TCP `port`, on any address, as
 * /proc/net/tcp and tcp6 list them; true when neither can be read (the handshake then decides).
 */
export async function tcpListening(port: number, procNet = '/proc/net'): Promise<boolean> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let readable = false;
  for (const file of ['tcp', 'tcp6']) {
    let table: string;
    try {
      table = await readFile(path.join(procNet, file), 'utf8');
    } catch {
      continue;
    }
    readable = true;
    // "  sl  local_address rem_address   st ..." then "   0: 0100007F:C351 00000000:0000 0A ...".
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state === TCP_LISTEN && local?.endsWith(`:${hexPort}`)) return true;
    }
  }
  return !readable;
}

/**
 * `ca`: the OS CA certificate (PEM), read when a check runs; throws when the node has none.
 * Until something listens on the port (/proc/net, `procNet`), a check is a read of two small files
 * rather than a TLS socket: a booting node probes four times a second while trustd starts.
 */
export function tlsHealthCheck(host: string, port: number, ca: () => string, procNet?: string): HealthCheck {
  // One TLS context per CA, not one per probe: making one costs tens of milliseconds of CPU under
  // emulation, and a booting node probes four times a second.
  let cached: { ca: string; secureContext: tls.SecureContext } | undefined;
  const secureContext = (): tls.SecureContext => {
    const pem = ca();
    if (cached?.ca !== pem) cached = { ca: pem, secureContext: tls.createSecureContext({ ca: pem }) };
    return cached.secureContext;
  };
  return async (signal) => {
    let context: tls.SecureContext;
    try {
      context = secureContext();
    } catch (err) {
      throw new Error(`error checking ${host}:${port}: ${(err as Error).message}`);
    }
    if (!(await tcpListening(port, procNet))) {
      throw new Error(
        `dial tcp ${host}:${port}: connect: connection refused (nothing listens on port ${port})`,
      );
    }
    return new Promise<void>((resolve, reject) => {
      let socket: tls.TLSSocket;
      try {
        // grpc-js serves HTTP/2 only: offer it, or the server may drop a client without ALPN.
        socket = tls.connect({ host, port, secureContext: context, ALPNProtocols: ['h2'] });
      } catch (err) {
        return reject(new Error(`error checking ${host}:${port}: ${(err as Error).message}`));
      }
      const finish = (err?: Error): void => {
        signal.removeEventListener('abort', onAbort);
        socket.destroy();
        if (err) reject(err);
        else resolve();
      };
      const onAbort = (): void => finish(new Error(`dial tcp ${host}:${port}: timeout`));
      // rejectUnauthorized (the default) already refuses a chain or address that does not match.
      socket.once('secureConnect', () => finish());
      socket.once('error', (err) => finish(new Error(`tls ${host}:${port}: ${err.message}`)));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  };
}
