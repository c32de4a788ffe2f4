// RSA key material. node-forge builds the X.509 structures, but its pure-JS RSA is slow (prime
// search takes seconds, a private-key operation tens of ms, ten times that under emulation), so
// keys come from Node's native generator and certificates are signed natively.
import { generateKeyPair, generateKeyPairSync, sign, type RSAKeyPairOptions } from 'node:crypto';
import { promisify } from 'node:util';
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

const generateKeyPairAsync = promisify(generateKeyPair);
/** The key generation under way (async ones run one after another). */
let keygenQueue: Promise<unknown> = Promise.resolve();

/**
 * As generateRsaKeyPair, off the event loop (libuv's thread pool): for daemons that keep serving.
 * One at a time per process: a prime search costs seconds of CPU under software emulation, and a
 * node issuing its etcd and Kubernetes certificates at boot would otherwise take up to four
 * threads' worth from the daemons starting beside it.
 */
export async function generateRsaKeyPairAsync(bits: number = RSA_KEY_BITS): Promise<ForgeKeyPair> {
  const generated = keygenQueue.then(() => generateKeyPairAsync('rsa', pemOptions(bits)));
  keygenQueue = generated.catch(() => undefined);
  return toForge((await generated).privateKey);
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
