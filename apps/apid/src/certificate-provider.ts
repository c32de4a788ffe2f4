// apid's serving (and node-to-node client) certificate. The first one must exist before apid
// listens; later ones (renewal) reach listeners, which swap TLS contexts without a restart.
// A node whose config holds the OS CA key (a control-plane node) issues it itself, as later Talos
// does; any other node asks trustd on the control plane, as Talos v0.9 does on every node.
import * as grpc from '@grpc/grpc-js';
import { X509Certificate } from 'node:crypto';
import * as net from 'node:net';
import { clients } from '@talos/api';
import {
  APID_CERT_FIRST_RETRY_MS,
  APID_CERT_RETRY_MAX_MS,
  APID_CERT_TIMEOUT_MS,
  METADATA_TOKEN,
  TRUSTD_PORT,
} from '@talos/constants';
import type { Logger } from '@talos/log';
import {
  certificateNotAfter,
  generateKeyAndCSR,
  issueCertificate,
  keyMatchesCertificate,
  NODE_CERTIFICATE,
  type SigningCA,
  verifyChain,
} from '@talos/pki';

export interface ServingCertificate {
  /** The OS CA: clients must chain to it, and so must other nodes' apids. */
  ca: string;
  crt: string;
  key: string;
}

export type CertificateListener = (cert: ServingCertificate) => void;

export interface CertificateProvider {
  current(): ServingCertificate;
  /** Registers a listener for new certificates; returns the unsubscribe function. */
  onChange(listener: CertificateListener): () => void;
}

/** Holds a certificate and tells listeners when it is replaced. */
export class CertificateStore implements CertificateProvider {
  private readonly listeners = new Set<CertificateListener>();

  constructor(private cert: ServingCertificate) {}

  current(): ServingCertificate {
    return this.cert;
  }

  onChange(listener: CertificateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(cert: ServingCertificate): void {
    this.cert = cert;
    for (const listener of this.listeners) listener(cert);
  }
}

/**
 * Logs a new serving certificate's names, end and fingerprint (never its key), read natively:
 * certificateInfo's parse in JavaScript cost apid's start about 0.2 s under emulation.
 */
function logCertificate(logger: Logger, crt: string, msg: string, extra: Record<string, string> = {}): void {
  const cert = new X509Certificate(crt);
  logger.info(
    {
      ...extra,
      subjectAltName: cert.subjectAltName ?? '',
      notAfter: certificateNotAfter(crt).toISOString(),
      fingerprint: cert.fingerprint256,
    },
    msg,
  );
}

/** What apid asks trustd to put in its certificate. */
export interface CertificateNames {
  commonName: string;
  ipAddresses: string[];
  dnsNames: string[];
}

/** One attempt at one trustd endpoint: returns the signed certificate PEM. */
export type CertificateRequester = (endpoint: string, csr: string) => Promise<string>;

export interface TrustdCertificateOptions {
  /** trustd hosts (`host` or `host:port`; TRUSTD_PORT when no port), tried round-robin. */
  endpoints: string[];
  /** machine.token. */
  token: string;
  /** OS CA certificate (PEM): trustd's serving cert and ours must chain to it. */
  ca: string;
  names: CertificateNames;
  logger: Logger;
  /** The longest wait between attempts; the first is APID_CERT_FIRST_RETRY_MS, doubling. */
  retryIntervalMs?: number;
  timeoutMs?: number;
  /** Replaces the gRPC call to trustd (tests). */
  request?: CertificateRequester;
}

/** `host` -> `host:50001`, `[v6]` and `v6` handled, explicit ports kept. */
export function trustdTarget(endpoint: string): string {
  if (net.isIPv6(endpoint)) return `[${endpoint}]:${TRUSTD_PORT}`;
  if (/^\[.*\]$/.test(endpoint)) return `${endpoint}:${TRUSTD_PORT}`;
  if (/:\d+$/.test(endpoint)) return endpoint;
  return `${endpoint}:${TRUSTD_PORT}`;
}

/**
 * The real requester: securityapi.SecurityService/Certificate over TLS verified against the OS
 * CA (chain only: endpoints may be names or addresses the trustd certificate does not list),
 * with the token as `token` metadata.
 */
export function trustdRequester(token: string, ca: string, timeoutMs = 10_000): CertificateRequester {
  return (endpoint, csr) =>
    new Promise((resolve, reject) => {
      const creds = grpc.credentials.createSsl(Buffer.from(ca), null, null, {
        checkServerIdentity: () => undefined,
      });
      const client = new clients.securityapi.SecurityService(trustdTarget(endpoint), creds, {
        'grpc.use_local_subchannel_pool': 1,
        // The name is not checked (see above); a fixed one keeps an IP out of TLS SNI (RFC 6066).
        'grpc.ssl_target_name_override': 'trustd',
      });
      const md = new grpc.Metadata();
      md.set(METADATA_TOKEN, token);
      client.Certificate({ csr: Buffer.from(csr) }, md, { deadline: Date.now() + timeoutMs }, (err, res) => {
        client.close();
        if (err) return reject(new Error(err.details || err.message));
        resolve(Buffer.from(res?.crt ?? []).toString('utf8'));
      });
    });
}

/** Asks trustd for a certificate: round-robin over endpoints, backing off to retryInterval, until timeout. */
export async function requestCertificate(opts: TrustdCertificateOptions): Promise<ServingCertificate> {
  if (opts.endpoints.length === 0) throw new Error('error obtaining certificate: no trustd endpoints');
  const request = opts.request ?? trustdRequester(opts.token, opts.ca);
  const retryMs = opts.retryIntervalMs ?? APID_CERT_RETRY_MAX_MS;
  const deadline = Date.now() + (opts.timeoutMs ?? APID_CERT_TIMEOUT_MS);
  const { key, csr } = generateKeyAndCSR(opts.names);
  let lastError = '';
  for (let attempt = 0; ; attempt++) {
    const endpoint = opts.endpoints[attempt % opts.endpoints.length]!;
    try {
      const crt = await request(endpoint, csr);
      if (!verifyChain(crt, opts.ca)) throw new Error('certificate from trustd does not chain to the OS CA');
      if (!keyMatchesCertificate(key, crt)) throw new Error('certificate from trustd does not match our key');
      logCertificate(opts.logger, crt, 'obtained serving certificate from trustd', { endpoint });
      return { ca: opts.ca, crt, key };
    } catch (err) {
      lastError = `${endpoint}: ${(err as Error).message}`;
      opts.logger.warn(
        { endpoint, attempt: attempt + 1, err: (err as Error).message },
        'certificate request failed, will retry',
      );
    }
    const wait = Math.min(retryMs, APID_CERT_FIRST_RETRY_MS * 2 ** attempt);
    if (Date.now() + wait > deadline) break;
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new Error(
    `error obtaining certificate from trustd: gave up after ${opts.timeoutMs ?? APID_CERT_TIMEOUT_MS} ms (last error: ${lastError})`,
  );
}

/** A CertificateStore fed by trustd; renew() asks again (CertificateRenewal schedules it). */
export class TrustdCertificateProvider extends CertificateStore {
  private constructor(
    cert: ServingCertificate,
    private readonly opts: TrustdCertificateOptions,
  ) {
    super(cert);
  }

  static async obtain(opts: TrustdCertificateOptions): Promise<TrustdCertificateProvider> {
    return new TrustdCertificateProvider(await requestCertificate(opts), opts);
  }

  async renew(): Promise<void> {
    this.update(await requestCertificate(this.opts));
  }
}

export interface LocalCertificateOptions {
  /** The OS CA with its key. */
  ca: SigningCA;
  names: CertificateNames;
  logger: Logger;
}

/** Issues apid's certificate with the OS CA key, as trustd would sign apid's CSR (NODE_CERTIFICATE). */
export function issueLocally(opts: LocalCertificateOptions): ServingCertificate {
  const { crt, key } = issueCertificate(opts.ca, { ...NODE_CERTIFICATE, ...opts.names });
  logCertificate(opts.logger, crt, 'issued serving certificate with the OS CA');
  return { ca: opts.ca.crt, crt, key };
}

/** A CertificateStore whose certificates apid issues itself; renew() issues a new one. */
export class LocalCertificateProvider extends CertificateStore {
  private constructor(
    cert: ServingCertificate,
    private readonly opts: LocalCertificateOptions,
  ) {
    super(cert);
  }

  static issue(opts: LocalCertificateOptions): LocalCertificateProvider {
    return new LocalCertificateProvider(issueLocally(opts), opts);
  }

  async renew(): Promise<void> {
    this.update(issueLocally(this.opts));
  }
}

export interface ServingCertificatesOptions {
  /** The OS CA from the config: its key only on control-plane nodes. */
  ca: { crt: string; key?: string };
  token: string;
  /** trustd hosts, for a node without the key. */
  endpoints: string[];
  names: CertificateNames;
  logger: Logger;
}

/** apid's certificates: issued here when the config holds the OS CA key, else from trustd. */
export async function servingCertificates(
  opts: ServingCertificatesOptions,
): Promise<LocalCertificateProvider | TrustdCertificateProvider> {
  const { ca, names, logger } = opts;
  if (ca.key) return LocalCertificateProvider.issue({ ca: { crt: ca.crt, key: ca.key }, names, logger });
  logger.info(
    { endpoints: opts.endpoints, ipAddresses: names.ipAddresses, dnsNames: names.dnsNames },
    'requesting serving certificate from trustd',
  );
  return TrustdCertificateProvider.obtain({
    endpoints: opts.endpoints,
    token: opts.token,
    ca: ca.crt,
    names,
    logger,
  });
}
