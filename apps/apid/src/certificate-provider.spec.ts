import * as grpc from '@grpc/grpc-js';
import { services, type SecurityServiceHandlers } from '@talos/api';
import { silentLogger } from '@talos/log';
import { certificateInfo, keyMatchesCertificate, signCSR, verifyChain } from '@talos/pki';
import { createServer, implement, listenTcp, Status } from '@talos/rpc';
import { createTestPKI } from '@talos/testing';
import {
  CertificateStore,
  LocalCertificateProvider,
  requestCertificate,
  servingCertificates,
  TrustdCertificateProvider,
  trustdTarget,
} from './certificate-provider';

const pki = createTestPKI();
const names = { commonName: 'apid', ipAddresses: ['10.5.0.2'], dnsNames: ['node-1'] };

describe('certificates from trustd', () => {
  it('names trustd targets with the default port', () => {
    expect(trustdTarget('10.5.0.2')).toBe('10.5.0.2:50001');
    expect(trustdTarget('cp.example')).toBe('cp.example:50001');
    expect(trustdTarget('127.0.0.1:4000')).toBe('127.0.0.1:4000');
    expect(trustdTarget('fd00::1')).toBe('[fd00::1]:50001');
  });

  it('retries round-robin over the endpoints until one signs', async () => {
    const asked: string[] = [];
    const cert = await requestCertificate({
      endpoints: ['a', 'b'],
      token: 't',
      ca: pki.ca.crt,
      names,
      logger: silentLogger(),
      retryIntervalMs: 1,
      request: async (endpoint, csr) => {
        asked.push(endpoint);
        if (asked.length < 3) throw new Error('connection refused');
        return signCSR(pki.ca, csr, { validityHours: 1, usage: 'both' });
      },
    });
    expect(asked).toEqual(['a', 'b', 'a']);
    const info = certificateInfo(cert.crt);
    expect(info.ipAddresses).toEqual(['10.5.0.2']);
    expect(info.dnsNames).toEqual(['node-1']);
  });

  it('refuses a certificate from another CA and gives up at the deadline', async () => {
    await expect(
      requestCertificate({
        endpoints: ['a'],
        token: 't',
        ca: pki.ca.crt,
        names,
        logger: silentLogger(),
        retryIntervalMs: 5,
        timeoutMs: 30,
        request: async (_e, csr) => signCSR(pki.otherCA, csr, { validityHours: 1, usage: 'both' }),
      }),
    ).rejects.toThrow(
      /gave up after 30 ms \(last error: a: certificate from trustd does not chain to the OS CA\)/,
    );
  });

  it('tells listeners about a renewed certificate', () => {
    const store = new CertificateStore({ ca: 'ca', crt: 'one', key: 'k' });
    const seen: string[] = [];
    const off = store.onChange((c) => seen.push(c.crt));
    store.update({ ca: 'ca', crt: 'two', key: 'k' });
    off();
    store.update({ ca: 'ca', crt: 'three', key: 'k' });
    expect(seen).toEqual(['two']);
    expect(store.current().crt).toBe('three');
  });

  describe('over gRPC with TLS and the token', () => {
    let server: grpc.Server;
    let port: number;

    beforeAll(async () => {
      const serving = pki.issue({ commonName: 'trustd', usage: 'server', ipAddresses: ['127.0.0.1'] });
      server = createServer();
      server.addService(
        services.securityapi.SecurityService,
        implement<SecurityServiceHandlers>(services.securityapi.SecurityService, {
          Certificate: (call, cb) => {
            if (call.metadata.get('token')[0] !== 'secret-token')
              return cb({ code: Status.UNAUTHENTICATED, details: 'invalid token' });
            const crt = signCSR(pki.ca, Buffer.from(call.request.csr).toString(), {
              validityHours: 1,
              usage: 'both',
            });
            cb(null, { ca: Buffer.from(pki.ca.crt), crt: Buffer.from(crt) });
          },
        }),
      );
      port = await listenTcp(
        server,
        '127.0.0.1:0',
        grpc.ServerCredentials.createSsl(null, [
          { private_key: Buffer.from(serving.key), cert_chain: Buffer.from(serving.crt) },
        ]),
      );
    });

    afterAll(() => server.forceShutdown());

    it('obtains a certificate from trustd', async () => {
      const provider = await TrustdCertificateProvider.obtain({
        endpoints: [`127.0.0.1:${port}`],
        token: 'secret-token',
        ca: pki.ca.crt,
        names,
        logger: silentLogger(),
      });
      expect(certificateInfo(provider.current().crt).subject.commonName).toBe('apid');
    });

    it('keeps asking while the token is refused, then gives up', async () => {
      await expect(
        requestCertificate({
          endpoints: [`127.0.0.1:${port}`],
          token: 'wrong',
          ca: pki.ca.crt,
          names,
          logger: silentLogger(),
          retryIntervalMs: 10,
          timeoutMs: 50,
        }),
      ).rejects.toThrow(/invalid token/);
    });
  });
});

describe('certificates issued with the OS CA key (control-plane nodes)', () => {
  it("issues what trustd would sign: chained to the OS CA, O=os:impersonator, the node's names", () => {
    const certs = LocalCertificateProvider.issue({ ca: pki.ca, names, logger: silentLogger() });
    const cert = certs.current();
    expect(cert.ca).toBe(pki.ca.crt);
    expect(verifyChain(cert.crt, pki.ca.crt)).toBe(true);
    expect(keyMatchesCertificate(cert.key, cert.crt)).toBe(true);
    const info = certificateInfo(cert.crt);
    expect(info.subject).toEqual({ commonName: 'apid', organization: ['os:impersonator'] });
    expect(info.ipAddresses).toEqual(['10.5.0.2']);
    expect(info.dnsNames).toEqual(['node-1']);
    expect(info.notAfter.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('renews with a new key and tells the listeners', async () => {
    const certs = LocalCertificateProvider.issue({ ca: pki.ca, names, logger: silentLogger() });
    const first = certs.current();
    const seen: string[] = [];
    certs.onChange((c) => seen.push(c.crt));
    await certs.renew();
    expect(seen).toEqual([certs.current().crt]);
    expect(certs.current().key).not.toBe(first.key);
    expect(verifyChain(certs.current().crt, pki.ca.crt)).toBe(true);
  });

  it('is what servingCertificates gives when the config holds the key, without asking trustd', async () => {
    // No trustd listens on the endpoint: asking it would fail or hang.
    const certs = await servingCertificates({
      ca: pki.ca,
      token: 't',
      endpoints: ['127.0.0.1:1'],
      names,
      logger: silentLogger(),
    });
    expect(certs).toBeInstanceOf(LocalCertificateProvider);
    expect(verifyChain(certs.current().crt, pki.ca.crt)).toBe(true);
  });
});
