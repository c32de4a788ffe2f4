import { eventuallyResource, startControllers, type ControllerRig } from '@talos/resources';
import { silentLogger } from '@talos/log';
import {
  CONFIG_NAMESPACE,
  MACHINE_CONFIG_ID,
  MACHINE_TYPE_ID,
  MachineConfigKind,
  MachineTypeKind,
} from './kinds';
import { MACHINE_TYPE_CONTROLLER, machineTypeController, machineTypeOf } from './machine-type-controller';

const TYPE = MachineTypeKind.definition.type;

describe('config.MachineTypeController', () => {
  let rig: ControllerRig;

  beforeEach(() => {
    rig = startControllers([machineTypeController()], {
      logger: silentLogger(),
      backoff: { initialMs: 10, maxMs: 50 },
    });
  });

  afterEach(async () => {
    await rig.stop();
  });

  it('derives MachineType from the config text, follows changes and goes with the config', async () => {
    const ptr = MachineConfigKind.pointer(MACHINE_CONFIG_ID);
    await rig.state.create(ptr, '# comment\nversion: v1alpha1\nmachine:\n  type: init\n');
    await eventuallyResource(rig.state, CONFIG_NAMESPACE, TYPE, MACHINE_TYPE_ID, {
      spec: 'init',
      metadata: { owner: MACHINE_TYPE_CONTROLLER },
    });
    const cur = await rig.state.get(ptr);
    await rig.state.update(ptr, cur.metadata.version, 'machine:\n  type: controlplane\n');
    await eventuallyResource(rig.state, CONFIG_NAMESPACE, TYPE, MACHINE_TYPE_ID, { spec: 'controlplane' });
    await rig.state.destroy(ptr);
    await eventuallyResource(rig.state, CONFIG_NAMESPACE, TYPE, MACHINE_TYPE_ID, (r) => r === undefined);
  });

  it('writes nothing for a config without machine.type (and retries once it has one)', async () => {
    const ptr = MachineConfigKind.pointer(MACHINE_CONFIG_ID);
    await rig.state.create(ptr, 'version: v1alpha1\n');
    await new Promise((r) => setTimeout(r, 50));
    await expect(rig.state.list(CONFIG_NAMESPACE, TYPE)).resolves.toEqual([]);
    await rig.state.update(ptr, 1, 'machine:\n  type: join\n');
    await eventuallyResource(rig.state, CONFIG_NAMESPACE, TYPE, MACHINE_TYPE_ID, { spec: 'join' });
  });

  it('reads machine.type, refusing text without one', () => {
    expect(machineTypeOf('machine:\n  type: join # worker\n')).toBe('join');
    expect(() => machineTypeOf('machine: {}\n')).toThrow('machine config has no machine.type');
    expect(() => machineTypeOf('machine: [\n')).toThrow(/^error parsing machine config: /);
  });

  it('declares a strong input on MachineConfig v1alpha1 and the exclusive MachineType output', () => {
    expect(rig.runtime.dependencyGraph().edges).toEqual(
      expect.arrayContaining([
        {
          controllerName: MACHINE_TYPE_CONTROLLER,
          edgeType: 'STRONG',
          resourceNamespace: CONFIG_NAMESPACE,
          resourceType: MachineConfigKind.definition.type,
          resourceId: MACHINE_CONFIG_ID,
        },
        {
          controllerName: MACHINE_TYPE_CONTROLLER,
          edgeType: 'MANAGES',
          resourceNamespace: '',
          resourceType: TYPE,
          resourceId: '',
        },
      ]),
    );
  });
});
