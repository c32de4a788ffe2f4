import forge from 'node-forge';
import { generateCA } from './ca';
import { generateKeyAndCSR } from './csr';
import { certificateInfo, keyMatchesCertificate, verifyChain } from './inspect';
import { issueCertificate, signCSR } from './sign';

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
      const ext = forge.pki.certificateFromPem(crt).getExtension('extKeyUsage') as Record<string, unknown>;
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
    const parsed = forge.pki.certificationRequestFromPem(csr);
    parsed.subject.attributes[0]!.value = 'node02';
    parsed.certificationRequestInfo = null;
    // Re-encode the changed subject with the original signature: the signature no longer matches.
    const tampered = forge.pki.certificationRequestToPem(parsed);
    expect(() => signCSR(ca, tampered, { validityHours: 1, usage: 'both' })).toThrow(
      'error signing csr: csr signature does not verify',
    );
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
