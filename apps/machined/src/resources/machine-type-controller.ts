// config.MachineTypeController, as in Talos: derives MachineType (init, controlplane, join) from the
// MachineConfig resource, so the type has one writer and follows the config it comes from.
import type { Controller } from '@talos/resources';
import {
  CONFIG_NAMESPACE,
  MACHINE_CONFIG_ID,
  MACHINE_TYPE_ID,
  MachineConfigKind,
  MachineTypeKind,
} from './kinds';
import { machineConfigDocument } from './machine-config-cache';

export const MACHINE_TYPE_CONTROLLER = 'config.MachineTypeController';

/** `machine.type` of a config's YAML text; throws when the text has none. */
export function machineTypeOf(configText: string): string {
  let doc: unknown;
  try {
    doc = machineConfigDocument(configText);
  } catch (err) {
    throw new Error(`error parsing machine config: ${(err as Error).message}`);
  }
  const type = (doc as { machine?: { type?: unknown } } | null)?.machine?.type;
  if (typeof type !== 'string' || type === '') throw new Error('machine config has no machine.type');
  return type;
}

export function machineTypeController(): Controller {
  return {
    name: MACHINE_TYPE_CONTROLLER,
    inputs: [
      {
        namespace: CONFIG_NAMESPACE,
        type: MachineConfigKind.definition.type,
        id: MACHINE_CONFIG_ID,
        kind: 'strong',
      },
    ],
    outputs: [{ type: MachineTypeKind.definition.type, kind: 'exclusive' }],
    async reconcile({ state }) {
      const config = await state.find(MachineConfigKind.pointer(MACHINE_CONFIG_ID));
      if (!config) {
        await state.tidyOutputs(CONFIG_NAMESPACE, MachineTypeKind.definition.type, []);
        return;
      }
      const type = machineTypeOf(config.spec);
      await state.modify(MachineTypeKind.pointer(MACHINE_TYPE_ID), () => type);
      await state.tidyOutputs(CONFIG_NAMESPACE, MachineTypeKind.definition.type, [MACHINE_TYPE_ID]);
    },
  };
}
