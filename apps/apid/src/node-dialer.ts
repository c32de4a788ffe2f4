// How apid reaches another node's apid: mutual TLS with its own certificate as the client one,
// the peer verified against the OS CA. One cached backend per node, dropped when the
// certificate changes so new calls present the new one.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { APID_PORT } from '@talos/constants';
import { type Backend, SessionPool, tlsBackend } from '@talos/rpc';
import type { CertificateProvider } from './certificate-provider';

export interface NodeAddress {
  host: string;
  port: number;
}

/** Where a name from `nodes` metadata is reached (tests map names to local ports). */
export type NodeResolver = (node: string) => NodeAddress;

export const defaultNodeResolver: NodeResolver = (node) => ({
  host: node.startsWith('[') && node.endsWith(']') ? node.slice(1, -1) : node,
  port: APID_PORT,
});

/**
 * Server identity: the chain to the OS CA is what proves a peer is a node of this cluster. When
 * the node was named by IP address, that address must also be in the certificate's SANs; a
 * hostname is not checked, since apid certificates list addresses and the hostnames operators
 * type need not be in them.
 */
export function checkNodeIdentity(host: string, cert: tls.PeerCertificate): Error | undefined {
  return net.isIP(host) ? tls.checkServerIdentity(host, cert) : undefined;
}

export class NodeDialer {
  private readonly backends = new Map<string, Backend>();

  constructor(
    private readonly certificates: CertificateProvider,
    private readonly pool: SessionPool,
    private readonly resolve: NodeResolver = defaultNodeResolver,
  ) {
    certificates.onChange(() => this.reset());
  }

  backend(node: string): Backend {
    let backend = this.backends.get(node);
    if (!backend) {
      const { host, port } = this.resolve(node);
      const cert = this.certificates.current();
      backend = tlsBackend({
        host,
        port,
        tls: {
          ca: cert.ca,
          cert: cert.crt,
          key: cert.key,
          rejectUnauthorized: true,
          checkServerIdentity: checkNodeIdentity,
        },
      });
      this.backends.set(node, backend);
    }
    return backend;
  }

  /** Forgets every backend; their sessions close once their calls finish. */
  reset(): void {
    for (const backend of this.backends.values()) this.pool.evict(backend.name);
    this.backends.clear();
  }
}
