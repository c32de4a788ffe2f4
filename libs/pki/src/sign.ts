// Signing leaf certificates with a CA: from a CSR (trustd) or for a fresh key (admin client, self-serve).
// forge builds the TBSCertificate around a placeholder key (it cannot encode EC keys), the real
// SubjectPublicKeyInfo is spliced in, and the CA's RSA key signs natively.
import { sign } from 'node:crypto';
import { ROLE_IMPERSONATOR, SERVING_CERT_LIFETIME_HOURS } from '@talos/constants';
import forge from 'node-forge';
import { parseCSR } from './csr';
import { bitString, sequence, sequenceElements, toPem } from './der';
import { generateLeafKey } from './keys';
import {
  asn1ToDer,
  keyIdentifier,
  PLACEHOLDER_PUBLIC_KEY,
  publicKeyFromSpki,
  withPublicKeyInfo,
} from './public-key-info';
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

/**
 * What a node's apid certificate is, whoever makes it (trustd from a CSR, a control plane's apid
 * itself): O=os:impersonator, which other apids trust for the caller's role it passes on (never a
 * role a CSR asks for), serving and client use (apid dials other nodes with it), a day's life.
 */
export const NODE_CERTIFICATE: Required<SignCSROptions> = {
  organization: [ROLE_IMPERSONATOR],
  usage: 'both',
  validityHours: SERVING_CERT_LIFETIME_HOURS,
};

/** A CA as signing needs it: certificate and key, PEM. */
export type SigningCA = CertificateAndKey;

const HOUR_MS = 60 * 60 * 1000;

interface LeafRequest {
  /** The leaf's SubjectPublicKeyInfo, DER (RSA or EC). */
  spkiDer: Buffer;
  subject: forge.pki.CertificateField[];
  altNames: Array<Record<string, unknown>>;
}

// getTBSCertificate is part of forge's API, missing from its type definitions.
const pki = forge.pki as typeof forge.pki & {
  getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
};

function signLeaf(ca: SigningCA, req: LeafRequest, opts: SignOptions): string {
  if (!(opts.validityHours > 0))
    throw new Error(`validity must be positive, got ${opts.validityHours} hours`);
  // Node rejects a malformed key here, before anything is signed.
  const keyType = publicKeyFromSpki(req.spkiDer).asymmetricKeyType;
  const caCert = forge.pki.certificateFromPem(ca.crt);
  const cert = forge.pki.createCertificate();
  cert.publicKey = PLACEHOLDER_PUBLIC_KEY;
  cert.serialNumber = randomSerial();
  const { notBefore, notAfter } = validityWindow(opts.validityHours * HOUR_MS);
  cert.validity.notBefore = notBefore;
  // A leaf never outlives its CA.
  cert.validity.notAfter = notAfter > caCert.validity.notAfter ? caCert.validity.notAfter : notAfter;
  cert.setSubject(req.subject);
  cert.setIssuer(caCert.subject.attributes);
  const ski = keyIdentifier(req.spkiDer).toString('binary');
  const extensions: Array<Record<string, unknown>> = [
    { name: 'basicConstraints', cA: false, critical: true },
    // Only an RSA key can encipher a TLS key exchange; an EC key just signs (ECDHE).
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: keyType === 'rsa', critical: true },
    {
      name: 'extKeyUsage',
      serverAuth: opts.usage !== 'client',
      clientAuth: opts.usage !== 'server',
    },
    // Given explicitly: forge would hash the placeholder key.
    {
      name: 'subjectKeyIdentifier',
      value: forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.OCTETSTRING, false, ski),
    },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ];
  if (req.altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames: req.altNames });
  cert.setExtensions(extensions);
  const oid = forge.pki.oids.sha256WithRSAEncryption as string;
  cert.siginfo.algorithmOid = oid;
  const tbs = withPublicKeyInfo(asn1ToDer(pki.getTBSCertificate(cert)), req.spkiDer);
  // Certificate.signatureAlgorithm repeats TBSCertificate.signature (RFC 5280 4.1.1.2).
  const signatureAlgorithm = sequenceElements(tbs)[2];
  if (!signatureAlgorithm) throw new Error('TBSCertificate without a signature algorithm');
  const signature = sign('sha256', tbs, ca.key);
  return toPem('CERTIFICATE', sequence([tbs, signatureAlgorithm, bitString(signature)]));
}

export interface SignCSROptions extends SignOptions {
  /**
   * When set, the certificate's Organization is exactly this and the CSR's O= values are dropped:
   * O= carries API roles, which a CSR must not be able to choose.
   */
  organization?: string[];
}

/**
 * Signs a PEM CSR (RSA or EC key) with the CA after checking the CSR's own signature; the subject
 * (except O= when opts.organization is set) and SANs are copied.
 */
export function signCSR(ca: SigningCA, csrPem: string, opts: SignCSROptions): string {
  const csr = parseCSR(csrPem);
  const copied = csr.subject.filter((a) => opts.organization === undefined || a.shortName !== 'O');
  const subject: forge.pki.CertificateField[] = [
    ...(opts.organization ?? []).map((value) => ({ shortName: 'O', value })),
    ...copied.map((a) => ({ type: a.type, value: a.value, valueTagClass: a.valueTagClass })),
  ];
  try {
    return signLeaf(ca, { spkiDer: csr.spkiDer, subject, altNames: csr.altNames }, opts);
  } catch (err) {
    throw new Error(`error signing csr: ${(err as Error).message}`);
  }
}

/** Generates an ECDSA P-256 key and a certificate for it, signed by the CA. */
export function issueCertificate(ca: SigningCA, opts: IssueOptions): CertificateAndKey {
  const key = generateLeafKey();
  const crt = signLeaf(
    ca,
    {
      spkiDer: key.spkiDer,
      subject: subjectAttributes(opts),
      altNames: altNames(opts.ipAddresses, opts.dnsNames),
    },
    opts,
  );
  return { crt, key: key.privateKeyPem };
}

/**
 * As issueCertificate. Async for callers written when keys were RSA and generated off the event
 * loop; an EC key costs well under a millisecond, so there is nothing left to move off it.
 */
export async function issueCertificateAsync(ca: SigningCA, opts: IssueOptions): Promise<CertificateAndKey> {
  return issueCertificate(ca, opts);
}
