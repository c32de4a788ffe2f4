// apid: the node's API gateway (mutual TLS on APID_PORT, a local unix socket), with its serving
// certificate from trustd.
import * as path from 'node:path';
import { Command } from 'commander';
import { loadConfig, osCA } from '@talos/config';
import { APID_PORT, NodePaths } from '@talos/constants';
import { createLogger } from '@talos/log';
import { unixBackend } from '@talos/rpc';
import { Apid } from './apid';
import { TrustdCertificateProvider } from './certificate-provider';
import { CertificateRenewal } from './certificate-renewal';
import { nodeAddresses, servingNames } from './serving-names';

interface Flags {
  root: string;
  address: string;
  port: number;
  config?: string;
  endpoints?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${value}`);
  return port;
}

async function main(): Promise<void> {
  const flags = new Command('apid')
    .option('--root <dir>', 'node root: every path lives under it', '/')
    .option('--address <ip>', 'listen address for the API port', '0.0.0.0')
    .option('--port <port>', 'API port', parsePort, APID_PORT)
    .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml)')
    .option('--endpoints <list>', 'trustd hosts, comma-separated (default: the control plane endpoint host)')
    .parse()
    .opts<Flags>();
  const paths = new NodePaths(path.resolve(flags.root));
  const logger = createLogger({ name: 'apid' });

  let apid: Apid;
  let renewal: CertificateRenewal;
  try {
    const config = await loadConfig(flags.config ?? paths.configFile);
    const endpoints = flags.endpoints
      ? flags.endpoints
          .split(',')
          .map((e) => e.trim())
          .filter(Boolean)
      : [new URL(config.cluster.controlPlane.endpoint).hostname.replace(/^\[(.*)\]$/, '$1')];
    const names = servingNames(nodeAddresses(flags.address), config.machine.certSANs);
    logger.info(
      { endpoints, ipAddresses: names.ipAddresses, dnsNames: names.dnsNames },
      'requesting serving certificate from trustd',
    );
    const certificates = await TrustdCertificateProvider.obtain({
      endpoints,
      token: config.machine.token,
      ca: osCA(config).crt,
      names,
      logger,
    });
    apid = new Apid({ certificates, local: unixBackend(paths.socket('routerd')), logger });
    await apid.listenTls(flags.address, flags.port);
    await apid.listenUnix(paths.socket('apid'));
    renewal = new CertificateRenewal({ certificates, logger });
    renewal.start();
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, 'apid failed to start');
    process.exit(1);
  }

  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping');
    renewal.stop();
    apid.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
