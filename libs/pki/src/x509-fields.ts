// X.509 building blocks shared by the CA, CSR and signing modules: subjects, SANs, serials.
import { randomBytes, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/** Certificates start a little in the past so that a peer whose clock lags still accepts them. */
export const NOT_BEFORE_SKEW_MS = 5 * 60 * 1000;

export interface SubjectFields {
  commonName?: string;
  organization?: string[];
}

export function subjectAttributes(subject: SubjectFields): forge.pki.CertificateField[] {
  const attrs: forge.pki.CertificateField[] = [];
  for (const org of subject.organization ?? []) attrs.push({ shortName: 'O', value: org });
  if (subject.commonName) attrs.push({ shortName: 'CN', value: subject.commonName });
  return attrs;
}

/** subjectAltName entries: type 2 is dNSName, type 7 is iPAddress (RFC 5280). */
export function altNames(
  ipAddresses: string[] = [],
  dnsNames: string[] = [],
): Array<Record<string, unknown>> {
  for (const ip of ipAddresses) {
    if (isIP(ip) === 0) throw new Error(`"${ip}" is not an IP address`);
  }
  return [...dnsNames.map((value) => ({ type: 2, value })), ...ipAddresses.map((ip) => ({ type: 7, ip }))];
}

/** A random positive 128-bit serial (RFC 5280 allows up to 20 octets; the top bit must be 0). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  if (bytes[0] === 0) bytes[0] = 0x01;
  return bytes.toString('hex');
}

export function validityWindow(
  lifetimeMs: number,
  now: Date = new Date(),
): { notBefore: Date; notAfter: Date } {
  return {
    notBefore: new Date(now.getTime() - NOT_BEFORE_SKEW_MS),
    notAfter: new Date(now.getTime() + lifetimeMs),
  };
}

/** Parses a PEM certificate with Node (any key algorithm), with a lower-case error. */
export function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (err) {
    throw new Error(`error parsing certificate: ${(err as Error).message}`);
  }
}
