// apid: the node's API gateway (mutual TLS on APID_PORT, a local unix socket). Its serving
// certificate: issued with the OS CA key where the config holds it (control-plane nodes), else
// from trustd on the control plane.
import * as path from 'node:path';
import { loadConfig, osCA } from '@talos/config';
import { APID_PORT, DEFAULT_ALLOW_ROLELESS_ADMIN, NodePaths } from '@talos/constants';
import { daemonCommand, parsePort, runDaemon } from '@talos/daemon';
import { unixBackend } from '@talos/rpc';
import { Apid } from './apid';
import { servingCertificates } from './certificate-provider';
import { CertificateRenewal } from './certificate-renewal';
import { nodeAddresses, servingNames } from './serving-names';

const flags = daemonCommand('apid')
  .option('--address <ip>', 'listen address for the API port', '0.0.0.0')
  .option('--port <port>', 'API port', parsePort, APID_PORT)
  .option('--config <file>', 'machine configuration (default: <root>/system/state/config.yaml)')
  .option(
    '--endpoints <list>',
    'trustd hosts, comma-separated, for a node without the OS CA key (default: the control plane endpoint host)',
  )
  .option(
    '--allow-roleless-admin',
    'treat a client certificate without a role (O=os:...) as os:admin',
    DEFAULT_ALLOW_ROLELESS_ADMIN,
  )
  .parse()
  .opts<{
    root: string;
    address: string;
    port: number;
    config?: string;
    endpoints?: string;
    allowRolelessAdmin: boolean;
  }>();
const paths = new NodePaths(path.resolve(flags.root));

void runDaemon('apid', async (logger) => {
  const config = await loadConfig(flags.config ?? paths.configFile);
  const names = servingNames(nodeAddresses(flags.address), config.machine.certSANs);
  const endpoints = flags.endpoints
    ? flags.endpoints
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean)
    : [new URL(config.cluster.controlPlane.endpoint).hostname.replace(/^\[(.*)\]$/, '$1')];
  const certificates = await servingCertificates({
    ca: osCA(config),
    token: config.machine.token,
    endpoints,
    names,
    logger,
  });
  const apid = new Apid({
    certificates,
    local: unixBackend(paths.socket('routerd')),
    logger,
    allowRolelessAdmin: flags.allowRolelessAdmin,
  });
  await apid.listenTls(flags.address, flags.port);
  await apid.listenUnix(paths.socket('apid'));
  const renewal = new CertificateRenewal({ certificates, logger });
  renewal.start();
  return {
    stop: () => {
      renewal.stop();
      return apid.close();
    },
  };
});
