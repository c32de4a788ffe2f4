// network.HostnameStatusController: HostnameStatus (network/hostname) from machined's own hostname
// rule: --hostname, else the MachineConfig's machine.network.hostname, else the host's name. It
// follows the MachineConfig resource, so an applied config shows here; a fully qualified name is
// split into hostname and domain name as Talos does.
import type { Controller } from '@talos/resources';
import { HOSTNAME_ID, HostnameKind, MACHINE_CONFIG_ID, MachineConfigKind, NETWORK_NAMESPACE } from './kinds';
import { CONFIG_NAMESPACE } from './kinds';
import { machineConfigDocument } from './machine-config-cache';

export const HOSTNAME_CONTROLLER = 'network.HostnameStatusController';

export interface HostnameSources {
  /** --hostname, which wins over the config. */
  override?: string;
  /** The host's name, used when neither the flag nor the config names one. */
  fallback: () => string;
}

/** `machine.network.hostname` of a config's YAML text, or undefined. */
export function configHostname(configText: string): string | undefined {
  let doc: unknown;
  try {
    doc = machineConfigDocument(configText);
  } catch {
    return undefined;
  }
  const name = (doc as { machine?: { network?: { hostname?: unknown } } } | null)?.machine?.network?.hostname;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** `node1.example.org` → `{ hostname: 'node1', domainname: 'example.org' }`. */
export function splitHostname(fqdn: string): { hostname: string; domainname: string } {
  const dot = fqdn.indexOf('.');
  if (dot < 0) return { hostname: fqdn, domainname: '' };
  return { hostname: fqdn.slice(0, dot), domainname: fqdn.slice(dot + 1) };
}

export function hostnameController(sources: HostnameSources): Controller {
  return {
    name: HOSTNAME_CONTROLLER,
    inputs: [
      {
        namespace: CONFIG_NAMESPACE,
        type: MachineConfigKind.definition.type,
        id: MACHINE_CONFIG_ID,
        kind: 'weak',
      },
    ],
    outputs: [{ type: HostnameKind.definition.type, kind: 'exclusive' }],
    async reconcile({ state }) {
      const config = await state.find(MachineConfigKind.pointer(MACHINE_CONFIG_ID));
      const name =
        sources.override || (config ? configHostname(config.spec) : undefined) || sources.fallback();
      const spec = splitHostname(name);
      await state.modify(HostnameKind.pointer(HOSTNAME_ID), () => spec);
      await state.tidyOutputs(NETWORK_NAMESPACE, HostnameKind.definition.type, [HOSTNAME_ID]);
    },
  };
}
