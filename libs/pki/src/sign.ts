// Signing leaf certificates with a CA: from a CSR (trustd) or for a fresh key (admin client, self-serve).
import forge from 'node-forge';
import { generateRsaKeyPair, generateRsaKeyPairAsync, signNatively, type ForgeKeyPair } from './keys';
import type { CertificateAndKey, CertificateUsage } from './types';
import { altNames, randomSerial, subjectAttributes, validityWindow } from './x509-fields';

export interface SignOptions {
  validityHours: number;
  usage: CertificateUsage;
}

export interface IssueOptions extends SignOptions {
  commonName: string;
  organization?: string[];
  ipAddresses?: string[];
  dnsNames?: string[];
}

/** A CA as signing needs it: certificate and key, PEM. */
export type SigningCA = CertificateAndKey;

const HOUR_MS = 60 * 60 * 1000;

interface LeafRequest {
  publicKey: forge.pki.PublicKey;
  subject: forge.pki.CertificateField[];
  altNames: Array<Record<string, unknown>>;
}

function signLeaf(ca: SigningCA, req: LeafRequest, opts: SignOptions): string {
  if (!(opts.validityHours > 0))
    throw new Error(`validity must be positive, got ${opts.validityHours} hours`);
  const caCert = forge.pki.certificateFromPem(ca.crt);
  const cert = forge.pki.createCertificate();
  cert.publicKey = req.publicKey;
  cert.serialNumber = randomSerial();
  const { notBefore, notAfter } = validityWindow(opts.validityHours * HOUR_MS);
  cert.validity.notBefore = notBefore;
  // A leaf never outlives its CA.
  cert.validity.notAfter = notAfter > caCert.validity.notAfter ? caCert.validity.notAfter : notAfter;
  cert.setSubject(req.subject);
  cert.setIssuer(caCert.subject.attributes);
  const extensions: Array<Record<string, unknown>> = [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    {
      name: 'extKeyUsage',
      serverAuth: opts.usage !== 'client',
      clientAuth: opts.usage !== 'server',
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ];
  if (req.altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames: req.altNames });
  cert.setExtensions(extensions);
  signNatively(cert, ca.key);
  return forge.pki.certificateToPem(cert);
}

interface ParsedAltName {
  type: number;
  value?: string;
  ip?: string;
}

/** Only the subjectAltName of a CSR's requested extensions is honoured; the CA decides the rest. */
function requestedAltNames(csr: forge.pki.CertificateSigningRequest): Array<Record<string, unknown>> {
  const attr = csr.getAttribute({ name: 'extensionRequest' }) as {
    extensions?: Array<Record<string, unknown>>;
  } | null;
  const san = attr?.extensions?.find((e) => e.name === 'subjectAltName') as
    { altNames?: ParsedAltName[] } | undefined;
  return (san?.altNames ?? []).map((n) =>
    n.type === 7 && n.ip ? { type: 7, ip: n.ip } : { type: n.type, value: n.value },
  );
}

export interface SignCSROptions extends SignOptions {
  /**
   * When set, the certificate's Organization is exactly this and the CSR's O= values are dropped:
   * O= carries API roles, which a CSR must not be able to choose.
   */
  organization?: string[];
}

/**
 * Signs a PEM CSR with the CA after checking the CSR's own signature; the subject (except O= when
 * opts.organization is set) and SANs are copied.
 */
export function signCSR(ca: SigningCA, csrPem: string, opts: SignCSROptions): string {
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromPem(csrPem);
  } catch (err) {
    throw new Error(`error signing csr: cannot parse csr: ${(err as Error).message}`);
  }
  if (!csr.publicKey) throw new Error('error signing csr: csr has no RSA public key');
  let verified = false;
  try {
    verified = csr.verify();
  } catch (err) {
    throw new Error(`error signing csr: cannot verify csr signature: ${(err as Error).message}`);
  }
  if (!verified) throw new Error('error signing csr: csr signature does not verify');
  const copied = csr.subject.attributes.filter(
    (a: forge.pki.CertificateField) => opts.organization === undefined || a.shortName !== 'O',
  );
  const subject: forge.pki.CertificateField[] = [
    ...(opts.organization ?? []).map((value) => ({ shortName: 'O', value })),
    ...copied.map((a: forge.pki.CertificateField) => ({
      type: a.type,
      value: a.value,
      valueTagClass: a.valueTagClass,
    })),
  ];
  try {
    return signLeaf(ca, { publicKey: csr.publicKey, subject, altNames: requestedAltNames(csr) }, opts);
  } catch (err) {
    throw new Error(`error signing csr: ${(err as Error).message}`);
  }
}

/** Generates a key and a certificate for it, signed by the CA. */
export function issueCertificate(ca: SigningCA, opts: IssueOptions): CertificateAndKey {
  return issueFor(ca, generateRsaKeyPair(), opts);
}

/** As issueCertificate, generating the key off the event loop. */
export async function issueCertificateAsync(ca: SigningCA, opts: IssueOptions): Promise<CertificateAndKey> {
  return issueFor(ca, await generateRsaKeyPairAsync(), opts);
}

function issueFor(ca: SigningCA, keys: ForgeKeyPair, opts: IssueOptions): CertificateAndKey {
  const crt = signLeaf(
    ca,
    {
      publicKey: keys.publicKey,
      subject: subjectAttributes(opts),
      altNames: altNames(opts.ipAddresses, opts.dnsNames),
    },
    opts,
  );
  return { crt, key: keys.privateKeyPem };
}
