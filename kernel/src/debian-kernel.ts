// The pinned Debian kernel (debian-kernel.json is the one place its version is written).
import * as path from 'node:path';
import pin from '../debian-kernel.json';

export interface DebianKernelPin {
  suite: string;
  /** The meta-package apt installs. */
  package: string;
  version: string;
  /** The package that carries /boot/vmlinuz-<release> and /boot/config-<release>. */
  imagePackage: string;
  release: string;
}

export const DEBIAN_KERNEL: DebianKernelPin = pin;

/** Where the pinned package leaves its build config. */
export function debianKernelConfigPath(bootDir = '/boot', kernel: DebianKernelPin = DEBIAN_KERNEL): string {
  return path.join(bootDir, `config-${kernel.release}`);
}
