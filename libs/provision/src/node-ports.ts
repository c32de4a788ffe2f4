// Before a cluster starts, every node address must be free on the ports its daemons listen on.
// Two clusters on one network do not fail loudly on their own: trustd crash-loops, health checks
// reach the other cluster's daemons, apid fails TLS for minutes. So we try to listen first.
import * as net from 'node:net';
import { APID_PORT, TRUSTD_PORT } from '@talos/constants';

/** The ports a node's daemons listen on (apid, trustd). */
export const NODE_PORTS: readonly number[] = [APID_PORT, TRUSTD_PORT];

/** Resolves when `host:port` can be listened on (the listener is closed at once); rejects otherwise. */
function tryListen(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

/** Throws, naming the address and the port, when one of `ports` is taken (or unusable) on one of `addresses`. */
export async function assertNodePortsFree(
  addresses: readonly string[],
  ports: readonly number[] = NODE_PORTS,
): Promise<void> {
  for (const address of addresses) {
    for (const port of ports) {
      try {
        await tryListen(address, port);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') {
          throw new Error(
            `${address}:${port} is already in use (another cluster?): pick another network with --cidr 127.0.N.0/24`,
          );
        }
        throw new Error(`cannot listen on ${address}:${port}: ${(err as Error).message}`);
      }
    }
  }
}
