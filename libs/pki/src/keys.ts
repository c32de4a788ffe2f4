// RSA key material. node-forge signs X.509 only with RSA, and its pure-JS prime search takes
// seconds, so keys come from Node's native generator (~100 ms) and are imported into forge.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export const RSA_KEY_BITS = 2048;

export interface ForgeKeyPair {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
}

export function generateRsaKeyPair(bits: number = RSA_KEY_BITS): ForgeKeyPair {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

/**
 * A lone RSA private key in PEM (PKCS#1), for keys that sign tokens rather than certificates
 * (the Kubernetes service-account key; Talos uses ECDSA there, our PKI is RSA throughout).
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
