// Rules that depend on where the node runs (Talos's runtime modes): a bare-metal node must know
// which disk to install to; a container has no disks or links of its own to configure.
import type { MachineSection } from './machine';
import type { FieldReader } from './validation';

export const CONFIG_MODES = ['metal', 'container', 'cloud'] as const;
export type ConfigMode = (typeof CONFIG_MODES)[number];

export interface ValidateOptions {
  /** Where the config will run; mode-specific rules apply only when it is given. */
  mode?: ConfigMode;
}

export function checkMode(at: FieldReader, machine: MachineSection, mode: ConfigMode): void {
  const m = at.at('machine');
  if (mode === 'metal') {
    // Metal nodes boot from ISO/PXE and install themselves; without a disk there is nowhere to go.
    if (machine.install === undefined) m.at('install').problem('is required in metal mode');
    else if (machine.install.disk === undefined)
      m.at('install').at('disk').problem('is required in metal mode');
  }
  if (mode === 'container') {
    if (machine.disks !== undefined && machine.disks.length > 0)
      m.at('disks').problem('is not supported in container mode (the container has no disks of its own)');
    machine.network?.interfaces?.forEach((link, i) => {
      const linkAt = m.at('network').at('interfaces').at(i);
      if (link.bond) linkAt.at('bond').problem('is not supported in container mode');
      if (link.vlans && link.vlans.length > 0)
        linkAt.at('vlans').problem('is not supported in container mode');
    });
  }
}
