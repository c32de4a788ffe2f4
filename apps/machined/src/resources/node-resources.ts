// machined's resource state: the in-memory State and the controller runtime, with `meta` describing
// the namespaces and types machined publishes, and the configuration written at start (MachineType
// follows from it through config.MachineTypeController).
import type { MachineConfig } from '@talos/config';
import type { Logger } from '@talos/log';
import {
  ControllerRuntime,
  InMemoryState,
  ResourceError,
  registerMeta,
  registerNamespace,
  registerResourceDefinition,
  type Controller,
  type Pointer,
  type State,
} from '@talos/resources';
import { MACHINE_CONFIG_ID, MachineConfigKind, NODE_NAMESPACES, NODE_RESOURCE_KINDS } from './kinds';
import { bootstrapStatusController } from './bootstrap-status-controller';
import { rememberParsedConfig } from './machine-config-cache';
import { machineTypeController } from './machine-type-controller';
import {
  etcdSecretsController,
  kubernetesSecretsController,
  rootSecretsController,
} from './secrets-controllers';

/** Owner of MachineConfig (written by machined when it loads or applies the config). */
export const CONFIG_OWNER = 'v1alpha1.ConfigLoader';

export interface NodeConfigSource {
  /** The configuration file's text as written. */
  text: string;
  /** What `text` parses into (machined has it already): the controllers do not parse it again. */
  config?: MachineConfig;
}

export class NodeResources {
  readonly state: State;
  readonly runtime: ControllerRuntime;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  /** `controllers` join the config-driven ones (machined passes the ones asking timed and networkd). */
  constructor(
    private readonly logger: Logger,
    controllers: readonly Controller[] = [],
  ) {
    this.state = new InMemoryState();
    this.runtime = new ControllerRuntime(this.state, { logger });
    for (const c of [
      machineTypeController(),
      bootstrapStatusController(),
      rootSecretsController(),
      etcdSecretsController(),
      kubernetesSecretsController(),
    ])
      this.runtime.register(c);
    for (const c of controllers) this.runtime.register(c);
  }

  /** Registers meta, namespaces and definitions, writes the config resources, starts the controllers. */
  async start(config: NodeConfigSource): Promise<void> {
    await registerMeta(this.state);
    for (const ns of NODE_NAMESPACES) await registerNamespace(this.state, ns.name, ns.description);
    for (const kind of NODE_RESOURCE_KINDS) await registerResourceDefinition(this.state, kind.definition);
    await this.setConfig(config);
    this.running = this.runtime.run(this.abort.signal).catch((err: Error) => {
      this.logger.error({ err: err.message }, 'controller runtime failed');
    });
  }

  /** Writes MachineConfig (created, or updated when the text changed). */
  async setConfig(config: NodeConfigSource): Promise<void> {
    if (config.config) rememberParsedConfig(config.text, config.config);
    await put(this.state, MachineConfigKind.pointer(MACHINE_CONFIG_ID), config.text);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }
}

async function put<S>(state: State, ptr: Pointer<S>, spec: S): Promise<void> {
  const opts = { owner: CONFIG_OWNER };
  try {
    await state.create(ptr, spec, opts);
    return;
  } catch (err) {
    if (!ResourceError.is(err, 'conflict')) throw err;
  }
  const cur = await state.get(ptr);
  if (cur.spec !== spec) await state.update(ptr, cur.metadata.version, spec, opts);
}
