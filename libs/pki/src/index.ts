// The one PKI library: CAs, CSRs, signing, inspection and key files. PEM strings everywhere.
// CAs are RSA-2048 (docs/decisions/0001); leaf keys are ECDSA P-256, cheap to generate at boot
// (docs/security.md).
export type { CertificateAndKey, CertificateUsage } from './types';
export { generateCA, generateCAAsync, type CAOptions } from './ca';
export { generateKeyAndCSR, type CSROptions, type KeyAndCSR } from './csr';
export {
  signCSR,
  issueCertificate,
  NODE_CERTIFICATE,
  issueCertificateAsync,
  type SignOptions,
  type SignCSROptions,
  type IssueOptions,
  type SigningCA,
} from './sign';
export {
  certificateInfo,
  certificateNotAfter,
  verifyChain,
  keyMatchesCertificate,
  type CertificateInfo,
  type DistinguishedName,
} from './inspect';
export { writeSecretFile } from './secret-file';
export { generateToken, tokensEqual, TOKEN_PATTERN } from './token';
export { RSA_KEY_BITS, generatePrivateKeyPem } from './keys';
