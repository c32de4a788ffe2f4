// Which NTP servers timed uses: `--servers a,b` wins, then machine.time.servers of the machine
// config, then the default (pool.ntp.org). machine.time.disabled turns the syncer off.
import * as fs from 'node:fs';
import { DEFAULT_NTP_SERVER } from '@talos/constants';
import { loadConfig } from '@talos/config';

export interface TimeSettings {
  servers: string[];
  /** machine.time.disabled: answer the API, but never sync. */
  syncDisabled: boolean;
}

export interface TimeSettingsSource {
  /** `--servers`, comma-separated. */
  serversFlag?: string;
  configFile?: string;
  /** Whether configFile was named by the operator (then it must exist). */
  configFileExplicit?: boolean;
}

export async function loadTimeSettings(src: TimeSettingsSource): Promise<TimeSettings> {
  let servers: string[] | undefined;
  let syncDisabled = false;
  if (src.configFile && (src.configFileExplicit || fs.existsSync(src.configFile))) {
    const cfg = await loadConfig(src.configFile);
    if (cfg.machine.time?.servers?.length) servers = [...cfg.machine.time.servers];
    syncDisabled = cfg.machine.time?.disabled ?? false;
  }
  const flag = src.serversFlag
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (flag?.length) servers = flag;
  return { servers: servers ?? [DEFAULT_NTP_SERVER], syncDisabled };
}
