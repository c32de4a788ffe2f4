// Health of a daemon that serves only TCP with TLS (trustd). Accepting a connection is not enough:
// another cluster's trustd on the same address would pass. The handshake must show a serving
// certificate issued by this node's OS CA for this address, so only our own trustd is healthy.
import * as tls from 'node:tls';
import type { HealthCheck } from './health';

/** `ca`: the OS CA certificate (PEM), read when a check runs; throws when the node has none. */
export function tlsHealthCheck(host: string, port: number, ca: () => string): HealthCheck {
  // One TLS context per CA, not one per probe: making one costs tens of milliseconds of CPU under
  // emulation, and a booting node probes twice a second.
  let context: { ca: string; secureContext: tls.SecureContext } | undefined;
  const secureContext = (): tls.SecureContext => {
    const pem = ca();
    if (context?.ca !== pem) context = { ca: pem, secureContext: tls.createSecureContext({ ca: pem }) };
    return context.secureContext;
  };
  return (signal) =>
    new Promise<void>((resolve, reject) => {
      let socket: tls.TLSSocket;
      try {
        // grpc-js serves HTTP/2 only: offer it, or the server may drop a client without ALPN.
        socket = tls.connect({ host, port, secureContext: secureContext(), ALPNProtocols: ['h2'] });
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
}
