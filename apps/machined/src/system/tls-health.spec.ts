import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { generateCA, issueCertificate, type CertificateAndKey } from '@talos/pki';
import { tcpListening, tlsHealthCheck } from './tls-health';

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
    await expect(check(port)).rejects.toThrow(
      `dial tcp 127.0.0.1:${port}: connect: connection refused (nothing listens on port ${port})`,
    );
  });

  it('reads whether a port listens from /proc/net/tcp and tcp6, and leaves it to the handshake without them', async () => {
    const port = await start(net.createServer());
    expect(await tcpListening(port)).toBe(true);
    await close(servers.pop()!);
    expect(await tcpListening(port)).toBe(false);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procnet-'));
    try {
      const header = '  sl  local_address rem_address   st tx_queue rx_queue\n';
      // 50001 is C351: listening on [::] in tcp6, only connected in tcp.
      fs.writeFileSync(path.join(dir, 'tcp'), `${header}   0: 0100007F:C351 0100007F:9A10 01 0:0\n`);
      fs.writeFileSync(
        path.join(dir, 'tcp6'),
        `${header}   0: 00000000000000000000000000000000:C351 00000000000000000000000000000000:0000 0A 0:0\n`,
      );
      expect(await tcpListening(50001, dir)).toBe(true);
      expect(await tcpListening(50000, dir)).toBe(false);
      fs.rmSync(path.join(dir, 'tcp6'));
      expect(await tcpListening(50001, dir)).toBe(false);
      expect(await tcpListening(50001, path.join(dir, 'none'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
