// The secrets bundle a cluster is generated from, shaped as Talos v0.9's: four CAs, the
// service-account key, two tokens and the encryption secret. Keys are RSA-2048 (docs/decisions/0001),
// CAs last CA_LIFETIME_DAYS.
import { randomBytes } from 'node:crypto';
import { type CertificateAndKey, generateCA, generatePrivateKeyPem, generateToken } from '@talos/pki';

export interface SecretsBundle {
  /** CAs and keys in PEM. */
  certs: {
    /** The OS CA (O=talos): signs apid/trustd serving certs and talosctl client certs. */
    os: CertificateAndKey;
    /** The Kubernetes CA (O=kubernetes): `cluster.ca`. */
    k8s: CertificateAndKey;
    /** The etcd CA (O=etcd): `cluster.etcd.ca`. */
    etcd: CertificateAndKey;
    /** The front-proxy CA (CN=front-proxy): `cluster.aggregatorCA`. */
    k8sAggregator: CertificateAndKey;
    /** The key that signs service-account tokens: `cluster.serviceAccount.key`. */
    k8sServiceAccount: { key: string };
  };
  /** `machine.token`: what a node shows trustd. */
  trustdInfo: { token: string };
  secrets: {
    /** `cluster.token`: the Kubernetes bootstrap token. */
    bootstrapToken: string;
    /** `cluster.aescbcEncryptionSecret`: base64 of 32 random bytes (Secrets encrypted at rest). */
    aescbcEncryptionSecret: string;
  };
}

export const OS_CA_ORGANIZATION = 'talos';
export const KUBERNETES_CA_ORGANIZATION = 'kubernetes';
export const ETCD_CA_ORGANIZATION = 'etcd';
export const AGGREGATOR_CA_COMMON_NAME = 'front-proxy';
export const AESCBC_SECRET_BYTES = 32;

export function generateSecrets(): SecretsBundle {
  return {
    certs: {
      os: generateCA({ organization: OS_CA_ORGANIZATION }),
      k8s: generateCA({ organization: KUBERNETES_CA_ORGANIZATION }),
      etcd: generateCA({ organization: ETCD_CA_ORGANIZATION }),
      k8sAggregator: generateCA({ commonName: AGGREGATOR_CA_COMMON_NAME }),
      k8sServiceAccount: { key: generatePrivateKeyPem() },
    },
    trustdInfo: { token: generateToken() },
    secrets: {
      bootstrapToken: generateToken(),
      aescbcEncryptionSecret: randomBytes(AESCBC_SECRET_BYTES).toString('base64'),
    },
  };
}
