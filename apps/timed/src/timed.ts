// timed: keeps the clock in sync with the configured NTP servers and answers time.TimeService
// on its unix socket (plus health and reflection).
import { TIME_SYNC_HEALTH_SERVICE } from '@talos/constants';
import type { Server } from '@grpc/grpc-js';
import { packageDefinition, services } from '@talos/api';
import type { Logger } from '@talos/log';
import { addStandardServices, createServer, listenUnix, shutdownServer } from '@talos/rpc';
import { ClockAdjuster, type ClockControl } from './clock-adjuster';
import { SntpClient } from './sntp-client';
import { TimeApi } from './time-api';
import type { TimeSettings } from './time-config';
import { timeServiceHandlers } from './time-service';
import { TimeSyncer } from './time-syncer';

export const TIME_SERVICE = 'time.TimeService';

export interface TimedOptions {
  socketPath: string;
  settings: TimeSettings;
  logger: Logger;
  /** Why the system clock must not be set (dev mode, not root); undefined when it may be. */
  clockDisabledReason?: string;
  client?: SntpClient;
  clock?: ClockControl;
}

export class Timed {
  private constructor(
    private readonly server: Server,
    readonly syncer: TimeSyncer,
    private readonly stopSync: AbortController,
    private readonly syncing: Promise<void>,
    private readonly logger: Logger,
  ) {}

  static async start(opts: TimedOptions): Promise<Timed> {
    const { logger, settings } = opts;
    const client = opts.client ?? new SntpClient();
    const query = (server: string, signal?: AbortSignal) => client.query(server, signal);
    const servers = () => settings.servers;
    const adjuster = new ClockAdjuster({
      logger,
      disabledReason: opts.clockDisabledReason,
      ...(opts.clock ? { control: opts.clock } : {}),
    });
    const server = createServer();
    server.addService(services.time.TimeService, timeServiceHandlers(new TimeApi({ servers, query })));
    const health = addStandardServices(server, {
      serviceNames: [TIME_SERVICE],
      packageDefinition,
      reflectServices: [TIME_SERVICE],
    });
    health.setStatus(TIME_SYNC_HEALTH_SERVICE, 'NOT_SERVING');
    const syncer = new TimeSyncer({
      servers,
      query,
      adjust: (ms) => adjuster.adjust(ms),
      logger,
      onSynced: () => health.setStatus(TIME_SYNC_HEALTH_SERVICE, 'SERVING'),
    });

    try {
      await listenUnix(server, opts.socketPath);
    } catch (err) {
      server.forceShutdown();
      throw err;
    }
    logger.info({ socket: opts.socketPath, servers: settings.servers }, 'timed listening');

    const stopSync = new AbortController();
    let syncing = Promise.resolve();
    if (settings.syncDisabled) logger.info('time sync disabled by machine.time.disabled');
    else syncing = syncer.run(stopSync.signal);
    return new Timed(server, syncer, stopSync, syncing, logger);
  }

  async stop(): Promise<void> {
    this.stopSync.abort();
    await Promise.all([this.syncing, shutdownServer(this.server)]);
    this.logger.info('timed stopped');
  }
}
