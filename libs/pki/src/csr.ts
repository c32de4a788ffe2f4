// Keys and certificate signing requests, as a node (apid) or a client sends them to a CA holder,
// and reading them back (trustd). Keys are ECDSA P-256; requests from elsewhere may be RSA or EC.
// forge builds the CertificationRequestInfo around a placeholder key (it cannot encode EC keys);
// the real key is spliced in and signs natively. Reading is done on the DER directly, as forge
// cannot parse an EC request.
import { createPrivateKey, sign, verify } from 'node:crypto';
import forge from 'node-forge';
import { bitString, bitStringBytes, fromPem, sequence, sequenceElements, toPem } from './der';
import { generateLeafKey } from './keys';
import { asn1ToDer, PLACEHOLDER_PUBLIC_KEY, publicKeyFromSpki, withPublicKeyInfo } from './public-key-info';
import { altNames, subjectAttributes } from './x509-fields';

export interface CSROptions {
  commonName: string;
  organization?: string[];
  ipAddresses?: string[];
  dnsNames?: string[];
}

export interface KeyAndCSR {
  key: string;
  csr: string;
}

// Parts of forge's API missing from its type definitions.
const pki = forge.pki as typeof forge.pki & {
  getCertificationRequestInfo(csr: forge.pki.CertificateSigningRequest): forge.asn1.Asn1;
  RDNAttributesAsArray(rdn: forge.asn1.Asn1): forge.pki.CertificateField[];
  certificateExtensionFromAsn1(ext: forge.asn1.Asn1): Record<string, unknown>;
};

/** AlgorithmIdentifier for ecdsa-with-SHA256 (1.2.840.10045.4.3.2), parameters absent (RFC 5758). */
const ECDSA_WITH_SHA256 = Buffer.from('300a06082a8648ce3d040302', 'hex');

export function generateKeyAndCSR(opts: CSROptions): KeyAndCSR {
  const key = generateLeafKey();
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = PLACEHOLDER_PUBLIC_KEY;
  csr.setSubject(subjectAttributes(opts));
  const sans = altNames(opts.ipAddresses, opts.dnsNames);
  if (sans.length > 0) {
    csr.setAttributes([
      { name: 'extensionRequest', extensions: [{ name: 'subjectAltName', altNames: sans }] },
    ]);
  }
  const info = withPublicKeyInfo(asn1ToDer(pki.getCertificationRequestInfo(csr)), key.spkiDer);
  const signature = sign('sha256', info, createPrivateKey(key.privateKeyPem));
  const der = sequence([info, ECDSA_WITH_SHA256, bitString(signature)]);
  return { key: key.privateKeyPem, csr: toPem('CERTIFICATE REQUEST', der) };
}

/** Signature algorithms a CSR may use, by OID: the digest to verify with. */
const SIGNATURE_DIGESTS: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

const EXTENSION_REQUEST_OID = '1.2.840.113549.1.9.14';

export interface ParsedCSR {
  subject: forge.pki.CertificateField[];
  spkiDer: Buffer;
  /** The requested subjectAltName entries (type 2 dNSName, 7 iPAddress), nothing else requested. */
  altNames: Array<Record<string, unknown>>;
}

// forge's types omit fromDer's options; keys and signatures in BIT STRINGs stay opaque bytes.
const forgeFromDer = forge.asn1.fromDer as unknown as (
  der: string,
  options: { decodeBitStrings: boolean },
) => forge.asn1.Asn1;

function fromDer(der: Buffer): forge.asn1.Asn1 {
  return forgeFromDer(der.toString('binary'), { decodeBitStrings: false });
}

interface ParsedAltName {
  type: number;
  value?: string;
  ip?: string;
}

/** Only the subjectAltName of a CSR's requested extensions is honoured; the CA decides the rest. */
function requestedAltNames(attributes: Buffer | undefined): Array<Record<string, unknown>> {
  if (!attributes) return [];
  // [0] IMPLICIT SET OF Attribute ::= SEQUENCE { type OID, values SET OF ANY }
  const set = fromDer(attributes).value as forge.asn1.Asn1[];
  for (const attribute of set) {
    const [type, values] = attribute.value as forge.asn1.Asn1[];
    if (forge.asn1.derToOid(String(type?.value ?? '')) !== EXTENSION_REQUEST_OID) continue;
    const extensions = ((values?.value as forge.asn1.Asn1[])[0]?.value ?? []) as forge.asn1.Asn1[];
    for (const ext of extensions) {
      const parsed = pki.certificateExtensionFromAsn1(ext) as { name?: string; altNames?: ParsedAltName[] };
      if (parsed.name !== 'subjectAltName') continue;
      return (parsed.altNames ?? []).map((n) =>
        n.type === 7 && n.ip ? { type: 7, ip: n.ip } : { type: n.type, value: n.value },
      );
    }
  }
  return [];
}

/**
 * Parses a PEM CSR (RSA or EC key) and checks its signature: the requester holds the key.
 * Errors read "error signing csr: ...", as the CA holder reports them.
 */
export function parseCSR(csrPem: string): ParsedCSR {
  let info: Buffer, algorithm: Buffer, signatureBits: Buffer;
  let subject: forge.pki.CertificateField[], spkiDer: Buffer, attributes: Buffer | undefined;
  let digest: string | undefined;
  try {
    const der = fromPem(csrPem, ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
    const top = sequenceElements(der);
    if (top.length !== 3) throw new Error('not a CertificationRequest');
    [info, algorithm, signatureBits] = top as [Buffer, Buffer, Buffer];
    // CertificationRequestInfo ::= SEQUENCE { version, subject, subjectPKInfo, [0] attributes }
    const fields = sequenceElements(info);
    if (fields.length < 3 || !fields[1] || !fields[2]) throw new Error('not a CertificationRequestInfo');
    subject = pki.RDNAttributesAsArray(fromDer(fields[1]));
    spkiDer = fields[2];
    attributes = fields[3];
    const [oid] = sequenceElements(algorithm);
    const algorithmOid = forge.asn1.derToOid(String(fromDer(oid ?? Buffer.alloc(0)).value));
    digest = SIGNATURE_DIGESTS[algorithmOid];
    if (!digest) throw new Error(`unsupported signature algorithm ${algorithmOid}`);
  } catch (err) {
    throw new Error(`error signing csr: cannot parse csr: ${(err as Error).message}`);
  }
  let verified: boolean;
  try {
    verified = verify(digest, info, publicKeyFromSpki(spkiDer), bitStringBytes(signatureBits));
  } catch (err) {
    throw new Error(`error signing csr: cannot verify csr signature: ${(err as Error).message}`);
  }
  if (!verified) throw new Error('error signing csr: csr signature does not verify');
  let sans: Array<Record<string, unknown>>;
  try {
    sans = requestedAltNames(attributes);
  } catch (err) {
    throw new Error(`error signing csr: cannot read requested extensions: ${(err as Error).message}`);
  }
  return { subject, spkiDer, altNames: sans };
}
