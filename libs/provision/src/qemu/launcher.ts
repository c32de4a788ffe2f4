// The launcher: one detached process per QEMU node, as Talos's qemu-launch. It runs QEMU with
// -no-reboot, starts a fresh QEMU when the guest rebooted (or panicked: panic=1 reboots it), and
// ends when the guest powered off (or QEMU failed). A QEMU that resets itself in place boots the
// next time far slower under TCG: machined's first line came 21–24 s after init instead of
// 3.5–4 s. The node gets its machine config over HTTP at every boot (`talos.config=`): the
// guest's connections to SLIRP_CONFIG_ADDRESS:80 are handed by QEMU's user-mode network
// (guestfwd) to `cat` of a ready-made HTTP response holding the config, so no port opens on the
// host and only this guest can fetch it. The network is restricted: the guest reaches nothing
// beyond that and apid's forwarded port.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { KERNEL_ARG_CONFIG, QEMU_BINARY, SLIRP_CONFIG_ADDRESS } from '@talos/constants';
import { qemuArgs, type QemuNodeSpec } from './qemu-args';

/** What `cluster create` hands the launcher (a 0600 JSON file in the node's folder). */
export interface LaunchSpec {
  node: Omit<QemuNodeSpec, 'cmdline' | 'configResponse'>;
  /** Kernel arguments besides talos.config, which the launcher adds. */
  kernelArgs: string[];
  /** The node's config; without one the node boots into maintenance mode. */
  configFile?: string;
  qemu?: string;
}

/** The URL the guest fetches its config from (answered by guestfwd, never by the network). */
export const CONFIG_URL = `http://${SLIRP_CONFIG_ADDRESS}/config.yaml`;

export function readLaunchSpec(file: string): LaunchSpec {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LaunchSpec;
  } catch (err) {
    throw new Error(`error reading launch spec ${file}: ${(err as Error).message}`);
  }
}

/** A whole HTTP/1.0 response carrying the config: what the guest reads from `cat` (0600: keys). */
export function writeConfigResponse(configFile: string, responseFile: string): void {
  const body = fs.readFileSync(configFile);
  const head =
    'HTTP/1.0 200 OK\r\nContent-Type: application/yaml\r\n' +
    `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  fs.writeFileSync(responseFile, Buffer.concat([Buffer.from(head), body]), { mode: 0o600 });
}

/** Runs the node until QEMU exits; SIGTERM/SIGINT stop QEMU. Resolves with QEMU's exit code. */
export async function runLauncher(specFile: string, log: (line: string) => void): Promise<number> {
  const spec = readLaunchSpec(specFile);
  let configResponse: string | undefined;
  const kernelArgs = [...spec.kernelArgs];
  if (spec.configFile) {
    configResponse = `${spec.configFile}.http`;
    writeConfigResponse(spec.configFile, configResponse);
    kernelArgs.push(`${KERNEL_ARG_CONFIG}=${CONFIG_URL}`);
  }
  const args = qemuArgs({ ...spec.node, cmdline: kernelArgs.join(' '), configResponse });
  let stopping = false;
  let qemu: ChildProcess | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping QEMU`);
    stopping = true;
    qemu?.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  for (;;) {
    const consoleStart = fs.existsSync(spec.node.consoleLog) ? fs.statSync(spec.node.consoleLog).size : 0;
    log(`starting ${spec.qemu ?? QEMU_BINARY} (accel ${spec.node.accel})`);
    const child = spawn(spec.qemu ?? QEMU_BINARY, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    qemu = child;
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', (err) => reject(new Error(`error starting QEMU: ${err.message}`)));
      child.once('exit', (c, signal) => {
        log(`QEMU exited (${signal ?? `code ${c}`})`);
        resolve(c ?? 1);
      });
    });
    if (stopping || code !== 0 || !guestRebooted(spec.node.consoleLog, consoleStart)) return code;
    log('the guest rebooted: starting QEMU again');
  }
}

/**
 * Whether the kernel's last words on the console since `from` were a restart, its own or a
 * panic's, rather than a power-off.
 */
function guestRebooted(consoleLog: string, from: number): boolean {
  try {
    const text = fs.readFileSync(consoleLog).subarray(from).toString('utf8');
    const restart = Math.max(
      text.lastIndexOf('reboot: Restarting system'),
      text.lastIndexOf('Rebooting in '),
    );
    return restart > text.lastIndexOf('reboot: Power down');
  } catch {
    return false;
  }
}
