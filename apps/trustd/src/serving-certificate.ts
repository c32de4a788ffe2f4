// trustd's own TLS identity: a short-lived serving certificate it issues from the OS CA it holds,
// renewed well before expiry and handed to grpc-js as a certificate provider so that renewal
// needs no restart.
import { experimental } from '@grpc/grpc-js';
import * as os from 'node:os';
import { isIP } from 'node:net';
import { SERVING_CERT_LIFETIME_HOURS, SERVING_CERT_RENEW_HOURS } from '@talos/constants';
import type { Logger } from '@talos/log';
import { type CertificateAndKey, certificateInfo, issueCertificate, type SigningCA } from '@talos/pki';

type IdentityListener = experimental.IdentityCertificateUpdateListener;
type CaListener = experimental.CaCertificateUpdateListener;

export interface ServingNames {
  ipAddresses: string[];
  dnsNames: string[];
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/**
 * The SANs the serving certificate carries: the listen address (every local address when it is a
 * wildcard), the hostname, and machine.certSANs split into IPs and DNS names.
 */
export function servingNames(
  address: string,
  certSANs: readonly string[],
  local: { hostname: string; interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> } = {
    hostname: os.hostname(),
    interfaces: os.networkInterfaces(),
  },
): ServingNames {
  const ips = new Set<string>();
  const dns = new Set<string>();
  if (WILDCARDS.has(address)) {
    for (const infos of Object.values(local.interfaces)) {
      for (const info of infos ?? []) ips.add(info.address.split('%')[0] as string);
    }
  } else if (isIP(address)) {
    ips.add(address);
  } else {
    dns.add(address);
  }
  if (local.hostname) dns.add(local.hostname);
  for (const san of certSANs) (isIP(san) ? ips : dns).add(san);
  return { ipAddresses: [...ips], dnsNames: [...dns] };
}

export interface ServingCertificateOptions {
  ca: SigningCA;
  names: ServingNames;
  logger: Logger;
  lifetimeHours?: number;
  renewHours?: number;
}

export class ServingCertificate implements experimental.CertificateProvider {
  private current: CertificateAndKey;
  private readonly listeners = new Set<IdentityListener>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: ServingCertificateOptions) {
    this.current = this.issue();
    const renewMs = (opts.renewHours ?? SERVING_CERT_RENEW_HOURS) * 3600_000;
    this.timer = setInterval(() => this.renew(), renewMs);
    this.timer.unref();
  }

  get certificate(): CertificateAndKey {
    return this.current;
  }

  private issue(): CertificateAndKey {
    const issued = issueCertificate(this.opts.ca, {
      commonName: 'trustd',
      ipAddresses: this.opts.names.ipAddresses,
      dnsNames: this.opts.names.dnsNames,
      validityHours: this.opts.lifetimeHours ?? SERVING_CERT_LIFETIME_HOURS,
      usage: 'server',
    });
    const info = certificateInfo(issued.crt);
    this.opts.logger.info(
      { ipAddresses: info.ipAddresses, dnsNames: info.dnsNames, notAfter: info.notAfter.toISOString() },
      'issued serving certificate',
    );
    return issued;
  }

  /** Issues a fresh certificate; connections made afterwards get it. */
  renew(): void {
    try {
      this.current = this.issue();
    } catch (err) {
      // Keep serving the old certificate; the next tick tries again.
      this.opts.logger.error({ err: (err as Error).message }, 'error renewing serving certificate');
      return;
    }
    for (const listener of this.listeners) listener(this.update());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private update(): experimental.IdentityCertificateUpdate {
    return { certificate: Buffer.from(this.current.crt), privateKey: Buffer.from(this.current.key) };
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.listeners.add(listener);
    // grpc-js registers its own watcher only after this returns; an update delivered
    // synchronously would be lost and the server would drop every connection.
    queueMicrotask(() => {
      if (this.listeners.has(listener)) listener(this.update());
    });
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.listeners.delete(listener);
  }

  // Server-only TLS: trustd authenticates callers by token, not by client certificate.
  addCaCertificateListener(_listener: CaListener): void {}

  removeCaCertificateListener(_listener: CaListener): void {}
}
