// The `{crt, key}` pairs that several sections carry (machine.ca, cluster.ca, aggregatorCA, etcd.ca,
// registry client identities), and lone base64 PEM keys (serviceAccount.key).
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { type EncodedCertificateAndKey, decodePEM, pemProblem } from './pem';
import type { FieldReader } from './validation';

// Parsing keys is the slow part of validation; the same pair is checked on every load and fuzz case.
const pairVerdicts = new Map<string, string | undefined>();
const PAIR_CACHE_SIZE = 64;

/** Why a certificate and key (both base64 PEM, both well-formed) do not belong together, if they don't. */
export function keyMismatchProblem(crt: string, key: string): string | undefined {
  const cacheKey = `${crt}\n${key}`;
  if (pairVerdicts.has(cacheKey)) return pairVerdicts.get(cacheKey);
  let verdict: string | undefined;
  try {
    const cert = new X509Certificate(decodePEM(crt));
    verdict = cert.checkPrivateKey(createPrivateKey(decodePEM(key)))
      ? undefined
      : 'does not match the certificate in crt';
  } catch (err) {
    verdict = `cannot be checked against crt: ${(err as Error).message.toLowerCase()}`;
  }
  if (pairVerdicts.size >= PAIR_CACHE_SIZE) pairVerdicts.clear();
  pairVerdicts.set(cacheKey, verdict);
  return verdict;
}

export function readCertificateAndKey(
  at: FieldReader,
  value: unknown,
  opts: { keyRequired?: string } = {},
): EncodedCertificateAndKey | undefined {
  const raw = at.mapping(value, ['crt', 'key']);
  if (!raw) return undefined;
  const crt = at.at('crt').string(raw.crt, { required: true });
  const key = at.at('key').string(raw.key, { nonEmpty: true });
  const crtProblem = crt === undefined ? undefined : pemProblem(crt, 'certificate');
  if (crtProblem) at.at('crt').problem(crtProblem);
  const keyProblem = key === undefined ? undefined : pemProblem(key, 'private key');
  if (keyProblem) at.at('key').problem(keyProblem);
  else if (key === undefined && opts.keyRequired && raw.key === undefined)
    at.at('key').problem(opts.keyRequired);
  if (crt !== undefined && key !== undefined && !crtProblem && !keyProblem) {
    const mismatch = keyMismatchProblem(crt, key);
    if (mismatch) at.at('key').problem(mismatch);
  }
  if (crt === undefined) return undefined;
  return key === undefined ? { crt } : { crt, key };
}

/** A lone base64 PEM field of one kind (a CA certificate, a private key). */
export function readPemField(
  at: FieldReader,
  value: unknown,
  kind: 'certificate' | 'private key',
  opts: { required?: boolean } = {},
): string | undefined {
  const text = at.string(value, { required: opts.required, nonEmpty: true });
  if (text === undefined) return undefined;
  const problem = pemProblem(text, kind);
  if (problem) at.problem(problem);
  return text;
}
