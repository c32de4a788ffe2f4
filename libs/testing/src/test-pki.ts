// Certificates for TLS tests: an OS CA, a foreign CA, and leaf certificates issued by either.
import { type CertificateAndKey, type CertificateUsage, generateCA, issueCertificate } from '@talos/pki';

export interface TestPKI {
  /** The node's OS CA. */
  ca: CertificateAndKey;
  /** A CA nobody trusts, for refusal tests. */
  otherCA: CertificateAndKey;
  /** A leaf from the OS CA (or `from`): server certs get 127.0.0.1 and localhost as SANs by default. */
  issue(opts: {
    commonName: string;
    usage: CertificateUsage;
    ipAddresses?: string[];
    organization?: string[];
    from?: CertificateAndKey;
  }): CertificateAndKey;
}

export function createTestPKI(): TestPKI {
  const ca = generateCA({ organization: 'talos' });
  const otherCA = generateCA({ organization: 'talos' });
  return {
    ca,
    otherCA,
    issue: (opts) =>
      issueCertificate(opts.from ?? ca, {
        commonName: opts.commonName,
        organization: opts.organization,
        ipAddresses: opts.ipAddresses ?? (opts.usage === 'client' ? [] : ['127.0.0.1']),
        dnsNames: opts.usage === 'client' ? [] : ['localhost'],
        validityHours: 1,
        usage: opts.usage,
      }),
  };
}
