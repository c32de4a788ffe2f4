// timed: SNTP time sync and time.TimeService.
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { daemonCommand, runDaemon } from '@talos/daemon';
import { loadTimeSettings } from './time-config';
import { Timed } from './timed';

const flags = daemonCommand('timed')
  .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml, if present)')
  .option('--servers <list>', 'NTP servers, comma-separated (host or host:port); overrides the config')
  .parse()
  .opts<{ root: string; config?: string; servers?: string }>();
const root = path.resolve(flags.root);
const paths = new NodePaths(root);

// Only a node's own timed steers the clock: a dev-mode node is a folder of processes on a
// shared host, whose clock is not ours to set.
let clockDisabledReason: string | undefined;
if (root !== '/') clockDisabledReason = `dev mode (--root ${root})`;
else if (process.getuid?.() !== 0) clockDisabledReason = 'not running as root';

void runDaemon('timed', async (logger) => {
  const settings = await loadTimeSettings({
    serversFlag: flags.servers,
    configFile: flags.config ?? paths.configFile,
    configFileExplicit: flags.config !== undefined,
  });
  return Timed.start({ socketPath: paths.socket('timed'), settings, logger, clockDisabledReason });
});
