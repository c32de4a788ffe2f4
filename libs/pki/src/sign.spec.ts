import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { generateCA } from './ca';
import { generateKeyAndCSR } from './csr';
import { certificateInfo, keyMatchesCertificate, verifyChain } from './inspect';
import { certificateFromPemAnyKey } from './public-key-info';
import { issueCertificate, signCSR } from './sign';

function extension(crt: string, name: string): Record<string, unknown> {
  return certificateFromPemAnyKey(crt).getExtension(name) as Record<string, unknown>;
}

describe('signing', () => {
  const ca = generateCA({ organization: 'talos' });
  const otherCA = generateCA({ organization: 'talos' });

  it('round-trips a CSR: subject and SANs copied, key kept by the requester', () => {
    const { key, csr } = generateKeyAndCSR({
      commonName: 'node01',
      organization: ['os:node'],
      ipAddresses: ['10.5.0.2', 'fd00::2'],
      dnsNames: ['node01', 'node01.cluster.local'],
    });
    const crt = signCSR(ca, csr, { validityHours: 24, usage: 'both' });
    const info = certificateInfo(crt);
    expect(info.subject).toEqual({ commonName: 'node01', organization: ['os:node'] });
    expect(info.issuer.organization).toEqual(['talos']);
    expect(info.ipAddresses).toEqual(expect.arrayContaining(['10.5.0.2']));
    expect(info.ipAddresses).toHaveLength(2);
    expect(info.dnsNames).toEqual(['node01', 'node01.cluster.local']);
    expect(info.isCA).toBe(false);
    expect(keyMatchesCertificate(key, crt)).toBe(true);
    expect(keyMatchesCertificate(ca.key, crt)).toBe(false);
    const hours = (info.notAfter.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it('chains to its CA and not to another', () => {
    const { crt } = issueCertificate(ca, {
      commonName: 'admin',
      organization: ['os:admin'],
      validityHours: 1,
      usage: 'client',
    });
    expect(verifyChain(crt, ca.crt)).toBe(true);
    expect(verifyChain(crt, otherCA.crt)).toBe(false);
    expect(verifyChain(crt, crt)).toBe(false);
    expect(verifyChain('garbage', ca.crt)).toBe(false);
  });

  it('refuses a certificate outside its validity', () => {
    const { crt } = issueCertificate(ca, { commonName: 'x', validityHours: 1, usage: 'server' });
    expect(verifyChain(crt, ca.crt, new Date(Date.now() + 2 * 3600_000))).toBe(false);
  });

  it('sets extended key usage from the usage', () => {
    const eku = (usage: 'server' | 'client' | 'both') => {
      const { crt } = issueCertificate(ca, { commonName: 'x', validityHours: 1, usage });
      const ext = extension(crt, 'extKeyUsage');
      return { server: Boolean(ext.serverAuth), client: Boolean(ext.clientAuth) };
    };
    expect(eku('server')).toEqual({ server: true, client: false });
    expect(eku('client')).toEqual({ server: false, client: true });
    expect(eku('both')).toEqual({ server: true, client: true });
  });

  it('ignores extensions a CSR asks for other than SANs', () => {
    const keys = forge.pki.rsa.generateKeyPair({ bits: 1024 });
    const req = forge.pki.createCertificationRequest();
    req.publicKey = keys.publicKey;
    req.setSubject([{ shortName: 'CN', value: 'sneaky' }]);
    req.setAttributes([
      {
        name: 'extensionRequest',
        extensions: [
          { name: 'basicConstraints', cA: true },
          { name: 'subjectAltName', altNames: [{ type: 2, value: 'ok.example' }] },
        ],
      },
    ] as unknown as forge.pki.CertificateField[]);
    req.sign(keys.privateKey, forge.md.sha256.create());
    const crt = signCSR(ca, forge.pki.certificationRequestToPem(req), { validityHours: 1, usage: 'both' });
    const info = certificateInfo(crt);
    expect(info.isCA).toBe(false);
    expect(info.dnsNames).toEqual(['ok.example']);
  });

  it('rejects garbage and tampered CSRs with a clear error', () => {
    expect(() => signCSR(ca, 'not a csr', { validityHours: 1, usage: 'both' })).toThrow(
      /^error signing csr: /,
    );
    const { csr } = generateKeyAndCSR({ commonName: 'node01' });
    // The same request for another name, with the original signature: it no longer matches.
    const der = Buffer.from(csr.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const at = der.indexOf('node01');
    expect(at).toBeGreaterThan(0);
    der.write('node02', at);
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(() => signCSR(ca, tampered, { validityHours: 1, usage: 'both' })).toThrow(
      'error signing csr: csr signature does not verify',
    );
    expect(() => signCSR(ca, ca.crt, { validityHours: 1, usage: 'both' })).toThrow(
      /^error signing csr: cannot parse csr: /,
    );
    const truncated = `-----BEGIN CERTIFICATE REQUEST-----\n${der.subarray(0, 40).toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(() => signCSR(ca, truncated, { validityHours: 1, usage: 'both' })).toThrow(
      /^error signing csr: cannot parse csr: /,
    );
  });

  it('gives leaves ECDSA P-256 keys (PKCS#8) with identifiers for their own key and the CA', () => {
    const { crt, key } = issueCertificate(ca, { commonName: 'x', validityHours: 1, usage: 'both' });
    expect(key.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
    const privateKey = createPrivateKey(key);
    expect(privateKey.asymmetricKeyType).toBe('ec');
    expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const spki = new X509Certificate(crt).publicKey.export({ type: 'spki', format: 'der' });
    // A P-256 SPKI ends with the uncompressed point (65 bytes), the BIT STRING's contents.
    const ski = createHash('sha1')
      .update(spki.subarray(spki.length - 65))
      .digest('hex');
    expect(extension(crt, 'subjectKeyIdentifier').subjectKeyIdentifier).toBe(ski);
    const caSki = forge.pki.certificateFromPem(ca.crt).getExtension('subjectKeyIdentifier') as {
      subjectKeyIdentifier: string;
    };
    const aki = extension(crt, 'authorityKeyIdentifier').value as string;
    expect(Buffer.from(aki, 'binary').toString('hex')).toContain(caSki.subjectKeyIdentifier);
    // An EC key signs (ECDHE); it cannot encipher a key exchange.
    expect(extension(crt, 'keyUsage')).toMatchObject({
      digitalSignature: true,
      keyEncipherment: false,
      critical: true,
    });
  });

  it('never lets a leaf outlive the CA', () => {
    const shortCA = generateCA({ organization: 'talos', validityDays: 1 });
    const { crt } = issueCertificate(shortCA, { commonName: 'x', validityHours: 24 * 365, usage: 'both' });
    expect(certificateInfo(crt).notAfter.getTime()).toBeLessThanOrEqual(
      certificateInfo(shortCA.crt).notAfter.getTime(),
    );
  });

  it('rejects an address that is not an IP', () => {
    expect(() => generateKeyAndCSR({ commonName: 'x', ipAddresses: ['node01'] })).toThrow(
      '"node01" is not an IP address',
    );
  });
});
