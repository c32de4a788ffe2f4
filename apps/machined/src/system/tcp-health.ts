// Health of a daemon that serves only TCP with TLS (trustd): healthy when it accepts a connection.
import * as net from 'node:net';
import type { HealthCheck } from './health';

export function tcpHealthCheck(host: string, port: number): HealthCheck {
  return (signal) =>
    new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host, port });
      const finish = (err?: Error): void => {
        signal.removeEventListener('abort', onAbort);
        socket.destroy();
        if (err) reject(err);
        else resolve();
      };
      const onAbort = (): void => finish(new Error(`dial tcp ${host}:${port}: timeout`));
      socket.once('connect', () => finish());
      socket.once('error', (err) => finish(new Error(`dial tcp ${host}:${port}: ${err.message}`)));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
}
