// trustd: signs CSRs with the OS CA for callers holding the trustd token.
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '@talos/config';
import { NodePaths, TRUSTD_PORT } from '@talos/constants';
import { createLogger } from '@talos/log';
import { Trustd } from './trustd';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError(`"${value}" is not a port`);
  return port;
}

async function main(): Promise<void> {
  const program = new Command('trustd')
    .option('--root <dir>', 'node root: every path lives under it', '/')
    .option('--address <host>', 'address to listen on', '0.0.0.0')
    .option('--port <port>', 'TCP port to listen on', parsePort, TRUSTD_PORT)
    .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml)')
    .parse();
  const flags = program.opts<{ root: string; address: string; port: number; config?: string }>();
  const logger = createLogger({ name: 'trustd' });
  const configPath = flags.config ?? new NodePaths(flags.root).configFile;

  let trustd: Trustd;
  try {
    const config = await loadConfig(configPath);
    trustd = await Trustd.start({ config, address: flags.address, port: flags.port, logger });
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, 'trustd failed to start');
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    trustd.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
