// The `{crt, key}` pair that several sections carry (machine.ca, cluster.ca, later etcd and friends).
import { type EncodedCertificateAndKey, pemProblem } from './pem';
import type { FieldReader } from './validation';

export function readCertificateAndKey(
  at: FieldReader,
  value: unknown,
  opts: { keyRequired?: string } = {},
): EncodedCertificateAndKey | undefined {
  const raw = at.mapping(value, ['crt', 'key']);
  if (!raw) return undefined;
  const crt = at.at('crt').string(raw.crt, { required: true });
  const key = at.at('key').string(raw.key, { nonEmpty: true });
  if (crt !== undefined) {
    const problem = pemProblem(crt, 'certificate');
    if (problem) at.at('crt').problem(problem);
  }
  if (key !== undefined) {
    const problem = pemProblem(key, 'private key');
    if (problem) at.at('key').problem(problem);
  } else if (opts.keyRequired && raw.key === undefined) {
    at.at('key').problem(opts.keyRequired);
  }
  if (crt === undefined) return undefined;
  return key === undefined ? { crt } : { crt, key };
}
