import { silentLogger } from '@talos/log';
import { InMemoryState, eventuallyResource, type Resource } from '@talos/resources';
import { ServiceState, type HealthStatus } from '../system/service-state';
import { RUNTIME_NAMESPACE, ServiceKind, type ServiceSpec } from './kinds';
import { SERVICE_ADAPTER_OWNER, ServiceResourceAdapter } from './service-resources';

const healthy: HealthStatus = { healthy: true, lastMessage: '', lastChange: new Date() };
const unhealthy: HealthStatus = { healthy: false, lastMessage: 'down', lastChange: new Date() };

describe('ServiceResourceAdapter', () => {
  let state: InMemoryState;
  let health: Map<string, HealthStatus>;
  let adapter: ServiceResourceAdapter;

  beforeEach(() => {
    state = new InMemoryState();
    health = new Map();
    adapter = new ServiceResourceAdapter(state, (id) => health.get(id), silentLogger());
  });

  const service = (id: string, expected: Parameters<typeof eventuallyResource<ServiceSpec>>[4]) =>
    eventuallyResource<ServiceSpec>(state, RUNTIME_NAMESPACE, ServiceKind.type, id, expected, 1000);

  it('creates the resource when the service runs, with unknown health until a check answers', async () => {
    adapter.onChange({ service: 'apid', state: ServiceState.Waiting });
    adapter.onChange({ service: 'apid', state: ServiceState.Running });
    const r = await service('apid', { spec: { running: true, healthy: false, unknown: true } });
    expect(r!.metadata.owner).toBe(SERVICE_ADAPTER_OWNER);
    expect(r!.metadata.version).toBe(1);
  });

  it('updates health, and reads the current health on a state change', async () => {
    health.set('apid', healthy);
    adapter.onChange({ service: 'apid', state: ServiceState.Running });
    await service('apid', { spec: { running: true, healthy: true, unknown: false } });
    adapter.onChange({ service: 'apid', state: ServiceState.Running, health: unhealthy });
    const r = await service('apid', { spec: { healthy: false, unknown: false } });
    expect(r!.metadata.version).toBe(2);
  });

  it('destroys the resource when the service leaves Running, and re-creates it on restart', async () => {
    const seen: string[] = [];
    const ac = new AbortController();
    const watching = (async () => {
      for await (const ev of state.watchKind<ServiceSpec>(RUNTIME_NAMESPACE, ServiceKind.type, {
        signal: ac.signal,
      })) {
        if (ev.type !== 'bootstrapped') seen.push(`${ev.type} ${ev.resource.metadata.id}`);
      }
    })();
    adapter.onChange({ service: 'udevd', state: ServiceState.Running });
    adapter.onChange({ service: 'udevd', state: ServiceState.Stopping });
    adapter.onChange({ service: 'udevd', state: ServiceState.Finished });
    adapter.onChange({ service: 'udevd', state: ServiceState.Running });
    await adapter.settled();
    await service('udevd', (r: Resource<ServiceSpec> | undefined) => r?.metadata.version === 1);
    ac.abort();
    await watching;
    expect(seen).toEqual(['created udevd', 'destroyed udevd', 'created udevd']);
  });

  it('writes nothing for a service that never ran', async () => {
    adapter.onChange({ service: 'timed', state: ServiceState.Failed });
    await adapter.settled();
    expect(await state.list(RUNTIME_NAMESPACE, ServiceKind.type)).toEqual([]);
  });
});
