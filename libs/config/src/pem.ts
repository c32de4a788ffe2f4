// Certificates and keys sit in the YAML as base64 of their PEM text (as in Talos); code wants PEM.

export interface EncodedCertificateAndKey {
  /** base64 of the certificate PEM. */
  crt: string;
  /** base64 of the private key PEM; absent where the holder must not sign (workers). */
  key?: string;
}

export interface PemCertificateAndKey {
  crt: string;
  key?: string;
}

export function encodePEM(pem: string): string {
  return Buffer.from(pem, 'utf8').toString('base64');
}

/** Decodes base64 to PEM text; throws when the result is not PEM. */
export function decodePEM(base64: string): string {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  if (!/^-----BEGIN [A-Z0-9 ]+-----/.test(text.trimStart())) {
    throw new Error('not base64-encoded PEM');
  }
  return text;
}

export function decodeCertificateAndKey(encoded: EncodedCertificateAndKey): PemCertificateAndKey {
  const out: PemCertificateAndKey = { crt: decodePEM(encoded.crt) };
  if (encoded.key) out.key = decodePEM(encoded.key);
  return out;
}

export function encodeCertificateAndKey(pem: PemCertificateAndKey): EncodedCertificateAndKey {
  const out: EncodedCertificateAndKey = { crt: encodePEM(pem.crt) };
  if (pem.key) out.key = encodePEM(pem.key);
  return out;
}

export type PemKind = 'certificate' | 'private key';

const PEM_LABELS: Record<PemKind, RegExp> = {
  certificate: /^CERTIFICATE$/,
  'private key': /^([A-Z0-9]+ )?PRIVATE KEY$/,
};

/** What is wrong with a base64 PEM field, if anything: it must decode to a PEM block of that kind. */
export function pemProblem(base64: string, kind: PemKind): string | undefined {
  let text: string;
  try {
    text = decodePEM(base64);
  } catch {
    return 'must be base64-encoded PEM';
  }
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(text.trimStart())?.[1] ?? '';
  return PEM_LABELS[kind].test(label) ? undefined : `must hold a PEM ${kind}, found "${label}"`;
}
