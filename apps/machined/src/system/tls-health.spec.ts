import * as net from 'node:net';
import * as tls from 'node:tls';
import { generateCA, issueCertificate, type CertificateAndKey } from '@talos/pki';
import { tlsHealthCheck } from './tls-health';

/** Listens on 127.0.0.1 with a port of its own; resolves the port. */
function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

function tlsServer(cert: CertificateAndKey): tls.Server {
  // Like grpc-js: HTTP/2 only.
  return tls.createServer({ cert: cert.crt, key: cert.key, ALPNProtocols: ['h2'] }, (s) => s.end());
}

describe('TLS health check (trustd)', () => {
  let ours: CertificateAndKey;
  let servers: net.Server[];
  const sockets = new Map<net.Server, net.Socket[]>();
  const serving = (ca: CertificateAndKey, ip: string): CertificateAndKey =>
    issueCertificate(ca, { commonName: 'trustd', ipAddresses: [ip], validityHours: 1, usage: 'server' });

  beforeAll(() => {
    ours = generateCA({ organization: 'talos' });
  });
  beforeEach(() => {
    servers = [];
  });
  afterEach(async () => {
    await Promise.all(servers.map(close));
  });

  /** Listens, keeping the server's connections so that `close` can end them. */
  const start = (server: net.Server): Promise<number> => {
    servers.push(server);
    server.on('connection', (s: net.Socket) => sockets.set(server, [...(sockets.get(server) ?? []), s]));
    return listen(server);
  };
  /** Closes a server and the connections it still holds. */
  const close = (server: net.Server): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets.get(server) ?? []) socket.destroy();
      server.close(() => resolve());
    });
  const check = (port: number) =>
    tlsHealthCheck('127.0.0.1', port, () => ours.crt)(AbortSignal.timeout(5000));

  it('is healthy when the server shows a certificate from our OS CA for this address', async () => {
    const port = await start(tlsServer(serving(ours, '127.0.0.1')));
    await expect(check(port)).resolves.toBeUndefined();
  });

  it("fails on another cluster's trustd: a certificate from another CA", async () => {
    const theirs = generateCA({ organization: 'talos' });
    const port = await start(tlsServer(serving(theirs, '127.0.0.1')));
    await expect(check(port)).rejects.toThrow(/^tls 127\.0\.0\.1:\d+: .*(self[- ]signed|unable to verify)/i);
  });

  it('fails on our CA but a certificate for another address', async () => {
    const port = await start(tlsServer(serving(ours, '127.0.0.9')));
    await expect(check(port)).rejects.toThrow(/IP: 127\.0\.0\.1 is not in the cert's list/);
  });

  it('fails on a listener that is not TLS at all, and on a closed port', async () => {
    const plain = net.createServer((s) => s.end('SSH-2.0-not-trustd\r\n'));
    const port = await start(plain);
    await expect(check(port)).rejects.toThrow(/^tls 127\.0\.0\.1:\d+: /);
    await close(plain);
    servers = [];
    await expect(check(port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says so when the node has no OS CA', async () => {
    const none = tlsHealthCheck('127.0.0.1', 50001, () => {
      throw new Error('not base64-encoded PEM');
    });
    await expect(none(AbortSignal.timeout(5000))).rejects.toThrow(
      'error checking 127.0.0.1:50001: not base64-encoded PEM',
    );
  });
});
