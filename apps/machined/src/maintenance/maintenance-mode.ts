// A node without a configuration waits in maintenance mode until `talosctl apply-config --insecure`
// gives it one: the config is validated, stored (0600, atomically) where the node reads it, and
// returned, once the maintenance server has closed (apid takes the port next).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MachineConfig } from '@talos/config';
import { APID_PORT } from '@talos/constants';
import type { Logger } from '@talos/log';
import { PLATFORMS, versionInfo, type NodeMode } from '../api/version-info';
import { writeFileAtomic } from '../config/atomic-file';
import { parseSubmitted } from '../config/config-applier';
import { listDisks } from './disks';
import { MaintenanceServer } from './maintenance-server';

export interface MaintenanceModeOptions {
  /** Listen address (0.0.0.0 on a metal node, the node's address in dev mode). */
  address: string;
  port?: number;
  configPath: string;
  mode: NodeMode;
  logger: Logger;
  hostname?: string;
  /** Gives up waiting (the node is going down); resolves undefined then. */
  signal?: AbortSignal;
}

export async function awaitConfigInMaintenance(
  opts: MaintenanceModeOptions,
): Promise<{ config: MachineConfig; text: string } | undefined> {
  let accepted: { config: MachineConfig; text: string } | undefined;
  const server = await MaintenanceServer.start({
    address: opts.address,
    port: opts.port ?? APID_PORT,
    hostname: opts.hostname ?? os.hostname(),
    logger: opts.logger,
    version: versionInfo(),
    platform: PLATFORMS[opts.mode],
    accept: async (data) => {
      const { text, config } = parseSubmitted(data);
      fs.mkdirSync(path.dirname(opts.configPath), { recursive: true, mode: 0o700 });
      await writeFileAtomic(opts.configPath, text, { mode: 0o600 });
      accepted = { config, text };
    },
    disks: () => listDisks(),
  });
  opts.logger.warn(
    `no machine config: maintenance mode on port ${server.port}; configure the node with ` +
      `"talosctl apply-config --insecure -n <address> -f <config>" (certificate fingerprint ${server.fingerprint})`,
  );
  try {
    await new Promise<void>((resolve) => {
      void server.configured.then(resolve);
      opts.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await server.close();
  }
  return accepted;
}
