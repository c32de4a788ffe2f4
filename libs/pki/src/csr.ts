// Keys and certificate signing requests, as a node (apid) or a client sends them to a CA holder.
import forge from 'node-forge';
import { generateRsaKeyPair } from './keys';
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

export function generateKeyAndCSR(opts: CSROptions): KeyAndCSR {
  const keys = generateRsaKeyPair();
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = keys.publicKey;
  csr.setSubject(subjectAttributes(opts));
  const sans = altNames(opts.ipAddresses, opts.dnsNames);
  if (sans.length > 0) {
    csr.setAttributes([
      { name: 'extensionRequest', extensions: [{ name: 'subjectAltName', altNames: sans }] },
    ]);
  }
  csr.sign(keys.privateKey, forge.md.sha256.create());
  return { key: keys.privateKeyPem, csr: forge.pki.certificationRequestToPem(csr) };
}
