// trustd: signs CSRs with the OS CA for callers holding the trustd token.
import { loadConfig } from '@talos/config';
import { NodePaths, TRUSTD_PORT } from '@talos/constants';
import { daemonCommand, parsePort, runDaemon } from '@talos/daemon';
import { Trustd } from './trustd';

const flags = daemonCommand('trustd')
  .option('--address <host>', 'address to listen on', '0.0.0.0')
  .option('--port <port>', 'TCP port to listen on', parsePort, TRUSTD_PORT)
  .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml)')
  .parse()
  .opts<{ root: string; address: string; port: number; config?: string }>();
const configPath = flags.config ?? new NodePaths(flags.root).configFile;

void runDaemon('trustd', async (logger) => {
  const config = await loadConfig(configPath);
  return Trustd.start({ config, address: flags.address, port: flags.port, logger });
});
