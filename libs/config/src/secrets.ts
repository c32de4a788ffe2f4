// The secrets bundle a cluster is generated from. Only what is used today is generated; the shape
// leaves room for the Kubernetes, etcd and aggregator CAs, the service-account key and the
// AES-CBC secret (as Talos's bundle has them) without changing existing fields.
import { type CertificateAndKey, generateCA, generateToken } from '@talos/pki';

export interface SecretsBundle {
  /** CAs in PEM. */
  certs: {
    /** The OS CA (O=talos): signs apid/trustd serving certs and talosctl client certs. */
    os: CertificateAndKey;
  };
  /** `machine.token`: what a node shows trustd. */
  trustdInfo: { token: string };
  /** `cluster.token`: the Kubernetes bootstrap token. */
  secrets: { bootstrapToken: string };
}

export const OS_CA_ORGANIZATION = 'talos';

export function generateSecrets(): SecretsBundle {
  return {
    certs: { os: generateCA({ organization: OS_CA_ORGANIZATION }) },
    trustdInfo: { token: generateToken() },
    secrets: { bootstrapToken: generateToken() },
  };
}
