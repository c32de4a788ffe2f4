import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { generateCA, generateCAAsync } from './ca';
import { certificateInfo, certificateNotAfter, keyMatchesCertificate } from './inspect';
import { generatePrivateKeyPem } from './keys';

describe('generateCA', () => {
  const ca = generateCA({ organization: 'talos' });

  it('is a self-signed CA for its own key', () => {
    const info = certificateInfo(ca.crt);
    expect(info.isCA).toBe(true);
    expect(info.subject.organization).toEqual(['talos']);
    expect(info.issuer).toEqual(info.subject);
    expect(keyMatchesCertificate(ca.key, ca.crt)).toBe(true);
    const native = new X509Certificate(ca.crt);
    expect(native.verify(native.publicKey)).toBe(true);
    expect(native.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('lasts ten years by default and starts a little in the past', () => {
    const info = certificateInfo(ca.crt);
    const now = Date.now();
    expect(info.notBefore.getTime()).toBeLessThan(now);
    expect(info.notBefore.getTime()).toBeGreaterThan(now - 60 * 60 * 1000);
    const years = (info.notAfter.getTime() - now) / (365 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(9.9);
    expect(years).toBeLessThan(10.1);
  });

  it('may sign certificates only (keyCertSign, basicConstraints critical)', () => {
    const native = new X509Certificate(ca.crt);
    const legacy = native.toLegacyObject() as unknown as { ca: boolean };
    expect(legacy.ca).toBe(true);
    const cert = forge.pki.certificateFromPem(ca.crt);
    expect(cert.getExtension('keyUsage')).toMatchObject({ keyCertSign: true, critical: true });
    expect(cert.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
  });

  it('honours common name and validity', () => {
    const short = generateCA({ organization: 'kubernetes', commonName: 'kubernetes', validityDays: 2 });
    const info = certificateInfo(short.crt);
    expect(info.subject).toEqual({ commonName: 'kubernetes', organization: ['kubernetes'] });
    expect(info.notAfter.getTime() - Date.now()).toBeLessThan(2 * 24 * 3600 * 1000 + 1000);
    // The native reading of the end agrees with the full parse.
    expect(certificateNotAfter(short.crt)).toEqual(info.notAfter);
  });

  it('may be named by common name alone (the aggregator CA, CN=front-proxy)', () => {
    const info = certificateInfo(generateCA({ commonName: 'front-proxy' }).crt);
    expect(info.subject).toEqual({ commonName: 'front-proxy', organization: [] });
    expect(info.isCA).toBe(true);
  });

  it('is made the same with its key from a worker thread, the event loop running meanwhile', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const other = await generateCAAsync({ commonName: 'talos maintenance' }).finally(() =>
      clearInterval(timer),
    );
    // The timer ran during the prime search: it did not hold the event loop.
    expect(ticks).toBeGreaterThan(0);
    const info = certificateInfo(other.crt);
    expect(info.isCA).toBe(true);
    expect(info.subject).toEqual({ commonName: 'talos maintenance', organization: [] });
    expect(keyMatchesCertificate(other.key, other.crt)).toBe(true);
    expect(new X509Certificate(other.crt).publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('uses fresh serials and keys', () => {
    const other = generateCA({ organization: 'talos' });
    expect(certificateInfo(other.crt).serialNumber).not.toEqual(certificateInfo(ca.crt).serialNumber);
    expect(keyMatchesCertificate(other.key, ca.crt)).toBe(false);
  });
});

describe('generatePrivateKeyPem', () => {
  it('makes a fresh RSA-2048 PKCS#1 key', () => {
    const pem = generatePrivateKeyPem();
    expect(pem.startsWith('-----BEGIN RSA PRIVATE KEY-----\n')).toBe(true);
    const key = createPrivateKey(pem);
    expect([key.asymmetricKeyType, key.asymmetricKeyDetails?.modulusLength]).toEqual(['rsa', 2048]);
    expect(generatePrivateKeyPem()).not.toBe(pem);
  });
});
