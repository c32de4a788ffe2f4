// Building and reading X.509 structures around keys node-forge cannot encode or parse (its
// SubjectPublicKeyInfo code is RSA-only, our leaves are ECDSA): forge works on a stand-in RSA key,
// and the stand-in's SubjectPublicKeyInfo is swapped for the real one in the DER.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { bitStringBytes, fromPem, sequence, sequenceElements } from './der';

/**
 * A fixed, meaningless RSA public key (modulus 2^64+13, exponent 65537) that forge encodes where a
 * key goes. It never appears in anything this lib emits, so it need not be a usable key.
 */
export const PLACEHOLDER_PUBLIC_KEY: forge.pki.rsa.PublicKey = forge.pki.setRsaPublicKey(
  new forge.jsbn.BigInteger('1000000000000000d', 16),
  new forge.jsbn.BigInteger('65537', 10),
);

const PLACEHOLDER_SPKI = Buffer.from(
  forge.asn1.toDer(forge.pki.publicKeyToAsn1(PLACEHOLDER_PUBLIC_KEY)).getBytes(),
  'binary',
);

export function asn1ToDer(obj: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(obj).getBytes(), 'binary');
}

/** `structure` (a DER SEQUENCE forge built with the placeholder key) with the real SPKI in its place. */
export function withPublicKeyInfo(structure: Buffer, spkiDer: Buffer): Buffer {
  const elements = sequenceElements(structure);
  const at = elements.findIndex((e) => e.equals(PLACEHOLDER_SPKI));
  if (at < 0) throw new Error('no placeholder public key to replace');
  elements[at] = spkiDer;
  return sequence(elements);
}

/** Parses SubjectPublicKeyInfo DER with Node (RSA, EC, ...). */
export function publicKeyFromSpki(spkiDer: Buffer): KeyObject {
  return createPublicKey({ key: spkiDer, format: 'der', type: 'spki' });
}

/** RFC 5280 key identifier, method 1: SHA-1 of the subjectPublicKey BIT STRING's bytes. */
export function keyIdentifier(spkiDer: Buffer): Buffer {
  const [, subjectPublicKey] = sequenceElements(spkiDer);
  if (!subjectPublicKey) throw new Error('SubjectPublicKeyInfo without a key');
  return createHash('sha1').update(bitStringBytes(subjectPublicKey)).digest();
}

// TBSCertificate ::= SEQUENCE { [0] version, serial, signature, issuer, validity, subject, SPKI, ... }
const VERSION_TAG = 0xa0;

/**
 * A forge view of a PEM certificate of any key type: everything forge reads (names, validity,
 * extensions) is the certificate's, the public key is the placeholder. Not for verification.
 */
export function certificateFromPemAnyKey(pem: string): forge.pki.Certificate {
  const der = fromPem(pem, ['CERTIFICATE']);
  const [tbs, ...rest] = sequenceElements(der);
  if (!tbs) throw new Error('empty certificate');
  const fields = sequenceElements(tbs);
  const at = fields[0]?.[0] === VERSION_TAG ? 6 : 5;
  if (!fields[at]) throw new Error('certificate without a public key');
  fields[at] = PLACEHOLDER_SPKI;
  const swapped = sequence([sequence(fields), ...rest]);
  return forge.pki.certificateFromAsn1(forge.asn1.fromDer(swapped.toString('binary')), false);
}
