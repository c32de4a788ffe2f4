// networkd: reports the node's links and routes (network.NetworkService) on its unix socket,
// plus health and reflection. Configuring links, addresses and routes comes with the image.
import type { Server } from '@grpc/grpc-js';
import { packageDefinition, services } from '@talos/api';
import type { Logger } from '@talos/log';
import { addStandardServices, createServer, listenUnix, shutdownServer } from '@talos/rpc';
import { RtNetlink } from '@talos/sys';
import { NetworkApi, type NetworkState } from './network-api';
import { networkServiceHandlers } from './network-service';

export const NETWORK_SERVICE = 'network.NetworkService';

export interface NetworkdOptions {
  socketPath: string;
  logger: Logger;
  /** The kernel's network state; rtnetlink by default. */
  state?: NetworkState;
}

export class Networkd {
  private constructor(
    private readonly server: Server,
    private readonly logger: Logger,
  ) {}

  static async start(opts: NetworkdOptions): Promise<Networkd> {
    const server = createServer();
    server.addService(
      services.network.NetworkService,
      networkServiceHandlers(new NetworkApi(opts.state ?? new RtNetlink())),
    );
    addStandardServices(server, {
      serviceNames: [NETWORK_SERVICE],
      packageDefinition,
      reflectServices: [NETWORK_SERVICE],
    });
    try {
      await listenUnix(server, opts.socketPath);
    } catch (err) {
      server.forceShutdown();
      throw err;
    }
    opts.logger.info({ socket: opts.socketPath }, 'networkd listening');
    return new Networkd(server, opts.logger);
  }

  async stop(): Promise<void> {
    await shutdownServer(this.server);
    this.logger.info('networkd stopped');
  }
}
