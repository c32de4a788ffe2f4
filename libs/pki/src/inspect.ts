// Reading certificates: what they say, who signed them, which key they belong to.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { certificateFromPemAnyKey } from './public-key-info';
import { parseCertificate } from './x509-fields';

export interface DistinguishedName {
  commonName: string;
  organization: string[];
}

export interface CertificateInfo {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  ipAddresses: string[];
  dnsNames: string[];
  /** SHA-256 of the DER encoding, upper-case hex pairs joined by colons (as openssl prints it). */
  fingerprintSha256: string;
  isCA: boolean;
}

function distinguishedName(attrs: forge.pki.CertificateField[]): DistinguishedName {
  const text = (a: forge.pki.CertificateField): string => String(a.value ?? '');
  return {
    commonName: attrs.filter((a) => a.shortName === 'CN').map(text)[0] ?? '',
    organization: attrs.filter((a) => a.shortName === 'O').map(text),
  };
}

/** Subject, issuer, validity and SANs of a PEM certificate (RSA or EC key). */
export function certificateInfo(pem: string): CertificateInfo {
  const native = parseCertificate(pem);
  let cert: forge.pki.Certificate;
  try {
    cert = certificateFromPemAnyKey(pem);
  } catch (err) {
    throw new Error(`error parsing certificate: ${(err as Error).message}`);
  }
  const san = cert.getExtension('subjectAltName') as {
    altNames?: Array<{ type: number; value?: string; ip?: string }>;
  } | null;
  const names = san?.altNames ?? [];
  return {
    subject: distinguishedName(cert.subject.attributes),
    issuer: distinguishedName(cert.issuer.attributes),
    serialNumber: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    ipAddresses: names.filter((n) => n.type === 7 && n.ip).map((n) => n.ip as string),
    dnsNames: names.filter((n) => n.type === 2).map((n) => String(n.value)),
    fingerprintSha256: native.fingerprint256,
    isCA: native.ca,
  };
}

/**
 * When a PEM certificate (any key) stops being valid, read natively: for callers that need no more
 * than that (renewal schedules), without certificateInfo's parse in JavaScript.
 */
export function certificateNotAfter(pem: string): Date {
  return new Date(parseCertificate(pem).validTo);
}

/**
 * True when `crtPem` was issued and signed by the CA `caPem` and both are valid at `at`.
 * Any parse failure is a plain `false`: this answers "do I trust it", not "why not".
 */
export function verifyChain(crtPem: string, caPem: string, at: Date = new Date()): boolean {
  try {
    const crt = new X509Certificate(crtPem);
    const ca = new X509Certificate(caPem);
    if (!ca.ca) return false;
    const within = (c: X509Certificate): boolean =>
      new Date(c.validFrom).getTime() <= at.getTime() && at.getTime() <= new Date(c.validTo).getTime();
    return within(crt) && within(ca) && crt.checkIssued(ca) && crt.verify(ca.publicKey);
  } catch {
    return false;
  }
}

/** True when the PEM private key is the one the certificate's public key belongs to. */
export function keyMatchesCertificate(keyPem: string, crtPem: string): boolean {
  try {
    return new X509Certificate(crtPem).checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}
