// trustd: the OS CA's signing service on control-plane nodes (TCP TRUSTD_PORT, server-only TLS).
import { experimental, type Server } from '@grpc/grpc-js';
import { packageDefinition, services } from '@talos/api';
import { isControlPlane, type MachineConfig, osCA } from '@talos/config';
import type { Logger } from '@talos/log';
import { addStandardServices, createServer, listenTcp, shutdownServer } from '@talos/rpc';
import { securityServiceHandlers } from './security-service';
import { ServingCertificate, servingNames, type ServingNames } from './serving-certificate';

export const SECURITY_SERVICE = 'securityapi.SecurityService';

export interface TrustdOptions {
  config: MachineConfig;
  /** Listen host (IP or wildcard). */
  address: string;
  port: number;
  logger: Logger;
  /** SANs of the serving certificate; derived from address, hostname and machine.certSANs by default. */
  names?: ServingNames;
}

function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export class Trustd {
  private constructor(
    private readonly server: Server,
    readonly servingCertificate: ServingCertificate,
    /** The bound port (the real one when asked for port 0). */
    readonly port: number,
    private readonly logger: Logger,
  ) {}

  static async start(opts: TrustdOptions): Promise<Trustd> {
    const ca = osCA(opts.config);
    if (!ca.key) {
      throw new Error(
        `error starting trustd: machine.ca.key is missing (machine type ${opts.config.machine.type}` +
          `${isControlPlane(opts.config.machine.type) ? '' : '; trustd runs on control-plane machines only'})`,
      );
    }
    const signingCA = { crt: ca.crt, key: ca.key };
    const serving = new ServingCertificate({
      ca: signingCA,
      names: opts.names ?? servingNames(opts.address, opts.config.machine.certSANs),
      logger: opts.logger,
    });
    const server = createServer();
    server.addService(
      services.securityapi.SecurityService,
      securityServiceHandlers({ ca: signingCA, token: opts.config.machine.token, logger: opts.logger }),
    );
    addStandardServices(server, {
      serviceNames: [SECURITY_SERVICE],
      packageDefinition,
      reflectServices: [SECURITY_SERVICE],
    });
    // grpc-js 1.14 passes this function's first argument on as the identity provider; with no
    // CA provider the server asks for no client certificate (callers authenticate by token).
    const creds = experimental.createCertificateProviderServerCredentials(serving, null, false);
    let port: number;
    try {
      port = await listenTcp(server, hostPort(opts.address, opts.port), creds);
    } catch (err) {
      serving.stop();
      server.forceShutdown();
      throw err;
    }
    opts.logger.info({ address: opts.address, port }, 'trustd listening');
    return new Trustd(server, serving, port, opts.logger);
  }

  async stop(): Promise<void> {
    this.servingCertificate.stop();
    await shutdownServer(this.server);
    this.logger.info('trustd stopped');
  }
}
