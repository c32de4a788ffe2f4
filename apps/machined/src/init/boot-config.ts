// Which machine config a metal node boots with: the one named by `talos.config=<URL>` (fetched and
// stored, 0600: it holds the node's keys), else the one stored by an earlier boot, else none (the
// node goes to maintenance mode).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig, originalText, type MachineConfig } from '@talos/config';
import { KERNEL_ARG_CONFIG, type NodePaths } from '@talos/constants';
import type { KernelCmdline } from '@talos/kernel';
import type { Logger } from '@talos/log';
import { writeFileAtomic } from '../config/atomic-file';
import { fetchConfig, redactUrl, type FetchConfigOptions } from './config-fetch';

export interface BootConfig {
  config: MachineConfig;
  text: string;
  source: 'url' | 'stored' | 'maintenance' | 'state';
}

export interface BootConfigOptions {
  cmdline: KernelCmdline;
  paths: NodePaths;
  logger: Logger;
  fetch?: Partial<FetchConfigOptions>;
}

export async function bootConfig(opts: BootConfigOptions): Promise<BootConfig | undefined> {
  const { logger, paths } = opts;
  const url = opts.cmdline.get(KERNEL_ARG_CONFIG);
  if (url !== undefined && url !== '' && url !== 'none') {
    try {
      const { config, text } = await fetchConfig(url, { logger, ...opts.fetch });
      fs.mkdirSync(path.dirname(paths.configFile), { recursive: true, mode: 0o700 });
      await writeFileAtomic(paths.configFile, text, { mode: 0o600 });
      logger.info(`machine config from ${redactUrl(url)} stored at ${paths.configFile}`);
      return { config, text, source: 'url' };
    } catch (err) {
      logger.error((err as Error).message);
    }
  }
  if (fs.existsSync(paths.configFile)) {
    try {
      const config = await loadConfig(paths.configFile);
      logger.info(`using the stored machine config ${paths.configFile}`);
      return { config, text: originalText(config), source: 'stored' };
    } catch (err) {
      logger.error(`error loading the stored machine config: ${(err as Error).message}`);
    }
  }
  return undefined;
}
