// Maintenance mode (a node booted without a config): the API port serves, with server-only TLS on
// a throwaway self-signed certificate (its fingerprint logged, so an operator can compare), three
// calls: ApplyConfiguration, Version and storage.StorageService/Disks. Everything else, in every
// service of the API, is refused saying why. The first valid config ends maintenance mode: the
// reply goes out, the server closes, and the node boots with that config.
import { X509Certificate } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { services, type machine, type MachineServiceHandlers, type StorageServiceHandlers } from '@talos/api';
import type { Logger } from '@talos/log';
import { generateCAAsync, issueCertificate } from '@talos/pki';
import { RpcError, Status, createServer, implement, listenTcp, shutdownServer } from '@talos/rpc';
import { toRpcError } from '../api/errors';
import type { DiskInfo } from './disks';

export const MAINTENANCE_ALLOWED = [
  'machine.MachineService/ApplyConfiguration',
  'machine.MachineService/Version',
  'storage.StorageService/Disks',
];

/** Lifetime of the maintenance certificate: it lives as long as the node waits, and no longer. */
const MAINTENANCE_CERT_HOURS = 24;

export interface MaintenanceOptions {
  address: string;
  port: number;
  hostname: string;
  logger: Logger;
  version: machine.VersionInfo.$Properties;
  platform: machine.PlatformInfo.$Properties;
  /** Validates and stores the config; throws (a ConfigApplyError) when it is refused. */
  accept: (data: Uint8Array) => Promise<void>;
  disks: () => Promise<DiskInfo[]>;
}

function refusal(method: string): RpcError {
  return new RpcError(
    Status.FAILED_PRECONDITION,
    `${method} is not available in maintenance mode: the node has no configuration yet ` +
      `(apply one with talosctl apply-config --insecure; maintenance mode serves ${MAINTENANCE_ALLOWED.join(', ')})`,
  );
}

export class MaintenanceServer {
  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
    /** SHA-256 fingerprint of the serving certificate, as `openssl x509 -fingerprint -sha256` prints it. */
    readonly fingerprint: string,
    /** Resolves once a config was accepted (and the reply sent). */
    readonly configured: Promise<void>,
  ) {}

  static async start(opts: MaintenanceOptions): Promise<MaintenanceServer> {
    // On a worker thread: the node goes on configuring its network meanwhile (the prime search held
    // machined's event loop for about 9 s under emulation).
    const ca = await generateCAAsync({ commonName: 'talos maintenance' });
    const leaf = issueCertificate(ca, {
      commonName: opts.hostname,
      ipAddresses: opts.address === '0.0.0.0' ? [] : [opts.address],
      dnsNames: [opts.hostname],
      usage: 'server',
      validityHours: MAINTENANCE_CERT_HOURS,
    });
    const fingerprint = new X509Certificate(leaf.crt).fingerprint256;

    let done!: () => void;
    const configured = new Promise<void>((resolve) => (done = resolve));
    let accepted = false;
    const server = createServer();
    server.addService(
      services.machine.MachineService,
      implement<MachineServiceHandlers>(
        services.machine.MachineService,
        {
          Version: (_call, cb) =>
            cb(null, { messages: [{ version: opts.version, platform: opts.platform }] }),
          ApplyConfiguration: (call, cb) => {
            if (accepted) {
              cb(
                new RpcError(
                  Status.FAILED_PRECONDITION,
                  'a configuration was already applied',
                ).toServiceError(),
              );
              return;
            }
            opts.accept(call.request.data).then(
              () => {
                accepted = true;
                opts.logger.info('configuration applied in maintenance mode: leaving maintenance mode');
                cb(null, { messages: [{}] });
                // Let the reply leave before the server goes.
                setImmediate(done);
              },
              (err: unknown) => {
                const rpc = toRpcError(err);
                opts.logger.warn({ err: rpc.message }, 'configuration refused in maintenance mode');
                cb(rpc.toServiceError());
              },
            );
          },
        },
        refusal,
      ),
    );
    server.addService(
      services.storage.StorageService,
      implement<StorageServiceHandlers>(services.storage.StorageService, {
        Disks: (_call, cb) => {
          opts.disks().then(
            (disks) => cb(null, { disks }),
            (err: Error) => cb(new RpcError(Status.INTERNAL, err.message).toServiceError()),
          );
        },
      }),
    );
    for (const [pkg, defs] of Object.entries(services)) {
      if (pkg === 'machine' || pkg === 'storage') continue;
      for (const definition of Object.values(defs) as grpc.ServiceDefinition[]) {
        server.addService(definition, implement(definition, {}, refusal));
      }
    }
    const creds = grpc.ServerCredentials.createSsl(
      null,
      [{ cert_chain: Buffer.from(leaf.crt + ca.crt), private_key: Buffer.from(leaf.key) }],
      false,
    );
    const port = await listenTcp(server, `${opts.address}:${opts.port}`, creds);
    opts.logger.info(
      { address: opts.address, port, fingerprint },
      'maintenance mode: waiting for a configuration (talosctl apply-config --insecure)',
    );
    return new MaintenanceServer(server, port, fingerprint, configured);
  }

  close(graceMs = 2000): Promise<void> {
    return shutdownServer(this.server, graceMs);
  }
}
