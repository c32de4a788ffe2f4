// talosctl version: the client's version, then each node's.
import { Command } from 'commander';
import type { machine } from '@talos/api';
import type { NodePart } from '@talos/client';
import { BUILD_SHA, BUILD_TIME, VERSION } from '@talos/constants';
import { CliRun, messageOf } from '../cli';

/** Go names for the platform, as the Talos version block prints them. */
const GO_ARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };

export function clientVersion(): machine.IVersionInfo {
  return {
    tag: VERSION,
    sha: BUILD_SHA,
    built: BUILD_TIME,
    goVersion: `node ${process.version}`,
    os: process.platform,
    arch: GO_ARCH[process.arch] ?? process.arch,
  };
}

export function renderVersionInfo(v: machine.IVersionInfo | null | undefined): string {
  const info = v ?? {};
  return (
    `\tTag:         ${info.tag ?? ''}\n` +
    `\tSHA:         ${info.sha ?? ''}\n` +
    `\tBuilt:       ${info.built ?? ''}\n` +
    `\tGo version:  ${info.goVersion ?? ''}\n` +
    `\tOS/Arch:     ${info.os ?? ''}/${info.arch ?? ''}\n`
  );
}

export function renderServerVersions(parts: readonly NodePart<machine.IVersion>[]): string {
  return parts
    .map(({ node, message }) => `\tNODE:        ${node}\n${renderVersionInfo(message.version)}`)
    .join('');
}

export function registerVersion(program: Command, run: CliRun): void {
  program
    .command('version')
    .description('Prints the version')
    .option('--client', 'print client version only', false)
    .option('--short', 'print the short version', false)
    .action(async (opts: { client: boolean; short: boolean }, cmd: Command) => {
      run.out('Client:\n');
      run.out(opts.short ? `Talos ${VERSION}\n` : renderVersionInfo(clientVersion()));
      if (opts.client) return;
      run.out('Server:\n');
      await run.withClient(cmd, async (client) => {
        const parts = await client.version({ signal: run.signal }).catch((err: unknown) => {
          throw new Error(`error getting version: ${messageOf(err)}`);
        });
        run.out(renderServerVersions(run.answered(parts)));
      });
    });
}
