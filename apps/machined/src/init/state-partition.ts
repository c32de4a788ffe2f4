// The machine config kept on the STATE partition. A node that has one boots with it: talos.config=
// is not fetched and maintenance mode is skipped. A config there that fails validation is moved
// aside (never deleted or overwritten) and the node goes on as if there were none, so that a new
// config given by talos.config= or apply-config can take its place.
import * as fs from 'node:fs';
import { loadConfig, originalText } from '@talos/config';
import { STATE_LABEL, type NodePaths } from '@talos/constants';
import type { Logger } from '@talos/log';
import { writeFileAtomic } from '../config/atomic-file';
import type { BootConfig } from './boot-config';

/** The config on the mounted STATE partition, or undefined when it holds none (or an invalid one). */
export async function stateConfig(
  paths: NodePaths,
  device: string,
  logger: Logger,
): Promise<BootConfig | undefined> {
  if (!fs.existsSync(paths.configFile)) {
    logger.info(`${STATE_LABEL} (${device}) holds no machine config`);
    return undefined;
  }
  try {
    const config = await loadConfig(paths.configFile);
    logger.info(`loaded the machine config from ${STATE_LABEL} (${device})`);
    return { config, text: originalText(config), source: 'state' };
  } catch (err) {
    const aside = `${paths.configFile}.invalid-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    let kept = `left at ${paths.configFile}`;
    try {
      fs.renameSync(paths.configFile, aside);
      kept = `moved aside to ${aside}`;
    } catch (renameErr) {
      logger.error(`error moving the invalid machine config aside: ${(renameErr as Error).message}`);
    }
    logger.error(
      `the machine config on ${STATE_LABEL} (${device}) is invalid: ${(err as Error).message}; ${kept}; booting as if there were none`,
    );
    return undefined;
  }
}

/** Writes the boot's config to the freshly mounted STATE partition (0600: it holds the node's keys). */
export async function persistConfig(
  paths: NodePaths,
  text: string,
  device: string,
  logger: Logger,
): Promise<void> {
  try {
    await writeFileAtomic(paths.configFile, text, { mode: 0o600 });
    logger.info(`stored the machine config on ${STATE_LABEL} (${device})`);
  } catch (err) {
    logger.error(`error storing the machine config on ${STATE_LABEL} (${device}): ${(err as Error).message}`);
  }
}
