/** A certificate and its private key, both PEM. */
export interface CertificateAndKey {
  crt: string;
  key: string;
}

/** What a leaf certificate is for: TLS server, TLS client, or both (extendedKeyUsage). */
export type CertificateUsage = 'server' | 'client' | 'both';
