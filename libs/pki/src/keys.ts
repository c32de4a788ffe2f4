// Key material: RSA for CAs, ECDSA P-256 for leaves. node-forge builds the X.509 structures, but
// its pure-JS RSA is slow (prime search takes seconds, a private-key operation tens of ms, ten
// times that under emulation), so keys come from Node's native generator and certificates are
// signed natively.
import { generateKeyPair, generateKeyPairSync, sign, type RSAKeyPairOptions } from 'node:crypto';
import forge from 'node-forge';

export const RSA_KEY_BITS = 2048;

export interface ForgeKeyPair {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  /** The private key as generated (PKCS#1 PEM). */
  privateKeyPem: string;
}

function pemOptions(bits: number): RSAKeyPairOptions<'pem', 'pem'> {
  return {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  };
}

function toForge(privateKeyPem: string): ForgeKeyPair {
  const forgeKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  return {
    privateKey: forgeKey,
    publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e),
    privateKeyPem,
  };
}

export function generateRsaKeyPair(bits: number = RSA_KEY_BITS): ForgeKeyPair {
  return toForge(generateKeyPairSync('rsa', pemOptions(bits)).privateKey);
}

/**
 * generateRsaKeyPair on one of libuv's worker threads: what runs while a node boots must not hold
 * its event loop for the prime search (10-20 s of CPU under software emulation).
 */
export function generateRsaKeyPairAsync(bits: number = RSA_KEY_BITS): Promise<ForgeKeyPair> {
  return new Promise((resolve, reject) =>
    generateKeyPair('rsa', pemOptions(bits), (err, _publicKey, privateKey) =>
      err ? reject(err) : resolve(toForge(privateKey)),
    ),
  );
}

/** A leaf key: private key as PKCS#8 PEM (read by Node TLS and Go alike), public key as SPKI DER. */
export interface LeafKey {
  privateKeyPem: string;
  spkiDer: Buffer;
}

/**
 * Leaf certificates get ECDSA P-256 keys: generating one takes well under a millisecond where an
 * RSA-2048 prime search takes 10-20 s of CPU under software emulation (the node boots several
 * leaves). CAs stay RSA (generateRsaKeyPair): forge signs and parses those itself.
 */
export function generateLeafKey(): LeafKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, spkiDer: publicKey };
}

/** Signs a forge certificate (sha256WithRSAEncryption) with a PEM key, using Node's native RSA. */
export function signNatively(cert: forge.pki.Certificate, signerKeyPem: string): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption as string;
  cert.siginfo.algorithmOid = oid;
  cert.signatureOid = oid;
  // getTBSCertificate is part of forge's API, missing from its type definitions.
  const pki = forge.pki as typeof forge.pki & {
    getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
  };
  const tbs = forge.asn1.toDer(pki.getTBSCertificate(cert)).getBytes();
  cert.signature = sign('sha256', Buffer.from(tbs, 'binary'), signerKeyPem).toString('binary');
}

/**
 * A lone RSA private key in PEM (PKCS#1), for keys that sign tokens rather than certificates
 * (the Kubernetes service-account key; Talos uses ECDSA there; it stays RSA here as it is made once,
 * by config generation, not at boot).
 */
export function generatePrivateKeyPem(bits: number = RSA_KEY_BITS): string {
  return generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  }).privateKey;
}

/** Parses a PEM private key (PKCS#1 or unencrypted PKCS#8, RSA only). */
export function parsePrivateKey(pem: string): forge.pki.rsa.PrivateKey {
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey | null;
  if (!key) throw new Error('not an RSA private key');
  return key;
}

export function privateKeyToPem(key: forge.pki.rsa.PrivateKey): string {
  return forge.pki.privateKeyToPem(key);
}
