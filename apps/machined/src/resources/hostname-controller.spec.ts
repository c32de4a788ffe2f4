import { silentLogger } from '@talos/log';
import { eventuallyResource, startControllers, type ControllerRig } from '@talos/resources';
import { HOSTNAME_ID, HostnameKind, MACHINE_CONFIG_ID, MachineConfigKind, NETWORK_NAMESPACE } from './kinds';
import { HOSTNAME_CONTROLLER, hostnameController, splitHostname } from './hostname-controller';

const TYPE = HostnameKind.definition.type;

describe('network.HostnameStatusController', () => {
  let rig: ControllerRig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });
  const start = (override?: string) =>
    (rig = startControllers([hostnameController({ override, fallback: () => 'host.local' })], {
      logger: silentLogger(),
      backoff: { initialMs: 10, maxMs: 50 },
    }));

  it('splits a fully qualified name', () => {
    expect(splitHostname('node1.example.org')).toEqual({ hostname: 'node1', domainname: 'example.org' });
    expect(splitHostname('node1')).toEqual({ hostname: 'node1', domainname: '' });
  });

  it("takes the config's machine.network.hostname, else the host's name, following the config", async () => {
    const r = start();
    await eventuallyResource(r.state, NETWORK_NAMESPACE, TYPE, HOSTNAME_ID, {
      spec: { hostname: 'host', domainname: 'local' },
      metadata: { owner: HOSTNAME_CONTROLLER },
    });
    const ptr = MachineConfigKind.pointer(MACHINE_CONFIG_ID);
    await r.state.create(ptr, 'machine:\n  network:\n    hostname: worker-1\n');
    await eventuallyResource(r.state, NETWORK_NAMESPACE, TYPE, HOSTNAME_ID, {
      spec: { hostname: 'worker-1', domainname: '' },
    });
    const cur = await r.state.get(ptr);
    await r.state.update(ptr, cur.metadata.version, 'machine:\n  type: join\n');
    await eventuallyResource(r.state, NETWORK_NAMESPACE, TYPE, HOSTNAME_ID, {
      spec: { hostname: 'host', domainname: 'local' },
    });
  });

  it('prefers --hostname over the config', async () => {
    const r = start('cli.example.org');
    await r.state.create(
      MachineConfigKind.pointer(MACHINE_CONFIG_ID),
      'machine:\n  network:\n    hostname: worker-1\n',
    );
    await new Promise((res) => setTimeout(res, 30));
    await eventuallyResource(r.state, NETWORK_NAMESPACE, TYPE, HOSTNAME_ID, {
      spec: { hostname: 'cli', domainname: 'example.org' },
    });
  });
});
