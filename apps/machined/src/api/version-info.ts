// What machine.Version answers about this build and platform (the node API and maintenance mode).
import { BUILD_SHA, BUILD_TIME, VERSION } from '@talos/constants';
import type { machine } from '@talos/api';

export type NodeMode = 'dev' | 'metal';

export const PLATFORMS: Readonly<Record<NodeMode, machine.PlatformInfo.$Properties>> = {
  dev: { name: 'process', mode: 'container' },
  metal: { name: 'metal', mode: 'metal' },
};

/** Node's `process.arch` as Go's GOARCH, which Talos clients expect in Version. */
function goArch(arch: string): string {
  return ({ x64: 'amd64', ia32: '386', arm: 'arm' } as Record<string, string>)[arch] ?? arch;
}

export function versionInfo(): machine.VersionInfo.$Properties {
  return {
    tag: VERSION,
    sha: BUILD_SHA,
    built: BUILD_TIME,
    goVersion: process.version,
    os: process.platform,
    arch: goArch(process.arch),
  };
}
