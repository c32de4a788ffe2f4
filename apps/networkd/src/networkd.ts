// networkd: reports the node's links and routes (network.NetworkService) on its unix socket,
// plus health and reflection; on a node it owns it also configures the network (`configure`,
// run in the background once the API listens, stopped with the daemon).
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
  /** Configures the node's network until `signal` aborts; only given when networkd owns the node. */
  configure?: (signal: AbortSignal) => Promise<{ settled(): Promise<void> } | void>;
}

export class Networkd {
  private constructor(
    private readonly server: Server,
    private readonly logger: Logger,
    private readonly stopConfigure: AbortController,
    private readonly configuring: Promise<unknown>,
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
    const stopConfigure = new AbortController();
    let configuring: Promise<unknown> = Promise.resolve();
    if (opts.configure) {
      configuring = opts
        .configure(stopConfigure.signal)
        .then((c) => c?.settled())
        .catch((err: unknown) => {
          opts.logger.error({ err: (err as Error).message }, 'network configuration failed');
        });
    }
    return new Networkd(server, opts.logger, stopConfigure, configuring);
  }

  async stop(): Promise<void> {
    this.stopConfigure.abort();
    await Promise.all([this.configuring, shutdownServer(this.server)]);
    this.logger.info('networkd stopped');
  }
}
