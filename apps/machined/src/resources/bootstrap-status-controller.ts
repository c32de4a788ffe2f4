// v1alpha1.BootstrapStatusController: control-plane nodes say how their control plane runs. Talos
// v0.9 could still find a self-hosted (bootkube) control plane left by older versions; ours is
// always static pods, so the status follows the machine type alone.
import { isControlPlane, type MachineType } from '@talos/config';
import type { Controller } from '@talos/resources';
import {
  BOOTSTRAP_STATUS_ID,
  BootstrapStatusKind,
  CONFIG_NAMESPACE,
  MACHINE_TYPE_ID,
  MachineTypeKind,
  RUNTIME_NAMESPACE,
} from './kinds';

export const BOOTSTRAP_STATUS_CONTROLLER = 'v1alpha1.BootstrapStatusController';

export function bootstrapStatusController(): Controller {
  return {
    name: BOOTSTRAP_STATUS_CONTROLLER,
    inputs: [
      { namespace: CONFIG_NAMESPACE, type: MachineTypeKind.type, id: MACHINE_TYPE_ID, kind: 'strong' },
    ],
    outputs: [{ type: BootstrapStatusKind.type, kind: 'exclusive' }],
    async reconcile({ state }) {
      const type = (await state.find(MachineTypeKind.pointer(MACHINE_TYPE_ID)))?.spec;
      if (!type || !isControlPlane(type as MachineType)) {
        await state.tidyOutputs(RUNTIME_NAMESPACE, BootstrapStatusKind.type, []);
        return;
      }
      await state.modify(BootstrapStatusKind.pointer(BOOTSTRAP_STATUS_ID), () => ({
        selfHostedControlPlane: false,
      }));
    },
  };
}
