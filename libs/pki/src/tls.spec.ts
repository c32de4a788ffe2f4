// A real TLS handshake with certificates from this lib (EC leaves from an RSA CA): mTLS works,
// another CA's client is refused.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { generateCA } from './ca';
import { generateKeyAndCSR } from './csr';
import { issueCertificate, signCSR } from './sign';

describe('TLS with issued certificates', () => {
  const ca = generateCA({ organization: 'talos' });
  const otherCA = generateCA({ organization: 'talos' });
  const serving = issueCertificate(ca, {
    commonName: 'apid',
    ipAddresses: ['127.0.0.1'],
    validityHours: 24,
    usage: 'server',
  });
  const client = issueCertificate(ca, {
    commonName: 'admin',
    organization: ['os:admin'],
    validityHours: 24,
    usage: 'client',
  });
  // A node's certificate: its own key and CSR, signed by the CA holder (apid and trustd).
  const nodeRequest = generateKeyAndCSR({ commonName: 'node01', organization: ['os:node'] });
  const node = {
    key: nodeRequest.key,
    crt: signCSR(ca, nodeRequest.csr, { validityHours: 24, usage: 'both' }),
  };
  const stranger = issueCertificate(otherCA, { commonName: 'admin', validityHours: 24, usage: 'client' });
  let server: tls.Server;
  let port: number;
  const seenPeers: string[] = [];
  const seenPeerCurves: string[] = [];

  beforeAll(async () => {
    server = tls.createServer(
      { key: serving.key, cert: serving.crt, ca: ca.crt, requestCert: true, rejectUnauthorized: true },
      (socket) => {
        const peer = socket.getPeerCertificate();
        seenPeers.push(String(peer.subject?.O));
        seenPeerCurves.push(String(peer.asn1Curve));
        socket.end('hello');
      },
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.close();
    await once(server, 'close');
  });

  // With TLS 1.3 the server judges the client certificate after the client thinks the handshake
  // is done, so a refusal shows up either as an error or as a connection closed without data.
  const serverCurves: string[] = [];
  function connect(opts: tls.ConnectionOptions): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port, ...opts });
      socket.on('secureConnect', () => serverCurves.push(String(socket.getPeerCertificate().asn1Curve)));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('end', () =>
        data === 'hello' ? resolve(data) : reject(new Error('closed without a greeting')),
      );
      socket.on('error', reject);
    });
  }

  it('completes mutual TLS with a client certificate from the same CA', async () => {
    await expect(connect({ ca: ca.crt, key: client.key, cert: client.crt })).resolves.toBe('hello');
    expect(seenPeers).toContain('os:admin');
    // Both ends authenticated with ECDSA P-256 keys.
    expect(serverCurves).toContain('prime256v1');
    expect(seenPeerCurves).toContain('prime256v1');
  });

  it('completes mutual TLS with a certificate signed from a CSR', async () => {
    await expect(connect({ ca: ca.crt, key: node.key, cert: node.crt })).resolves.toBe('hello');
    expect(seenPeers).toContain('os:node');
  });

  it('refuses a client certificate from another CA', async () => {
    const before = seenPeers.length;
    await expect(connect({ ca: ca.crt, key: stranger.key, cert: stranger.crt })).rejects.toThrow();
    expect(seenPeers).toHaveLength(before);
  });

  it('refuses a client without a certificate', async () => {
    await expect(connect({ ca: ca.crt })).rejects.toThrow();
  });

  it('lets the client refuse a server it does not trust', async () => {
    await expect(connect({ ca: otherCA.crt, key: client.key, cert: client.crt })).rejects.toThrow(
      /self-signed|unable to verify|signature/i,
    );
  });
});
