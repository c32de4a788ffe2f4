// Self-signed certificate authorities: the OS, Kubernetes, etcd and aggregator (front-proxy) CAs.
import { CA_LIFETIME_DAYS } from '@talos/constants';
import forge from 'node-forge';
import { generateRsaKeyPair, generateRsaKeyPairAsync, signNatively, type ForgeKeyPair } from './keys';
import type { CertificateAndKey } from './types';
import { randomSerial, subjectAttributes, validityWindow } from './x509-fields';

export interface CAOptions {
  commonName?: string;
  /** Talos names its CAs by Organization, except the aggregator CA (CN=front-proxy only). */
  organization?: string;
  validityDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function generateCA(opts: CAOptions): CertificateAndKey {
  return selfSignedCA(generateRsaKeyPair(), opts);
}

/** generateCA with its key made on a worker thread (generateRsaKeyPairAsync). */
export async function generateCAAsync(opts: CAOptions): Promise<CertificateAndKey> {
  return selfSignedCA(await generateRsaKeyPairAsync(), opts);
}

function selfSignedCA(keys: ForgeKeyPair, opts: CAOptions): CertificateAndKey {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  const { notBefore, notAfter } = validityWindow((opts.validityDays ?? CA_LIFETIME_DAYS) * DAY_MS);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const subject = subjectAttributes({
    commonName: opts.commonName,
    organization: opts.organization ? [opts.organization] : [],
  });
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signNatively(cert, keys.privateKeyPem);
  return { crt: forge.pki.certificateToPem(cert), key: keys.privateKeyPem };
}
