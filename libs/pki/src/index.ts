// The one PKI library: CAs, CSRs, signing, inspection and key files. PEM strings everywhere.
// RSA-2048 throughout because node-forge signs X.509 only with RSA (docs/decisions/0001).
export type { CertificateAndKey, CertificateUsage } from './types';
export { generateCA, type CAOptions } from './ca';
export { generateKeyAndCSR, type CSROptions, type KeyAndCSR } from './csr';
export {
  signCSR,
  issueCertificate,
  issueCertificateAsync,
  type SignOptions,
  type SignCSROptions,
  type IssueOptions,
  type SigningCA,
} from './sign';
export {
  certificateInfo,
  verifyChain,
  keyMatchesCertificate,
  type CertificateInfo,
  type DistinguishedName,
} from './inspect';
export { writeSecretFile } from './secret-file';
export { generateToken, tokensEqual, TOKEN_PATTERN } from './token';
export { RSA_KEY_BITS, generatePrivateKeyPem } from './keys';
