// The launcher: one detached process per QEMU node, as Talos's qemu-launch. It serves the node's
// machine config over HTTP on the host's loopback (the guest reaches it as SLIRP_HOST_ADDRESS and
// fetches it at every boot through `talos.config=`), runs QEMU, and ends when QEMU ends. The URL
// carries a random token (in the query, which machined leaves out of its logs): the port is open to
// every local user, and the config holds the cluster's keys.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KERNEL_ARG_CONFIG, QEMU_BINARY, SLIRP_HOST_ADDRESS } from '@talos/constants';
import { qemuArgs, type QemuNodeSpec } from './qemu-args';

/** What `cluster create` hands the launcher (a 0600 JSON file in the node's folder). */
export interface LaunchSpec {
  node: Omit<QemuNodeSpec, 'cmdline'>;
  /** Kernel arguments besides talos.config, which the launcher adds once its server listens. */
  kernelArgs: string[];
  configFile: string;
  /** Secret path segment of the config URL. */
  configToken: string;
  qemu?: string;
}

export function readLaunchSpec(file: string): LaunchSpec {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LaunchSpec;
  } catch (err) {
    throw new Error(`error reading launch spec ${file}: ${(err as Error).message}`);
  }
}

const CONFIG_PATH = '/config.yaml';

function tokenMatches(given: string | null, token: string): boolean {
  if (given === null || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** Serves `configFile` at /config.yaml?token=<token>, read at each request (it may change). */
export function startConfigServer(
  configFile: string,
  token: string,
  log: (line: string) => void,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://config');
    if (
      req.method !== 'GET' ||
      url.pathname !== CONFIG_PATH ||
      !tokenMatches(url.searchParams.get('token'), token)
    ) {
      log(`config server: refused ${req.method} ${url.pathname} (wrong path or token)`);
      res.writeHead(404).end();
      return;
    }
    fs.readFile(configFile, (err, data) => {
      if (err) {
        log(`config server: error reading ${configFile}: ${err.message}`);
        res.writeHead(500).end();
        return;
      }
      log('config server: served the machine config');
      res.writeHead(200, { 'content-type': 'application/yaml' }).end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export function configUrl(port: number, token: string): string {
  return `http://${SLIRP_HOST_ADDRESS}:${port}${CONFIG_PATH}?token=${token}`;
}

/** Runs the node until QEMU exits; SIGTERM/SIGINT stop QEMU. Resolves with QEMU's exit code. */
export async function runLauncher(specFile: string, log: (line: string) => void): Promise<number> {
  const spec = readLaunchSpec(specFile);
  const server = await startConfigServer(spec.configFile, spec.configToken, log);
  const port = (server.address() as AddressInfo).port;
  const cmdline = [...spec.kernelArgs, `${KERNEL_ARG_CONFIG}=${configUrl(port, spec.configToken)}`].join(' ');
  const args = qemuArgs({ ...spec.node, cmdline });
  log(`starting ${spec.qemu ?? QEMU_BINARY} (accel ${spec.node.accel}, config server on 127.0.0.1:${port})`);
  const qemu = spawn(spec.qemu ?? QEMU_BINARY, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping QEMU`);
    qemu.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    return await new Promise<number>((resolve, reject) => {
      qemu.once('error', (err) => reject(new Error(`error starting QEMU: ${err.message}`)));
      qemu.once('exit', (code, signal) => {
        log(`QEMU exited (${signal ?? `code ${code}`})`);
        resolve(code ?? 1);
      });
    });
  } finally {
    server.close();
  }
}
