// The resource types machined publishes, with their definitions as Talos v0.9 lists them, and the
// namespaces they live in.
import { defineResourceKind } from '@talos/resources';

export const CONFIG_NAMESPACE = 'config';
export const RUNTIME_NAMESPACE = 'runtime';
export const SECRETS_NAMESPACE = 'secrets';
export const CONTROLPLANE_NAMESPACE = 'controlplane';

/** The namespaces machined creates at start (meta registers itself). */
export const NODE_NAMESPACES: readonly { name: string; description: string }[] = [
  { name: CONFIG_NAMESPACE, description: 'Talos node configuration.' },
  { name: RUNTIME_NAMESPACE, description: 'Talos runtime state.' },
  { name: SECRETS_NAMESPACE, description: 'Resources with secret material.' },
  { name: CONTROLPLANE_NAMESPACE, description: 'Kubernetes control plane resources.' },
];

/** One per service while it runs (Talos destroys it when the service goes down). */
export interface ServiceSpec {
  running: boolean;
  healthy: boolean;
  /** No health check has answered yet. */
  unknown: boolean;
}

export const ServiceKind = defineResourceKind<ServiceSpec>({
  type: 'Services.v1alpha1.talos.dev',
  displayType: 'Service',
  defaultNamespace: RUNTIME_NAMESPACE,
  aliases: ['svc'],
  printColumns: [
    { name: 'Running', jsonPath: '{.running}' },
    { name: 'Healthy', jsonPath: '{.healthy}' },
  ],
});

/** The machine configuration: the spec is the YAML text exactly as written (comments kept). */
export const MachineConfigKind = defineResourceKind<string>({
  type: 'MachineConfigs.config.talos.dev',
  displayType: 'MachineConfig',
  defaultNamespace: CONFIG_NAMESPACE,
});
export const MACHINE_CONFIG_ID = 'v1alpha1';

/** The machine type (init, controlplane, join) from the configuration. */
export const MachineTypeKind = defineResourceKind<string>({
  type: 'MachineTypes.config.talos.dev',
  displayType: 'MachineType',
  defaultNamespace: CONFIG_NAMESPACE,
});
export const MACHINE_TYPE_ID = 'machine-type';

export const NODE_RESOURCE_KINDS = [ServiceKind, MachineConfigKind, MachineTypeKind] as const;
